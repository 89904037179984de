import { createIntl, createIntlCache } from 'react-intl';
import { en } from '../../core/i18n/catalogs/en';
import type { Translator } from '../../core/i18n/messages';

let english: Translator | undefined;

/**
 * English through the formatter, for text outside a LocaleProvider (a component's own tests) and for
 * developers (an ApiError's message). Never `en[id]` itself: in the web bundles the catalogs hold parsed
 * messages, not strings (docs/pages.md). Built on first use, so a page that never needs it pays nothing.
 */
export function englishTranslator(): Translator {
  if (!english) {
    const intl = createIntl(
      { locale: 'en', defaultLocale: 'en', messages: en, onError: () => undefined },
      createIntlCache(),
    );
    english = { locale: 'en', t: (id, values) => intl.formatMessage({ id }, values) as string };
  }
  return english;
}
