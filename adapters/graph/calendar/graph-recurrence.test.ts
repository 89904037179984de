import type { Cadence } from '../../../core/model/cadence';
import { cadenceOf, recurrenceOf } from './graph-recurrence';

const base = { startDate: '2026-03-10', time: '09:30', timeZone: 'Europe/Berlin', durationMinutes: 45 } as const;
const startOf = (c: Cadence) => ({ date: c.startDate, time: c.time });

describe('a series read from Graph as a cadence', () => {
  it.each<Cadence>([
    { ...base, frequency: 'weekly' },
    { ...base, frequency: 'biweekly' },
    { ...base, frequency: 'monthly' },
    { ...base, frequency: 'monthly', startDate: '2026-03-31' },
  ])('reads back what Tandem writes: $frequency from $startDate', (cadence) => {
    expect(cadenceOf(recurrenceOf(cadence), startOf(cadence), cadence.timeZone, cadence.durationMinutes)).toEqual(
      cadence,
    );
  });

  it('refuses rhythms Tandem does not keep', () => {
    const weekly: Cadence = { ...base, frequency: 'weekly' };
    const pattern = recurrenceOf(weekly).pattern!;
    const range = recurrenceOf(weekly).range!;
    const read = (p: object) => cadenceOf({ pattern: { ...pattern, ...p }, range }, startOf(weekly), 'UTC', 30);
    expect(read({ type: 'daily', interval: 1 })).toBeUndefined();
    expect(read({ interval: 3 })).toBeUndefined();
    expect(read({ daysOfWeek: ['tuesday', 'thursday'] })).toBeUndefined();
    // The pattern's weekday must be the first meeting's.
    expect(read({ daysOfWeek: ['friday'] })).toBeUndefined();
    expect(cadenceOf(undefined, startOf(weekly), 'UTC', 30)).toBeUndefined();
  });
});
