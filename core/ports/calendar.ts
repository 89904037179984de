import type { Cadence } from '../model/cadence';
import type { CalendarLink, UserId } from '../model/documents';

/** One occurrence of a pair's series. `originalStart` never changes, even when the meeting moves. */
export interface Occurrence {
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  readonly status: 'scheduled' | 'cancelled';
}

export interface CreateSeriesRequest {
  readonly organizerId: UserId;
  readonly attendeeId: UserId;
  /** The attendee's mailbox and name when the caller already has them (saves the calendar a look-up). */
  readonly attendee?: { readonly email: string; readonly displayName: string };
  readonly subject: string;
  readonly cadence: Cadence;
  /** Same value on a retried create → the same series, never a duplicate. */
  readonly transactionId: string;
}

/** An existing series with a Teams meeting (an Outlook event made a 1:1), adopted instead of created. */
export interface LinkSeriesRequest extends CreateSeriesRequest {
  readonly chatId: string;
  readonly joinUrl?: string;
  /** The calendar's own id of the series (a REST id for Outlook), when the caller knows it. */
  readonly seriesId?: string;
  /**
   * The event's attendee addresses as the organizer's client read them. An adapter that can read the event
   * itself (Graph) ignores them; the local calendar has no event of its own and checks these.
   */
  readonly attendees?: readonly string[];
  /** The report's address, for the local calendar's check. */
  readonly attendeeEmail?: string;
}

/** A series as its organizer's calendar holds it: what a 1:1 needs to follow it (docs/occurrences.md). */
export interface SeriesInfo {
  readonly link: CalendarLink;
  /** Its rhythm as Tandem keeps it; `startDate` is the series' first date. */
  readonly cadence: Cadence;
  /** Everyone invited but the organizer: user ids where the calendar knows them, else lowercase addresses. */
  readonly attendees: readonly string[];
  /** The series' last date (YYYY-MM-DD, in its zone) when it ends; absent when it runs on. */
  readonly until?: string;
}

/**
 * The local calendar (embedded) or the organizer's Outlook calendar through Graph. Both pass the contract
 * suite in tests/contracts/calendar-contract.ts. An unknown occurrence is a NotFoundError on `sessionId`, an
 * unknown series one on `seriesId`; moving a cancelled occurrence is a ValidationError.
 */
export interface Calendar {
  createSeries(request: CreateSeriesRequest): Promise<CalendarLink>;
  /**
   * Optional: an adapter that cannot adopt an existing series leaves it out and the use-case says so. Refuses
   * (`notInvited()`) when the attendee is not invited to the event.
   */
  linkSeries?(request: LinkSeriesRequest): Promise<CalendarLink>;
  /** Occurrences whose original start lies in [from, to), cancelled ones included, by original start. */
  listOccurrences(series: CalendarLink, from: Date, to: Date): Promise<Occurrence[]>;
  moveOccurrence(series: CalendarLink, originalStart: string, newStart: Date): Promise<Occurrence>;
  cancelOccurrence(series: CalendarLink, originalStart: string): Promise<void>;
  /**
   * Cancels the whole series (a deleted 1:1): both people's calendars lose it. Idempotent: a series already
   * gone is not an error. Optional: without it the series is left in the calendar and the use-case says so.
   */
  cancelSeries?(series: CalendarLink): Promise<void>;
  /**
   * The series follows `cadence` from its `startDate` on (the organizer changed the cadence, weekday, time,
   * length or time zone); the occurrences before that date and every moved or cancelled one are dropped from
   * the series, so Tandem keeps its own copy of the past first. The Teams meeting (its join link and chat)
   * stays the same.
   */
  changeSeries(series: CalendarLink, cadence: Cadence): Promise<void>;
  /**
   * Optional: brings a cancelled occurrence back at its original time (undoing a skip). Outlook has no such
   * operation (a cancelled occurrence is gone from the series), so the Graph adapter leaves it out and the
   * use-case says so. Restoring one that is not cancelled changes nothing.
   */
  restoreOccurrence?(series: CalendarLink, originalStart: string): Promise<Occurrence>;
  /**
   * Optional: a series in `organizerId`'s calendar (an occurrence's id leads to its series), for a 1:1 to
   * follow it. An unknown one is a NotFoundError on `seriesId`; one whose rhythm Tandem cannot keep (not
   * weekly, every two weeks or monthly on one weekday) a ValidationError on `seriesId`.
   */
  readSeries?(organizerId: UserId, seriesId: string): Promise<SeriesInfo>;
  /**
   * Optional: from now on, changes in `organizerId`'s calendar reach Tandem (Graph's change notifications), as
   * for a series created or linked through Tandem. For someone who becomes a 1:1's organizer by linking.
   */
  watch?(organizerId: UserId): Promise<void>;
}
