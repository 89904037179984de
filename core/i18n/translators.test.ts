import { createIntl } from '@formatjs/intl';
import { formatDay, localeOfAcceptLanguage, translatorsWith } from './translators';

const translatorFor = translatorsWith(createIntl);

describe('translators', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de-DE'],
    ['ja', 'ja'],
    [' en-GB ; q=1', 'en-GB'],
    ['', undefined],
    [undefined, undefined],
  ])('Accept-Language %p → %p', (header, locale) => {
    expect(localeOfAcceptLanguage(header)).toBe(locale);
  });

  it('speaks the catalog of the locale’s language and falls back to English', () => {
    expect(translatorFor('de-de').t('tab.tryAgain')).toBe('Erneut versuchen');
    expect(translatorFor('de-de').locale).toBe('de-DE');
    expect(translatorFor('fr-FR').t('tab.tryAgain')).toBe('Try again');
    expect(translatorFor('not a locale!').locale).toBe('en');
  });

  it('writes a calendar date in the reader’s locale, without a time zone shift', () => {
    expect(formatDay(translatorFor('de-DE'), '2026-03-10')).toBe('10.03.2026');
    expect(formatDay(translatorFor('en'), 'not a date')).toBe('not a date');
  });
});
