import { FixedClock } from '../core/clock';
import { createUseCases, type TandemDeps } from '../core/use-cases';
import { closedRatingPeriods, ratingPeriodBounds } from '../core/model/rating-periods';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Where the demo's past begins: the start of the last closed quarter before `now`, so that quarter is whole
 * (ratings are pooled per closed calendar quarter) and the last 90 days of meeting health are covered.
 */
export function historyStart(now: Date): Date {
  return ratingPeriodBounds(closedRatingPeriods(now, 1)[0]!).from;
}

/** How one demo 1:1 went, session by session (`i` counts its past sessions from the first). */
export interface HistoryProfile {
  readonly pairId: string;
  readonly reportId: string;
  readonly managerId: string;
  /** Sessions the manager skipped: a pair that drifts from its planned rhythm. */
  readonly skipped: (i: number) => boolean;
  /** Each session's topics, the report's and the manager's. */
  readonly topics: (i: number) => ReadonlyArray<{ readonly by: 'report' | 'manager'; readonly title: string }>;
  readonly mood: (i: number) => number;
  readonly reportRating: (i: number) => number;
  /** The manager rates some sessions, not every one. */
  readonly managerRating: (i: number) => number | undefined;
  /** A next step agreed in the session: done before its date or `late`. */
  readonly actionItem: (
    i: number,
  ) => { readonly text: string; readonly by: 'report' | 'manager'; readonly late: boolean } | undefined;
}

interface Step {
  readonly at: number;
  readonly run: () => Promise<unknown>;
}

const MOOD_DAYS = 90;

/** How many of a pair's most recent held sessions record time per topic ("Now discussing"). */
const TIMED_SESSIONS = 3;

/**
 * Plays a 1:1's past through the use-cases, as the two people would have, on a clock walked forward step by step:
 * topics raised two days ahead, a check-in, topics discussed and checked off, a next step, both ratings in the
 * meeting's last minutes (each counts toward the quarter it was given in), the next step closed on time or late.
 * The sessions are the calendar's own occurrences in [from, until); nothing after `now` is played.
 */
export async function playHistory(
  deps: TandemDeps,
  profile: HistoryProfile,
  window: { from: Date; until: Date; now: Date },
): Promise<void> {
  const { pairId, reportId, managerId } = profile;
  const clock = new FixedClock(window.now);
  const uc = createUseCases({ ...deps, clock });
  const slots = (await uc.schedule.list(managerId, pairId, window.from, window.until)).filter(
    (s) => s.status !== 'cancelled',
  );
  const by = (who: 'report' | 'manager') => (who === 'report' ? reportId : managerId);
  const held = slots.map((_, i) => i).filter((i) => !profile.skipped(i));
  const timed = new Set(held.slice(-TIMED_SESSIONS));
  const steps: Step[] = [];
  const at = (time: number, run: () => Promise<unknown>) => steps.push({ at: time, run });
  slots.forEach((slot, i) => {
    const start = Date.parse(slot.start);
    const sessionId = slot.id;
    if (profile.skipped(i)) {
      at(start - 2 * DAY, () => uc.schedule.skip(managerId, pairId, sessionId));
      return;
    }
    const topics = profile.topics(i).map((t, k) => ({ ...t, id: `seed-${pairId}-${i}-t${k}` }));
    topics.forEach((t, k) =>
      at(start - 2 * DAY + k * MINUTE, () =>
        uc.topics.add(by(t.by), pairId, sessionId, { id: t.id, title: t.title, section: 'topics' }),
      ),
    );
    // Check-ins feed the mood trend of the last 90 days (meeting health's default period); older ones add nothing.
    if (start >= window.now.getTime() - MOOD_DAYS * DAY)
      at(start + 3 * MINUTE, () => uc.sessions.checkIn(reportId, pairId, sessionId, { mood: profile.mood(i) }));
    if (timed.has(i)) {
      // The topics share the meeting's first 20 minutes after the check-in; the clock stops before its end.
      const slice = Math.floor(20 / topics.length);
      topics.forEach((t, k) =>
        at(start + (4 + slice * k) * MINUTE, () => uc.meeting.discuss(managerId, pairId, sessionId, t.id)),
      );
      at(start + 24 * MINUTE, () => uc.meeting.discuss(managerId, pairId, sessionId, null));
    }
    topics.forEach((t) =>
      at(start + 25 * MINUTE, () => uc.topics.edit(managerId, pairId, sessionId, t.id, { rev: 1, discussed: true })),
    );
    const item = profile.actionItem(i);
    if (item) {
      const id = `seed-${pairId}-${i}-a`;
      const due = new Date(start + 6 * DAY).toISOString().slice(0, 10);
      at(start + 26 * MINUTE, () =>
        uc.commitments.addActionItem(by(item.by), pairId, {
          id,
          text: item.text,
          ownerId: by(item.by),
          due,
          sessionId,
        }),
      );
      const closed = item.late ? Date.parse(`${due}T16:00:00Z`) + 2 * DAY : start + 3 * DAY;
      at(closed, () => uc.commitments.editActionItem(by(item.by), pairId, id, { rev: 1, status: 'done' }));
    }
    at(start + 28 * MINUTE, () => uc.sessions.rate(reportId, pairId, sessionId, profile.reportRating(i)));
    const own = profile.managerRating(i);
    if (own !== undefined) at(start + 28 * MINUTE, () => uc.sessions.rate(managerId, pairId, sessionId, own));
  });
  // Stable sort: steps at the same minute keep the order they were planned in.
  for (const step of steps.sort((a, b) => a.at - b.at)) {
    if (step.at > window.now.getTime()) continue;
    clock.set(new Date(step.at));
    await step.run();
  }
}

/** Picks from a list by session, round and round: varied, yet the same demo every time. */
export const cycle =
  <T>(values: readonly T[]) =>
  (i: number): T =>
    values[i % values.length]!;
