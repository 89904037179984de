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
  /** The modes it runs in (both when absent): embedded mode has no Outlook to split a series in. */
  readonly modes?: ReadonlyArray<'embedded' | 'graph'>;
}

/** Avery manages Blake and Casey; Devon is in another team. */
export type Person = 'avery' | 'blake' | 'casey' | 'devon';

export type Step =
  /** The clock moves to this instant. */
  | { readonly clock: string }
  /** Someone raises a topic for a session. */
  | { readonly addTopic: { readonly session: string; readonly title: string; readonly by?: Person } }
  /** The organizer, in Tandem. */
  | { readonly skip: string }
  | { readonly move: { readonly session: string; readonly to: string; readonly by?: Person } }
  | { readonly changeCadence: Cadence }
  /** A meeting held: started at its time, ended through Tandem. */
  | { readonly end: string }
  /** The organizer, in Outlook (then Graph's change notification tells Tandem). */
  | { readonly outlookMove: { readonly session: string; readonly to: string } }
  | { readonly outlookCancel: string }
  /**
   * "This and all following" in Outlook from the occurrence on date `from`: the old series ends the day before,
   * a new one follows `cadence` (its first meeting on `cadence.startDate`, on or after `from`).
   */
  | { readonly outlookSplit: { readonly from: string; readonly cadence: Cadence } }
  /** The organizer deletes the whole series in Outlook. */
  | { readonly outlookDeleteSeries: true }
  /** Someone makes a new recurring Teams meeting with one attendee in Outlook. */
  | { readonly outlookNewSeries: { readonly by: Person; readonly with: Person; readonly cadence: Cadence } }
  /** One of the pair links the series they made last ("Link to another series"). */
  | { readonly linkSeries: { readonly by: Person } }
  /** The directory changes (Entra ID), then Tandem's reconciliation runs. */
  | { readonly directory: { readonly person: Person; readonly managerId?: Person; readonly left?: true } }
  /** A step that must be refused, with this problem code or error class name. */
  | { readonly refused: Step; readonly because: string }
  /** The agenda state now, as Blake sees it (or `as`). */
  | { readonly expect: Expectation };

export interface Expectation {
  /** Whose view (Blake when absent). */
  readonly as?: Person;
  /** The sessions whose original start is in [from, to): `"<original start>[ → <start>] <status>"`. */
  readonly sessions?: { readonly from: string; readonly to: string; readonly are: readonly string[] };
  /** The session people mean by "the next one" (its original start), or `none`. */
  readonly next?: string;
  /** Topic titles on a session's agenda, by its original start. */
  readonly topics?: Readonly<Record<string, readonly string[]>>;
  /** The 1:1's cadence as the pair reads it. */
  readonly cadence?: Partial<Cadence>;
  /** Whose calendar holds the series now. */
  readonly organizer?: Person;
  /** The 1:1 is archived (listed apart in `/api/me`), for this reason. */
  readonly archived?: 'by-person' | 'manager-changed' | 'left';
  /** New 1:1s proposed to this person: "<manager> and <report>". */
  readonly proposals?: readonly string[];
}
