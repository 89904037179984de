import { randomBytes } from 'node:crypto';
import { RRule, type Options, type Weekday } from 'rrule';
import { Documents } from '../../core/concurrency/documents';
import { NotFoundError, ValidationError, notInvited } from '../../core/errors';
import type { Cadence } from '../../core/model/cadence';
import type { CalendarLink } from '../../core/model/documents';
import type {
  Calendar,
  CreateSeriesRequest,
  LinkSeriesRequest,
  Occurrence,
  SeriesInfo,
} from '../../core/ports/calendar';
import type { DocumentStore } from '../../core/ports/document-store';
import { ownValue, setOwn } from '../../core/model/own-keys';
import { toInstant, toWallClock } from '../../core/model/zoned-time';

interface SeriesDocument {
  readonly schema: 1;
  readonly id: string;
  readonly organizerId: string;
  readonly attendeeId: string;
  readonly subject: string;
  readonly cadence: Cadence;
  readonly chatId: string;
  readonly joinUrl: string;
  /** By original start (ISO): a moved start, or cancelled. */
  exceptions: Record<string, { start?: string; cancelled?: boolean }>;
}

const RRULE_DAYS: Weekday[] = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];
const DAY = 86_400_000;
/** Expansions kept: a series' window asked again while the series is unchanged is not expanded again. */
const EXPANSIONS_KEPT = 1_000;

/**
 * The embedded mode's calendar: a series is its recurrence rule plus stored exceptions, expanded with rrule.
 * It hands out a meeting chat id and join URL shaped like Teams' so the surfaces link the same way they do
 * against a tenant.
 */
export class LocalCalendar implements Calendar {
  private readonly docs: Documents;
  /**
   * By series ETag and window: every read of an agenda lists the same window of the same series, and
   * expanding a rule is most of what listing costs. A changed series has another ETag.
   */
  private readonly expansions = new Map<string, readonly Occurrence[]>();

  constructor(store: DocumentStore) {
    this.docs = new Documents(store);
  }

  async createSeries(request: CreateSeriesRequest): Promise<CalendarLink> {
    // Random, never derived from the pair: knowing a pair's id must not tell its meeting chat. A retried
    // create finds the series already stored and keeps the chat id made the first time.
    const thread = randomBytes(24).toString('base64url');
    const chatId = `19:meeting_${thread}@thread.v2`;
    return this.store(request, chatId, `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0`);
  }

