import { ValidationError } from '../errors';
import { assertDate } from './text';

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When a pair meets, in the organizer's time zone. Monthly means the same weekday of the same week of the
 * month as the first date (e.g. the second Tuesday), which is how people book monthly 1:1s.
 */
export interface Cadence {
  readonly frequency: Frequency;
  /** First occurrence's local date, YYYY-MM-DD; its weekday is the meeting day. */
  readonly startDate: string;
  /** Local time, HH:mm. */
  readonly time: string;
  readonly timeZone: string;
  readonly durationMinutes: number;
}

/** `prefix` names where the cadence sits in the caller's input, so errors point at e.g. `cadence.time`. */
export function validateCadence(c: Cadence, prefix = ''): void {
  const at = (field: string) => prefix + field;
  if (!FREQUENCIES.includes(c.frequency))
    throw new ValidationError('must be weekly, biweekly or monthly', at('frequency'));
  assertDate(c.startDate, at('startDate'));
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(c.time)) throw new ValidationError('must be a time HH:mm', at('time'));
  if (!Number.isInteger(c.durationMinutes) || c.durationMinutes < 15 || c.durationMinutes > 240) {
    throw new ValidationError('must be a whole number of minutes from 15 to 240', at('durationMinutes'));
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: c.timeZone });
  } catch {
    throw new ValidationError('must be an IANA time zone such as Europe/Berlin', at('timeZone'));
  }
}
