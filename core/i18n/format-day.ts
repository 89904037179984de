import { dateFormat } from './date-format';
import type { Translator } from './messages';

/** A calendar date ("2026-03-10") as the reader writes it; a date has no time zone, so none is applied. */
export function formatDay(t: Translator, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(t.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
