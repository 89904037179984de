import { NotFoundError } from '../errors';
import type { PairDocument } from '../model/documents';
import type { Calendar, Occurrence } from '../ports/calendar';

export type PairTimeline = Pick<PairDocument, 'calendar' | 'calendarFrom' | 'pastOccurrences'>;

/**
 * A pair's occurrences whose original start lies in [from, to): before `calendarFrom` the ones Tandem kept
 * when the cadence changed, from then on the calendar's. Ordered by original start. A series gone from the
 * calendar (deleted in Outlook) leaves the kept ones: the 1:1 stays readable until it follows a new series.
 */
export async function occurrencesOf(
  calendar: Calendar,
  pair: PairTimeline,
  from: Date,
  to: Date,
): Promise<Occurrence[]> {
  const since = pair.calendarFrom ? Date.parse(pair.calendarFrom) : Number.NEGATIVE_INFINITY;
  const past = (pair.pastOccurrences ?? []).filter((o) => {
    const at = Date.parse(o.originalStart);
    return at >= from.getTime() && at < to.getTime() && at < since;
  });
  if (to.getTime() <= since) return past;
  let live: Occurrence[];
  try {
    live = await calendar.listOccurrences(pair.calendar, since > from.getTime() ? new Date(since) : from, to);
  } catch (error) {
    if (error instanceof NotFoundError && error.field === 'seriesId') return past;
    throw error;
  }
  return [...past, ...live.filter((o) => Date.parse(o.originalStart) >= since)];
}
