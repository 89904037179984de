import { randomUUID } from 'node:crypto';
import { RRule, type Options, type Weekday } from 'rrule';
import { toInstant, toWallClock } from '../../core/model/zoned-time';

/** The parts of a Graph event the emulator keeps. Times are instants; the series' zone is `timeZone`. */
export interface SeriesState {
  readonly id: string;
  readonly ownerId: string;
  readonly transactionId?: string;
  subject: string;
  timeZone: string;
  start: Date;
  durationMs: number;
  recurrence: GraphRecurrence;
  readonly joinUrl: string;
  /** Attendee addresses as the event was created with. */
  readonly attendees?: readonly string[];
  /** By original start (ISO): moved occurrences and cancelled ones. */
  readonly exceptions: Map<string, { start?: Date; cancelled?: boolean }>;
}

export interface GraphRecurrence {
  readonly pattern: {
    readonly type: string;
    readonly interval: number;
    readonly daysOfWeek?: string[];
    readonly firstDayOfWeek?: string;
    readonly index?: string;
    readonly dayOfMonth?: number;
  };
  readonly range: { readonly type: string; readonly startDate: string; readonly endDate?: string };
}

const DAYS: Record<string, Weekday> = {
  sunday: RRule.SU,
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
};
const INDEX: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };
const DAY = 86_400_000;

export function newSeries(ownerId: string, init: Omit<SeriesState, 'id' | 'ownerId' | 'exceptions' | 'joinUrl'>) {
  const id = `AAMk-${randomUUID()}`;
  const thread = randomUUID().replace(/-/g, '');
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(`19:meeting_${thread}@thread.v2`)}/0`;
  return { ...init, id, ownerId, joinUrl, exceptions: new Map() } satisfies SeriesState;
}

export interface OccurrenceState {
  readonly id: string;
  readonly originalStart: Date;
  readonly start: Date;
  readonly end: Date;
  readonly cancelled: boolean;
  readonly moved: boolean;
}

export function occurrenceId(series: SeriesState, originalStart: Date): string {
  return `${series.id}.OCC.${originalStart.toISOString().replace(/[-:.]/g, '')}`;
}

/** Occurrences whose (moved) start lies in [from, to), as Graph's /instances answers. */
export function expandSeries(series: SeriesState, from: Date, to: Date): OccurrenceState[] {
  const wall = toWallClock(series.start, series.timeZone);
  const dtstart = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const rule = new RRule(ruleOptions(series.recurrence, dtstart));
  const wide = rule.between(new Date(from.getTime() - 62 * DAY), new Date(to.getTime() + 62 * DAY), true);
  return wide
    .map((f) => {
      const originalStart = toInstant(
        {
          year: f.getUTCFullYear(),
          month: f.getUTCMonth() + 1,
          day: f.getUTCDate(),
          hour: f.getUTCHours(),
          minute: f.getUTCMinutes(),
        },
        series.timeZone,
      );
      const exception = series.exceptions.get(originalStart.toISOString());
      const start = exception?.start ?? originalStart;
      return {
        id: occurrenceId(series, originalStart),
        originalStart,
        start,
        end: new Date(start.getTime() + series.durationMs),
        cancelled: exception?.cancelled === true,
        moved: exception?.start !== undefined,
      };
    })
    .filter((o) => o.start >= from && o.start < to);
}

function ruleOptions(recurrence: GraphRecurrence, dtstart: Date): Partial<Options> {
  const p = recurrence.pattern;
  const days = (p.daysOfWeek ?? []).map((d) => DAYS[d]!);
  const until = recurrence.range.endDate ? new Date(`${recurrence.range.endDate}T23:59:59Z`) : null;
  switch (p.type) {
    case 'weekly':
      return { freq: RRule.WEEKLY, interval: p.interval, byweekday: days, dtstart, until };
    case 'relativeMonthly':
      return {
        freq: RRule.MONTHLY,
        interval: p.interval,
        byweekday: days.map((d) => d.nth(INDEX[p.index ?? 'first']!)),
        dtstart,
        until,
      };
    case 'absoluteMonthly':
      return { freq: RRule.MONTHLY, interval: p.interval, bymonthday: [p.dayOfMonth!], dtstart, until };
    default:
      throw new Error(`recurrence type ${p.type} is not emulated`);
  }
}
