import type { ActionItem, Goal } from './documents';
import type { SessionStatus } from './timeline';

/** Carried more often than this, an item is flagged: it keeps coming back without moving. */
export const CARRIED_TOO_OFTEN = 2;

/**
 * How many held sessions after the one that produced it an action item came back to still open: each is a
 * time it was carried over. Skipped and cancelled sessions do not count: nobody looked at it there.
 */
export function timesCarried(
  item: Pick<ActionItem, 'sourceSessionId' | 'status' | 'closedAt'>,
  sessions: ReadonlyArray<{ readonly id: string; readonly status: SessionStatus; readonly start: string }>,
): number {
  return sessions.filter(
    (s) =>
      s.id > item.sourceSessionId &&
      (s.status === 'held' || s.status === 'in-progress') &&
      (item.closedAt === undefined || item.closedAt > s.start),
  ).length;
}

/** Open past its due date (`today` is the viewer's calendar date). */
export function isOverdue(item: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
  return item.status === 'open' && item.due < today;
}

/** How far ahead of a session a milestone's due date makes it worth raising there. */
export const MILESTONE_LOOKAHEAD_DAYS = 14;

export interface MilestoneNews {
  readonly id: string;
  readonly title: string;
  readonly due?: string;
  readonly done: boolean;
  /** Ticked, added or changed since the previous meeting. */
  readonly moved: boolean;
  /** Open and past its due date at the session. */
  readonly overdue: boolean;
}

/**
 * The milestones of a goal worth raising in a session's progress section: those that moved since the previous
 * meeting (`since`; none before the first) up to `until` (the session's start unless given: the agenda passes
 * its end, so a milestone ticked in the meeting stays listed as done rather than dropping out), and the open
 * ones due by two weeks after the session's start.
 */
export function milestoneNews(
  goal: Pick<Goal, 'milestones' | 'history'>,
  sessionStart: string,
  since: string | undefined,
  until: string = sessionStart,
): MilestoneNews[] {
  const day = sessionStart.slice(0, 10);
  const horizon = new Date(Date.parse(sessionStart) + MILESTONE_LOOKAHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
  const movedTitles = new Set(
    (goal.history ?? [])
      .filter((c) => since !== undefined && c.at > since && c.at <= until && c.kind.startsWith('milestone-'))
      .map((c) => c.subject),
  );
  return goal.milestones
    .map((m) => ({
      id: m.id,
      title: m.title,
      ...(m.due !== undefined && { due: m.due }),
      done: m.doneAt !== undefined,
      moved:
        movedTitles.has(m.title) ||
        (since !== undefined && m.doneAt !== undefined && m.doneAt > since && m.doneAt <= until),
      overdue: m.doneAt === undefined && m.due !== undefined && m.due < day,
    }))
    .filter((m) => m.moved || (!m.done && m.due !== undefined && m.due <= horizon));
}
