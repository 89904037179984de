import type { Frequency } from './cadence';
import type { PairHealth } from './health';

/** How often a pair really meets, in the buckets people use for 1:1s (as Viva Insights buckets them). */
export type RealCadence = 'weekly' | 'biweekly' | 'monthly' | 'less than monthly';

const PLANNED_DAYS: Record<Frequency, number> = { weekly: 7, biweekly: 14, monthly: 30 };
const ORDER: readonly RealCadence[] = ['weekly', 'biweekly', 'monthly', 'less than monthly'];

/** The bucket an average gap falls in; the bounds sit halfway between the planned gaps (see docs/growth.md). */
export function realCadence(averageDays: number): RealCadence {
  if (averageDays <= 10.5) return 'weekly';
  if (averageDays <= 22) return 'biweekly';
  if (averageDays <= 45) return 'monthly';
  return 'less than monthly';
}

/** A pair that planned weekly but really meets monthly has drifted two buckets; null without a rhythm yet. */
export function cadenceDrift(
  planned: Frequency,
  averageDays: number | null,
): { readonly real: RealCadence; readonly bucketsSlower: number } | null {
  if (averageDays === null) return null;
  const real = realCadence(averageDays);
  const plannedBucket = realCadence(PLANNED_DAYS[planned]);
  return { real, bucketsSlower: Math.max(0, ORDER.indexOf(real) - ORDER.indexOf(plannedBucket)) };
}

export interface Advice {
  /** Which advice it is, so a view can say it in the reader's language (`real` is set for 'drift'). */
  readonly kind: 'drift' | 'kept' | 'topics' | 'on-time';
  readonly real?: RealCadence;
  /** The measure it is about, in people's words. */
  readonly measure: string;
  /** One line of what to try, from the practices the product is built on. */
  readonly tryThis: string;
}

/** Below these a measure earns a line of advice; the same thresholds colour the bars. */
export const ADVICE_THRESHOLDS = { cadenceKept: 0.8, reportTopicShare: 0.5, doneOnTime: 0.6, cancelRate: 0.2 };

/**
 * What to try for each measure of one pair that asks for it. Only the pair's own measures: never anything
 * about one person's rating (ratings are shown pooled, elsewhere, above a minimum number of raters).
 */
export function healthAdvice(health: PairHealth, planned: Frequency): Advice[] {
  const advice: Advice[] = [];
  const drift = cadenceDrift(planned, health.averageDaysBetweenSessions);
  if (drift && drift.bucketsSlower > 0) {
    advice.push({
      kind: 'drift',
      real: drift.real,
      measure: `Planned ${planned}, really ${drift.real}`,
      tryThis:
        'Move a session rather than skip it, and keep the slot even when there is little to say: a short 1:1 still counts.',
    });
  }
  const below = (r: { value: number | null }, t: number) => r.value !== null && r.value < t;
  if (
    below(health.cadenceKept, ADVICE_THRESHOLDS.cadenceKept) ||
    (health.cancelRate.value ?? 0) > ADVICE_THRESHOLDS.cancelRate
  ) {
    advice.push({
      kind: 'kept',
      measure: 'Sessions kept',
      tryThis: 'Treat the 1:1 as the last meeting to cancel; if a week is impossible, move it within the week.',
    });
  }
  if (below(health.reportTopicShare, ADVICE_THRESHOLDS.reportTopicShare)) {
    advice.push({
      kind: 'topics',
      measure: 'Topics raised by the report',
      tryThis: 'Ask for their topics first, and hold yours until theirs are on the agenda: the meeting is theirs.',
    });
  }
  if (below(health.actionItemsDoneOnTime, ADVICE_THRESHOLDS.doneOnTime)) {
    advice.push({
      kind: 'on-time',
      measure: 'Commitments done on time',
      tryThis: 'Agree fewer, smaller next steps with a named owner and a date, and open each 1:1 with last time’s.',
    });
  }
  return advice;
}

/** A manager's own rating this much above their reports' pooled rating asks for a line of advice. */
export const RATING_GAP_THRESHOLD = 0.5;

/**
 * The gap between how the manager rates their 1:1s and how their reports do, pooled (managers tend to
 * overrate them). Only from a released pool, so it never tells one rater's score; null when there is no
 * figure to compare. `adviceDue` when the gap is wide enough to try something.
 */
export function ratingGap(release: {
  readonly available: boolean;
  readonly average?: number;
  readonly managerAverage?: number;
}): { readonly gap: number; readonly adviceDue: boolean } | null {
  if (!release.available || release.average === undefined || release.managerAverage === undefined) return null;
  const gap = Math.round((release.managerAverage - release.average) * 10) / 10;
  return { gap, adviceDue: gap >= RATING_GAP_THRESHOLD };
}
