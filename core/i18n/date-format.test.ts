import { dateFormat } from './date-format';

describe('dateFormat', () => {
  const at = new Date('2026-11-24T10:00:00Z');

  it('formats as Date.toLocaleDateString and toLocaleString do with the same locale and options', () => {
    const day = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/Berlin' } as const;
    const moment = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' } as const;
    expect(dateFormat('de-DE', day).format(at)).toBe(at.toLocaleDateString('de-DE', day));
    expect(dateFormat('ja-JP', moment).format(at)).toBe(at.toLocaleString('ja-JP', moment));
  });

  it('keeps one format per locale and options', () => {
    const first = dateFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(first);
    expect(dateFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(first);
    expect(dateFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(first);
  });
});
