import { FluentProvider, type FluentProviderProps } from '@fluentui/react-components';
import { useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { IntlContext, IntlProvider, useIntl, type IntlShape } from 'react-intl';
import { en } from '../../core/i18n/catalogs/en';
import { canonicalLocale, directionOf, languageOf, type Language } from '../../core/i18n/locale';
import type { Catalog, MessageId, MessageValues, Translator } from '../../core/i18n/messages';
import { englishTranslator } from './english';

/**
 * The catalogs by language: English is in the page's first script (the source, and every missing message's
 * fallback); another language's catalog is fetched when a page first speaks it, so no page carries all
 * three (docs/pages.md). A catalog that cannot be fetched leaves the page in English.
 */
const catalogs: Partial<Record<Language, Catalog>> = { en };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  de: () => import('../../core/i18n/catalogs/de').then((m) => m.de),
  ja: () => import('../../core/i18n/catalogs/ja').then((m) => m.ja),
};

async function loadCatalog(language: Language): Promise<void> {
  if (catalogs[language] || language === 'en') return;
  catalogs[language] = await loaders[language]().catch(() => en);
}

/**
 * The host's language for everything below: react-intl with the catalog of the host's locale (English when
 * Tandem has none), dates and numbers in the locale itself, and Fluent mirrored for a right-to-left script.
 * Components read it with useT() (plain text) or react-intl's useIntl() (text with markup).
 */
export function LocaleProvider({
  locale,
  children,
  ...fluent
}: { readonly locale: string | undefined; readonly children: ReactNode } & Omit<FluentProviderProps, 'dir'>) {
  const tag = canonicalLocale(locale);
  const dir = directionOf(tag);
  const language = languageOf(tag);
  const messages = catalogs[language];
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!messages) void loadCatalog(language).then(loaded);
  }, [language, messages]);
  useEffect(() => {
    // The page itself, so screen readers pronounce it right and the scroll bar sits on the right side.
    document.documentElement.lang = tag;
    document.documentElement.dir = dir;
  }, [tag, dir]);
  // Until its catalog arrives the page shows nothing rather than a flash of English.
  if (!messages) return null;
  return (
    <IntlProvider locale={tag} defaultLocale="en" messages={messages} onError={reportMissing}>
      <FluentProvider dir={dir} {...fluent}>
        {children}
      </FluentProvider>
    </IntlProvider>
  );
}

/** A missing message shows its English text (react-intl's default); only a broken message is worth a word. */
function reportMissing(error: { code: string; message: string }): void {
  if (error.code !== 'MISSING_TRANSLATION') console.warn(error.message);
}

/** Plain-text messages in the current language: `t('tab.tryAgain')`, `t('tab.wide.title', { name })`. */
export function useT(): Translator {
  const intl = useIntl();
  return useMemo(() => translatorOf(intl), [intl]);
}

/** useT() for a part also rendered outside a LocaleProvider (its own component tests): English there. */
export function useTOrEnglish(): Translator {
  const intl = useContext(IntlContext);
  return useMemo(() => (intl ? translatorOf(intl) : englishTranslator()), [intl]);
}

function translatorOf(intl: IntlShape): Translator {
  return {
    locale: intl.locale,
    t: (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values) as string,
  };
}
