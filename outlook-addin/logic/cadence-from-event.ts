import type { Cadence, Frequency } from '../../core/model/cadence';

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
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(start)
      .map((p) => [p.type, p.value]),
  );
  const minutes = Math.round((Date.parse(event.end) - start.getTime()) / 60_000);
  return {
    frequency,
    startDate: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    timeZone,
    durationMinutes: Math.min(240, Math.max(15, Number.isFinite(minutes) ? minutes : 30)),
  };
}
