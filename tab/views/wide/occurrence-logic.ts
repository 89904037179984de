import { toInstant, toWallClock } from '../../../core/model/zoned-time';
import type { Translator } from '../../../core/i18n/messages';
import type { SessionListItem } from '../../../ui/api/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value read as a wall-clock time in the 1:1's own zone (never silently the browser's). */
export function zonedInputToIso(value: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) throw new Error('not a date and time');
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return toInstant({ year, month, day, hour, minute }, timeZone).toISOString();
}

/** An instant as a `datetime-local` value in the 1:1's zone. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const w = toWallClock(new Date(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The date part (YYYY-MM-DD) of an instant in the 1:1's zone. */
export function zonedDate(iso: string, timeZone: string): string {
  return isoToZonedInput(iso, timeZone).slice(0, 10);
}

/** "Tue, Mar 10, 2026, 10:00 AM", in the 1:1's zone. */
export function whenInZone(iso: string, timeZone: string, locale: string | undefined): string {
  return new Date(iso).toLocaleString(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
}

/** What a session's status is called on screen, in the reader's language. */
export function statusWords(status: SessionListItem['status'], { t }: Translator): string {
  return t('meetings.state', { status: status.replace(/-/g, '_') });
}
