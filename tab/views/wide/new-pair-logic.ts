import type { Weekday } from '../../../core/model/cadence';

const INDEX: Record<Weekday, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** The first date (YYYY-MM-DD) after `today` that falls on `weekday`: the series' first occurrence. */
export function firstDateOn(today: string, weekday: Weekday): string {
  const date = new Date(`${today}T12:00:00Z`);
  const ahead = (INDEX[weekday] - date.getUTCDay() + 7) % 7 || 7;
  date.setUTCDate(date.getUTCDate() + ahead);
  return date.toISOString().slice(0, 10);
}
