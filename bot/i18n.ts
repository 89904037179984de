import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGS, type MessageId, type MessageValues, type Translator } from '../core/i18n/messages';
import { canonicalLocale, languageOf } from '../core/i18n/locale';

const cache = createIntlCache();
const intls = new Map<string, IntlShape<string>>();

/**
 * A translator for a locale as a host spells it (a bot activity's `locale`, an HTTP Accept-Language's first
 * tag): its language's catalog (English when Tandem has none), dates and numbers in the locale itself.
 */
export function translatorFor(locale: string | undefined | null): Translator {
  const tag = canonicalLocale(locale);
  let intl = intls.get(tag);
  if (!intl) {
    const messages = CATALOGS[languageOf(tag)];
    // A locale Intl does not support (an invented tag) falls back to English rather than throwing.
    intl = createIntl({ locale: tag, defaultLocale: 'en', messages, onError: () => undefined }, cache);
    intls.set(tag, intl);
  }
  const shape = intl;
  return {
    locale: tag,
    t: (id: MessageId, values?: MessageValues) => shape.formatMessage({ id }, values) as string,
  };
}

/** A calendar date ("2026-03-10") as the reader writes it; a date has no time zone, so none is applied. */
export function formatDay(t: Translator, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(t.locale, { dateStyle: 'medium', timeZone: 'UTC' });
}
