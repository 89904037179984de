import { ValidationError } from '../errors';
import { validateCadence, type Cadence } from './cadence';

const good: Cadence = {
  frequency: 'weekly',
  startDate: '2026-03-03',
  time: '10:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 30,
};

function fieldOf(c: Cadence): string | undefined {
  try {
    validateCadence(c);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
}

describe('validateCadence', () => {
  it('accepts a weekly Berlin 1:1', () => {
    expect(fieldOf(good)).toBeUndefined();
  });

  it.each([
    [{ startDate: '2030-02-30' }, 'startDate'],
    [{ startDate: '3 March' }, 'startDate'],
    [{ time: '24:00' }, 'time'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ durationMinutes: 10 }, 'durationMinutes'],
    [{ frequency: 'daily' }, 'frequency'],
  ] as const)('refuses %j, naming %s', (change, field) => {
    expect(fieldOf({ ...good, ...change } as Cadence)).toBe(field);
  });
});
