import type { Cadence } from '../../../core/model/cadence';

/**
 * A replayable calendar scenario: a 1:1 (Avery manages Blake) is made with `cadence` at `start`, then the
 * steps run in order, each against Tandem, against the organizer's calendar as Outlook would change it, or
 * against the clock; `expect` steps check the agenda state at that point. Times are UTC instants written
 * `YYYY-MM-DDTHH:mmZ`; a session is named by its original start.
 *
 * The same trace runs in embedded mode (the local calendar) and in Microsoft 365 mode (the Graph calendar
 * against the Graph emulator): see calendar-scenarios.test.ts. A new scenario is a new file in traces/.
 */
export interface Trace {
  readonly name: string;
  readonly cadence: Cadence;
  /** The clock when the 1:1 is made. */
  readonly start: string;
  readonly steps: readonly Step[];
}

export type Person = 'avery' | 'blake';

export type Step =
  /** The clock moves to this instant. */
  | { readonly clock: string }
  /** Someone raises a topic for a session. */
  | { readonly addTopic: { readonly session: string; readonly title: string; readonly by?: Person } }
  /** The organizer, in Tandem. */
  | { readonly skip: string }
  | { readonly move: { readonly session: string; readonly to: string } }
  | { readonly changeCadence: Cadence }
  /** A meeting held: started at its time, ended through Tandem. */
  | { readonly end: string }
  /** The organizer, in Outlook (then Graph's change notification tells Tandem). */
  | { readonly outlookMove: { readonly session: string; readonly to: string } }
  | { readonly outlookCancel: string }
  /** The agenda state now, as Blake sees it. */
  | { readonly expect: Expectation };

export interface Expectation {
  /** The sessions whose original start is in [from, to): `"<original start>[ → <start>] <status>"`. */
  readonly sessions?: { readonly from: string; readonly to: string; readonly are: readonly string[] };
  /** The session people mean by "the next one" (its original start). */
  readonly next?: string;
  /** Topic titles on a session's agenda, by its original start. */
  readonly topics?: Readonly<Record<string, readonly string[]>>;
  /** The 1:1's cadence as the pair reads it. */
  readonly cadence?: Partial<Cadence>;
}
