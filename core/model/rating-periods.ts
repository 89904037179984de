/**
 * Pooled ratings are released per calendar quarter (UTC), never for a window the caller picks: two windows
 * that differ by one session would give that session's rating away (sum = average × count).
 */
export const RATING_PERIOD = 'calendar quarter (UTC)';

/** A session can be rated up to this long after its original start, so a period's ratings sit in a bounded window. */
export const RATING_WINDOW_DAYS = 90;

/** The period a rating counts toward: the quarter in which it was given, fixed when it is given. */
export function ratingPeriodOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

export function ratingPeriodBounds(period: string): { from: Date; to: Date } {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new Error(`not a rating period: ${period}`);
  const year = Number(m[1]);
  const firstMonth = (Number(m[2]) - 1) * 3;
  return { from: new Date(Date.UTC(year, firstMonth, 1)), to: new Date(Date.UTC(year, firstMonth + 3, 1)) };
}

/** The `count` most recent closed periods before `now`, oldest first. */
export function closedRatingPeriods(now: Date, count: number): string[] {
  const current = ratingPeriodBounds(ratingPeriodOf(now)).from;
  const periods: string[] = [];
  for (let back = count; back >= 1; back--) {
    periods.push(ratingPeriodOf(new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 3 * back, 1))));
  }
  return periods;
}