  /** An event made elsewhere (the sandbox's Outlook item): its recurrence from the cadence, its own meeting. */
  async linkSeries(request: LinkSeriesRequest): Promise<CalendarLink> {
    // No event of its own: the attendees the organizer's client read (embedded mode is one trusted machine).
    if (request.attendees) {
      const invited = new Set(request.attendees.map((a) => a.toLowerCase()));
      if (!request.attendeeEmail || !invited.has(request.attendeeEmail.toLowerCase())) throw notInvited();
    }
    const joinUrl =
      request.joinUrl ?? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(request.chatId)}/0`;
    return this.store(request, request.chatId, joinUrl);
  }

  private async store(request: CreateSeriesRequest, chatId: string, joinUrl: string): Promise<CalendarLink> {
    const id = `local-${request.transactionId}`;
    const series = await this.docs.mutate<SeriesDocument, SeriesDocument>(seriesKey(id), (current) => {
      if (current) return { result: current };
      const doc: SeriesDocument = {
        schema: 1,
        id,
        organizerId: request.organizerId,
        attendeeId: request.attendeeId,
        subject: request.subject,
        cadence: request.cadence,
        chatId,
        joinUrl,
        exceptions: {},
      };
      return { write: doc, result: doc };
    });
    return {
      provider: 'local',
      seriesId: series.id,
      organizerId: series.organizerId,
      chatId: series.chatId,
      joinUrl: series.joinUrl,
    };
  }

  async listOccurrences(link: CalendarLink, from: Date, to: Date): Promise<Occurrence[]> {
    const doc = await this.docs.read<SeriesDocument>(seriesKey(link.seriesId));
    if (!doc) throw new NotFoundError('no such calendar series', 'seriesId');
    const key = `${link.seriesId} ${doc.etag} ${from.toISOString()} ${to.toISOString()}`;
    let occurrences = this.expansions.get(key);
    if (!occurrences) {
      occurrences = expand(doc.body, from, to);
      if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.delete(this.expansions.keys().next().value!);
      this.expansions.set(key, occurrences);
    }
    // The caller's own array (occurrences are read-only).
    return [...occurrences];
  }

  async moveOccurrence(link: CalendarLink, originalStart: string, newStart: Date): Promise<Occurrence> {
    return this.docs.mutate<SeriesDocument, Occurrence>(seriesKey(link.seriesId), (current) => {
      if (!current) throw new NotFoundError('no such calendar series', 'seriesId');
      const occurrence = findOccurrence(current, originalStart);
      if (occurrence.status === 'cancelled')
        throw new ValidationError('a cancelled occurrence cannot be moved', 'sessionId');
      const start = newStart.toISOString();
      setOwn(current.exceptions, occurrence.originalStart, { start });
      const end = new Date(newStart.getTime() + current.cadence.durationMinutes * 60_000).toISOString();
      return { write: current, result: { ...occurrence, start, end } };
    });
  }

  async cancelOccurrence(link: CalendarLink, originalStart: string): Promise<void> {
    await this.docs.mutate<SeriesDocument, void>(seriesKey(link.seriesId), (current) => {
      if (!current) throw new NotFoundError('no such calendar series', 'seriesId');
      const occurrence = findOccurrence(current, originalStart);
      if (occurrence.status === 'cancelled') return { result: undefined };
      setOwn(current.exceptions, occurrence.originalStart, {
        ...ownValue(current.exceptions, occurrence.originalStart),
        cancelled: true,
      });
      return { write: current, result: undefined };
    });
  }

  /** The series is removed: nothing of it is listed any more. Already gone is success. */
  async cancelSeries(link: CalendarLink): Promise<void> {
    await this.docs.store.delete(seriesKey(link.seriesId));
  }

  async changeSeries(link: CalendarLink, cadence: Cadence): Promise<void> {
    await this.docs.mutate<SeriesDocument, void>(seriesKey(link.seriesId), (current) => {
      if (!current) throw new NotFoundError('no such calendar series', 'seriesId');
      // As Outlook does when a series' pattern changes: its moved and cancelled occurrences go too.
      return { write: { ...current, cadence, exceptions: {} }, result: undefined };
    });
  }

  async restoreOccurrence(link: CalendarLink, originalStart: string): Promise<Occurrence> {
    return this.docs.mutate<SeriesDocument, Occurrence>(seriesKey(link.seriesId), (current) => {
      if (!current) throw new NotFoundError('no such calendar series', 'seriesId');
      const occurrence = findOccurrence(current, originalStart);
      if (occurrence.status !== 'cancelled') return { result: occurrence };
      // Back at its original time: a skip cancels the slot, and undoing it restores that slot.
      const rest = { ...ownValue(current.exceptions, occurrence.originalStart) };
      delete rest.cancelled;
      delete rest.start;
      setOwn(current.exceptions, occurrence.originalStart, rest);
      const end = new Date(Date.parse(occurrence.originalStart) + current.cadence.durationMinutes * 60_000);
      const restored: Occurrence = {
        originalStart: occurrence.originalStart,
        start: occurrence.originalStart,
        end: end.toISOString(),
        status: 'scheduled',
      };
      return { write: current, result: restored };
    });
  }

  /** A series in the organizer's calendar; a series of someone else's is not found, as in Outlook. */
  async readSeries(organizerId: string, seriesId: string): Promise<SeriesInfo> {
    const doc = (await this.docs.read<SeriesDocument>(seriesKey(seriesId)))?.body;
    if (!doc || doc.organizerId !== organizerId) throw new NotFoundError('no such calendar series', 'seriesId');
    return {
      link: { provider: 'local', seriesId: doc.id, organizerId, chatId: doc.chatId, joinUrl: doc.joinUrl },
      cadence: doc.cadence,
      attendees: [doc.attendeeId],
    };
  }
}

function seriesKey(id: string): string {
  return `calendar/series/${id}`;
}

function findOccurrence(series: SeriesDocument, originalStart: string): Occurrence {
  const at = Date.parse(originalStart);
  const found = expand(series, new Date(at), new Date(at + 1)).find((o) => Date.parse(o.originalStart) === at);
  if (!found) throw new NotFoundError('no such occurrence', 'sessionId');
  return found;
}

/** Occurrences whose original start is in [from, to), exceptions applied. */
export function expand(series: SeriesDocument, from: Date, to: Date): Occurrence[] {
  const { cadence } = series;
  // rrule works on "floating" wall-clock times written as UTC dates; widen by a day for zone offsets.
  const after = floatingOf(from, cadence.timeZone, -DAY);
  const rule = new RRule(ruleOptions(cadence, after));
  const floating = rule.between(after, floatingOf(to, cadence.timeZone, DAY), true);
  const duration = cadence.durationMinutes * 60_000;
  return floating
    .map((f) =>
      toInstant(
        {
          year: f.getUTCFullYear(),
          month: f.getUTCMonth() + 1,
          day: f.getUTCDate(),
          hour: f.getUTCHours(),
          minute: f.getUTCMinutes(),
        },
        cadence.timeZone,
      ),
    )
    .filter((d) => d >= from && d < to)
    .map((d) => {
      const originalStart = d.toISOString();
      const exception = ownValue(series.exceptions, originalStart);
      const start = exception?.start ?? originalStart;
      return {
        originalStart,
        start,
        end: new Date(Date.parse(start) + duration).toISOString(),
        status: exception?.cancelled ? 'cancelled' : 'scheduled',
      };
    });
}

function floatingOf(instant: Date, timeZone: string, pad: number): Date {
  const w = toWallClock(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) + pad);
}

/**
 * The rule with its start moved forward to just before `near`, in whole recurrence steps, so expanding a
 * window costs what the window holds, not the time since the series began (rrule iterates from dtstart).
 * Floating times have no daylight-saving jumps, so whole days and months keep the wall-clock time.
 */
function ruleOptions(cadence: Cadence, near: Date): Partial<Options> {
  const [year, month, day] = cadence.startDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const weekday = RRULE_DAYS[first.getUTCDay()]!;
  switch (cadence.frequency) {
    case 'weekly':
    case 'biweekly': {
      const interval = cadence.frequency === 'weekly' ? 1 : 2;
      // Whole steps of 7 or 14 days keep the weekday and the biweekly phase.
      const step = 7 * interval * DAY;
      const steps = Math.max(0, Math.floor((near.getTime() - first.getTime()) / step) - 1);
      const dtstart = new Date(first.getTime() + steps * step);
      return { freq: RRule.WEEKLY, interval, byweekday: [weekday], dtstart };
    }
    case 'monthly': {
      // The same weekday of the same week of the month; a fifth week means "the last". Every month matches,
      // so the start may move to the first day of any later month (the month before `near`'s).
      const week = Math.ceil(day / 7);
      const earlier = new Date(Date.UTC(near.getUTCFullYear(), near.getUTCMonth() - 1, 1, hour, minute));
      const dtstart = earlier > first ? earlier : first;
      return { freq: RRule.MONTHLY, interval: 1, byweekday: [weekday.nth(week === 5 ? -1 : week)], dtstart };
    }
  }
}
