import type { ActionItem } from './documents';
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
