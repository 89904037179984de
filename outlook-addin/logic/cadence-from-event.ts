import type { Cadence, Frequency } from '../../core/model/cadence';
import { toWallClock } from '../../core/model/zoned-time';

/**
 * The cadence of an Outlook event made a 1:1: its date and time in the organizer's time zone, its length
 * (kept within what a 1:1 may last), and the frequency the organizer chose.
 */
export function cadenceFromEvent(
  event: { start: string; end: string },
  frequency: Frequency,
  timeZone: string,
): Cadence {
  const start = new Date(event.start);
  const wall = toWallClock(start, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.round((Date.parse(event.end) - start.getTime()) / 60_000);
  return {
    frequency,
    startDate: `${wall.year}-${two(wall.month)}-${two(wall.day)}`,
    time: `${two(wall.hour)}:${two(wall.minute)}`,
    timeZone,
    durationMinutes: Math.min(240, Math.max(15, Number.isFinite(minutes) ? minutes : 30)),
  };
}
