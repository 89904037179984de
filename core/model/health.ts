import type { PairDocument, SessionDocument } from './documents';
import { sessionIdFromStart } from './ids';
import { timeSpent } from './meeting-flow';
import { isShared } from './private-topics';
import { isConcluded, type Slot } from './timeline';

const DAY = 86_400_000;

/** A ratio with what it was computed from, so a reader can tell 1 of 1 from 40 of 40. */
export interface Ratio {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}

export interface PairHealth {
  readonly from: string;
  readonly to: string;
  readonly scheduled: number;
  /** held ÷ scheduled, over occurrences that have started. */
  readonly cadenceKept: Ratio;
  readonly rescheduleRate: Ratio;
  /** Skipped in Tandem or cancelled elsewhere. */
  readonly cancelRate: Ratio;
  readonly averageDaysBetweenSessions: number | null;
  /** Share of topics raised by the report: the agenda should be theirs first. */
  readonly reportTopicShare: Ratio;
  readonly actionItemsDone: Ratio;
  readonly actionItemsDoneOnTime: Ratio;
  /** Open topics that already missed the session they were raised for. */
  readonly carriedOverTopics: {
    readonly count: number;
    readonly averageAgeDays: number | null;
    readonly maxAgeDays: number | null;
  };
  /** How the held meetings' time was spent, from "Now discussing" (core/model/meeting-flow.ts). */
  readonly time: TimePerTopic;
  /** Mean check-in mood per held session and the least-squares slope per session. Shown in the pair only. */
  readonly moodTrend: {
    readonly points: Array<{ sessionId: string; mood: number }>;
    readonly slopePerSession: number | null;
  };
}

export interface TimePerTopic {
  readonly totalSeconds: number;
  /** Of which on topics the report raised. */
  readonly reportSeconds: number;
  /** reportSeconds ÷ totalSeconds; null when no time was recorded. */
  readonly reportShare: number | null;
  /** How many topics have recorded time, and their mean. */
  readonly topicsTimed: number;
  readonly averageSecondsPerTopic: number | null;
  /** The topics that took longest, longest first. */
  readonly longest: Array<{
    readonly id: string;
    readonly title: string;
    readonly seconds: number;
    readonly byReport: boolean;
  }>;
}

/** How many of the longest topics a pair's health lists. */
const LONGEST_TOPICS = 3;

/** Time per topic over the held sessions, summed across sessions for a topic discussed in more than one. */
export function timePerTopic(pair: PairDocument, heldSessions: readonly (SessionDocument | undefined)[]): TimePerTopic {
  const byTopic = new Map<string, { id: string; title: string; seconds: number; byReport: boolean }>();
  for (const session of heldSessions) {
    for (const row of timeSpent(pair, session, pair.topics).topics) {
      const seen = byTopic.get(row.id);
      byTopic.set(row.id, seen ? { ...seen, seconds: seen.seconds + row.seconds } : { ...row });
    }
  }
  const rows = [...byTopic.values()];
  const totalSeconds = rows.reduce((sum, r) => sum + r.seconds, 0);
  const reportSeconds = rows.filter((r) => r.byReport).reduce((sum, r) => sum + r.seconds, 0);
  return {
    totalSeconds,
    reportSeconds,
    reportShare: totalSeconds === 0 ? null : round(reportSeconds / totalSeconds),
    topicsTimed: rows.length,
    averageSecondsPerTopic: rows.length === 0 ? null : Math.round(totalSeconds / rows.length),
    longest: rows.sort((a, b) => b.seconds - a.seconds || a.id.localeCompare(b.id)).slice(0, LONGEST_TOPICS),
  };
}

