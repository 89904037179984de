import { createIntl, createIntlCache } from 'react-intl';
import { canonicalLocale, languageOf } from '../../core/i18n/locale';
import { CATALOGS, type MessageId, type MessageValues, type Translator } from '../../core/i18n/messages';

const cache = createIntlCache();

/** A translator outside React (pure logic such as the agenda block); components use useT(). */
export function translatorFor(locale: string | undefined): Translator {
  const tag = canonicalLocale(locale);
  const intl = createIntl({ locale: tag, defaultLocale: 'en', messages: CATALOGS[languageOf(tag)] }, cache);
  return { locale: tag, t: (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values) as string };
}
