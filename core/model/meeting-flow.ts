import type { PairDocument, SessionDocument, Topic, UserId } from './documents';

/**
 * What the two people are on during the meeting: the topic marked "now discussing" and, per topic, the
 * seconds it was current. Time is recorded when they move on (another topic, nothing, or the meeting's end),
 * so the recap and meeting health can say how time was spent without any transcript or recording.
 */
export interface NowDiscussing {
  readonly topicId: string;
  /** When it became current (the service's clock). */
  readonly since: string;
  readonly by: UserId;
}

/** Something that went well since last time, noted by either person; shown in the recap. */
export interface Win {
  readonly id: string;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
}

/** Seconds between two instants, never negative (a clock step backwards records nothing). */
function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/**
 * Make `topicId` current (or nothing, when undefined), adding the time of the topic that was current to its
 * total. Marking the current topic again changes nothing. Returns whether the session changed.
 */
export function moveOn(session: SessionDocument, topicId: string | undefined, at: string, by: UserId): boolean {
  const current = session.nowDiscussing;
  if (current?.topicId === topicId) return false;
  if (!current && topicId === undefined) return false;
  if (current) {
    const totals = (session.topicSeconds ??= {});
    totals[current.topicId] =
      (Object.hasOwn(totals, current.topicId) ? totals[current.topicId]! : 0) + secondsBetween(current.since, at);
  }
  if (topicId === undefined) delete session.nowDiscussing;
  else session.nowDiscussing = { topicId, since: at, by };
  return true;
}

/** The meeting ended: the current topic's time is recorded and the deep dive's timer stops. */
export function stopMeetingClocks(session: SessionDocument, at: string, by: UserId): void {
  moveOn(session, undefined, at, by);
  if (session.deepDive?.startedAt && !session.deepDive.stoppedAt)
    session.deepDive = { ...session.deepDive, stoppedAt: at };
}

export interface TimeSpent {
  /** Topics that were discussed for some time, in agenda order, with whose topic it was. */
  readonly topics: Array<{
    readonly id: string;
    readonly title: string;
    readonly seconds: number;
    readonly byReport: boolean;
  }>;
  readonly totalSeconds: number;
  /** Share (0–1) of the recorded time spent on the report's topics; absent when no time was recorded. */
  readonly reportShare?: number;
}

/** How the meeting's time was spent, per topic, from the recorded totals (plus the running topic, up to `now`). */
export function timeSpent(
  pair: PairDocument,
  session: SessionDocument | undefined,
  topics: readonly Topic[],
  now?: string,
): TimeSpent {
  const totals: Record<string, number> = { ...(session?.topicSeconds ?? {}) };
  const running = session?.nowDiscussing;
  if (running && now) totals[running.topicId] = (totals[running.topicId] ?? 0) + secondsBetween(running.since, now);
  const rows = topics
    .filter((t) => Object.hasOwn(totals, t.id) && totals[t.id]! > 0)
    .map((t) => ({ id: t.id, title: t.title, seconds: totals[t.id]!, byReport: t.authorId === pair.reportId }));
  const totalSeconds = rows.reduce((sum, r) => sum + r.seconds, 0);
  const reportSeconds = rows.filter((r) => r.byReport).reduce((sum, r) => sum + r.seconds, 0);
  return { topics: rows, totalSeconds, ...(totalSeconds > 0 && { reportShare: reportSeconds / totalSeconds }) };
}