function ratio(numerator: number, denominator: number): Ratio {
  return { value: denominator === 0 ? null : round(numerator / denominator), numerator, denominator };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function inPeriod(iso: string, from: Date, to: Date): boolean {
  const t = Date.parse(iso);
  return t >= from.getTime() && t < to.getTime();
}

export function slope(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return round(num / den);
}

/**
 * Meeting health of one pair over [from, to), derived from the calendar, the pair and its session documents.
 * `slots` are the pair's occurrences whose original start is in the period; `sessions` their documents.
 */
export function computePairHealth(input: {
  pair: PairDocument;
  slots: readonly Slot[];
  sessions: ReadonlyMap<string, SessionDocument>;
  from: Date;
  to: Date;
  now: Date;
}): PairHealth {
  const { from, to, now } = input;
  // Meeting health is shared ground: no one's private topics count.
  const pair = { ...input.pair, topics: input.pair.topics.filter(isShared) };
  const started = input.slots.filter((s) => Date.parse(s.occurrence.start) <= now.getTime());
  const held = started.filter((s) => s.status === 'held');
  const moved = started.filter((s) => s.occurrence.start !== s.occurrence.originalStart);
  const cancelled = started.filter((s) => s.status === 'skipped' || s.status === 'cancelled');
  // A skipped occurrence still counts as scheduled even when its original time is still ahead.
  const skippedAhead = input.slots.filter((s) => !started.includes(s) && s.occurrence.status === 'cancelled');
  const scheduled = started.length + skippedAhead.length;

  const heldStarts = held.map((s) => Date.parse(s.occurrence.start)).sort((a, b) => a - b);
  const gaps = heldStarts.slice(1).map((t, i) => (t - heldStarts[i]!) / DAY);

  const topics = pair.topics.filter((t) => inPeriod(t.createdAt, from, to));
  const items = pair.actionItems.filter(
    (a) => inPeriod(`${a.due}T00:00:00Z`, from, to) && Date.parse(`${a.due}T00:00:00Z`) <= now.getTime(),
  );
  const done = items.filter((a) => a.status === 'done');
  const onTime = done.filter((a) => a.closedAt !== undefined && a.closedAt.slice(0, 10) <= a.due);

  // An open topic is carried over once the session it was raised for is over, skipped or cancelled. Sessions
  // outside the period (before it, or after a period that ends now, the default) are judged by their time.
  const slotById = new Map(input.slots.map((s) => [s.id, s]));
  const nowId = sessionIdFromStart(now);
  const missed = (sessionId: string): boolean => {
    const slot = slotById.get(sessionId);
    return slot ? isConcluded(slot.status) : sessionId < nowId;
  };
  const carried = pair.topics.filter((t) => !t.discussedIn && t.sessionId !== undefined && missed(t.sessionId));
  const ages = carried.map((t) => (now.getTime() - Date.parse(t.createdAt)) / DAY);

  const points = held
    .map((s) => {
      const moods = Object.values(input.sessions.get(s.id)?.checkIns ?? {}).map((c) => c.mood);
      return moods.length === 0
        ? undefined
        : { sessionId: s.id, mood: round(moods.reduce((a, b) => a + b, 0) / moods.length) };
    })
    .filter((p): p is { sessionId: string; mood: number } => p !== undefined);

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    scheduled,
    cadenceKept: ratio(held.length, scheduled),
    rescheduleRate: ratio(moved.length, scheduled),
    cancelRate: ratio(cancelled.length + skippedAhead.length, scheduled),
    averageDaysBetweenSessions: gaps.length === 0 ? null : round(gaps.reduce((a, b) => a + b, 0) / gaps.length),
    reportTopicShare: ratio(topics.filter((t) => t.authorId === pair.reportId).length, topics.length),
    actionItemsDone: ratio(done.length, items.length),
    actionItemsDoneOnTime: ratio(onTime.length, done.length),
    carriedOverTopics: {
      count: carried.length,
      averageAgeDays: ages.length === 0 ? null : round(ages.reduce((a, b) => a + b, 0) / ages.length),
      maxAgeDays: ages.length === 0 ? null : round(Math.max(...ages)),
    },
    time: timePerTopic(
      pair,
      held.map((s) => input.sessions.get(s.id)),
    ),
    moodTrend: { points, slopePerSession: slope(points.map((p) => p.mood)) },
  };
}

/** In a two-person meeting anything finer than a pool of at least this many raters identifies the rater. */
export const MIN_DISTINCT_RATERS = 3;

/**
 * One period's release: the average to one decimal and nothing else. No count of ratings or raters: with
 * one, the average gives the sum, and a manager who knows how some reports rated could solve for the rest.
 */
export type PooledRating =
  | { readonly available: true; readonly average: number }
  | { readonly available: false; readonly minimumRaters: number };

/** Ratings the manager's reports gave in one period, pooled across all of them; hidden below the rater threshold. */
export function poolRatings(ratings: ReadonlyArray<{ raterId: string; score: number }>): PooledRating {
  const raters = new Set(ratings.map((r) => r.raterId)).size;
  if (raters < MIN_DISTINCT_RATERS) return { available: false, minimumRaters: MIN_DISTINCT_RATERS };
  return {
    available: true,
    average: Math.round((ratings.reduce((a, r) => a + r.score, 0) / ratings.length) * 10) / 10,
  };
}

/** The report's share of recorded time across a manager's 1:1s; hidden unless enough of them recorded time. */
export type PooledTimeShare =
  | { readonly available: true; readonly reportShare: number }
  | { readonly available: false; readonly minimumPairs: number };

/**
 * Pooled like the ratings: only once at least MIN_DISTINCT_RATERS of the manager's 1:1s recorded time, so the
 * figure never stands for one or two people.
 */
export function poolTimeShare(times: readonly TimePerTopic[]): PooledTimeShare {
  const timed = times.filter((t) => t.totalSeconds > 0);
  if (timed.length < MIN_DISTINCT_RATERS) return { available: false, minimumPairs: MIN_DISTINCT_RATERS };
  const total = timed.reduce((sum, t) => sum + t.totalSeconds, 0);
  return { available: true, reportShare: round(timed.reduce((sum, t) => sum + t.reportSeconds, 0) / total) };
}
