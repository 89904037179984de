import { firstDateOn } from './new-pair-logic';

describe('firstDateOn', () => {
  it('picks the next such weekday, never today', () => {
    expect(firstDateOn('2026-11-24', 'TH')).toBe('2026-11-26'); // a Tuesday → Thursday
    expect(firstDateOn('2026-11-24', 'TU')).toBe('2026-12-01');
    expect(firstDateOn('2026-11-24', 'MO')).toBe('2026-11-30');
    expect(firstDateOn('2026-12-30', 'FR')).toBe('2027-01-01');
  });
});
