import type { PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import type { Cadence } from '../../../core/model/cadence';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEK_INDEX = ['first', 'second', 'third', 'fourth', 'last'] as const;

/**
 * A pair's cadence as Graph recurrence (docs/graph-facts.md, Events and recurrence): weekly with daysOfWeek and an explicit firstDayOfWeek,
 * every two weeks as interval 2, monthly as the same weekday of the same week (relativeMonthly; a fifth week
 * means "last"). The range starts on the first occurrence's date, as Graph requires, and has no end.
 */
export function recurrenceOf(cadence: Cadence): PatternedRecurrence {
  const [year, month, day] = cadence.startDate.split('-').map(Number) as [number, number, number];
  const weekday = DAY_NAMES[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const range = { type: 'noEnd' as const, startDate: cadence.startDate };
  switch (cadence.frequency) {
    case 'weekly':
    case 'biweekly':
      return {
        pattern: {
          type: 'weekly',
          interval: cadence.frequency === 'weekly' ? 1 : 2,
          daysOfWeek: [weekday],
          firstDayOfWeek: 'monday',
        },
        range,
      };
    case 'monthly':
      return {
        pattern: {
          type: 'relativeMonthly',
          interval: 1,
          daysOfWeek: [weekday],
          index: WEEK_INDEX[Math.ceil(day / 7) - 1]!,
        },
        range,
      };
  }
}

/** Local start and end (`YYYY-MM-DDTHH:mm:00`) of the first occurrence, in the cadence's zone. */
export function firstSlot(cadence: Cadence): { start: string; end: string } {
  const [year, month, day] = cadence.startDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  const start = Date.UTC(year, month - 1, day, hour, minute);
  const local = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return { start: local(start), end: local(start + cadence.durationMinutes * 60_000) };
}

/** The Teams meeting chat thread id inside a join URL. */
export function chatIdOf(joinUrl: string | undefined): string | undefined {
  if (!joinUrl) return undefined;
  return /19:meeting_[^@/]+@thread\.v2/.exec(decodeURIComponent(joinUrl))?.[0];
}

/**
 * The cadence of a series read from Graph (its master's local start, zone and length), or undefined when its
 * pattern is one `recurrenceOf` never makes: Tandem keeps weekly, every two weeks and monthly on one weekday.
 */
export function cadenceOf(
  recurrence: PatternedRecurrence | null | undefined,
  start: { date: string; time: string },
  timeZone: string,
  durationMinutes: number,
): Cadence | undefined {
  const pattern = recurrence?.pattern;
  if (!pattern) return undefined;
  const frequency =
    pattern.type === 'weekly' && pattern.interval === 1
      ? 'weekly'
      : pattern.type === 'weekly' && pattern.interval === 2
        ? 'biweekly'
        : pattern.type === 'relativeMonthly' && pattern.interval === 1
          ? 'monthly'
          : undefined;
  if (!frequency) return undefined;
  const cadence: Cadence = { frequency, startDate: start.date, time: start.time, timeZone, durationMinutes };
  const expected = recurrenceOf(cadence).pattern!;
  const same =
    (pattern.daysOfWeek ?? []).join() === (expected.daysOfWeek ?? []).join() &&
    (frequency !== 'monthly' || (pattern.index ?? 'first') === expected.index);
  return same ? cadence : undefined;
}
