import { createIntl, createIntlCache } from 'react-intl';
import { shellEn } from '../../core/i18n/catalogs/en';
import type { Translator } from '../../core/i18n/messages';
import type { Messages } from './message-part';

const english = new Map<Messages | undefined, Translator>();

/**
 * English through the formatter, for text outside a LocaleProvider (a component's own tests) and for
 * developers (an ApiError's message): the shell's messages, and a part's (`extra`) when its code needs them.
 * Never `en[id]` itself: in the web bundles the catalogs hold parsed messages, not strings (docs/pages.md).
 * Built on first use, so a page that never needs it pays nothing.
 */
export function englishTranslator(extra?: Messages): Translator {
  let translator = english.get(extra);
  if (!translator) {
    const intl = createIntl(
      { locale: 'en', defaultLocale: 'en', messages: { ...shellEn, ...extra }, onError: () => undefined },
      createIntlCache(),
    );
    translator = { locale: 'en', t: (id, values) => intl.formatMessage({ id }, values) as string };
    english.set(extra, translator);
  }
  return translator;
}
