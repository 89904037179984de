import { translatorFor } from '../../../ui/i18n/translator';
import { isoToZonedInput, statusWords, zonedDate, zonedInputToIso } from './occurrence-logic';

describe('times in the 1:1 time zone', () => {
  it("reads a date and time in the 1:1's zone, across a daylight-saving change", () => {
    expect(zonedInputToIso('2026-03-23T09:00', 'Europe/Berlin')).toBe('2026-03-23T08:00:00.000Z');
    expect(zonedInputToIso('2026-03-30T09:00', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    expect(isoToZonedInput('2026-03-30T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T09:00');
    expect(zonedDate('2026-03-30T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-03-31');
  });

  it('refuses what is not a date and time', () => {
    expect(() => zonedInputToIso('next tuesday', 'UTC')).toThrow();
  });

  it('names statuses in words', () => {
    expect(statusWords('upcoming', translatorFor('en'))).toBe('Planned');
    expect(statusWords('cancelled', translatorFor('en'))).toBe('Cancelled in the calendar');
    expect(statusWords('in-progress', translatorFor('de-DE'))).toBe('Läuft');
  });
});
