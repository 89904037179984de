import { FluentProvider, type FluentProviderProps } from '@fluentui/react-components';
import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { canonicalLocale, directionOf, languageOf } from '../../core/i18n/locale';
import { CATALOGS, type MessageId, type MessageValues, type Translator } from '../../core/i18n/messages';

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
  useEffect(() => {
    // The page itself, so screen readers pronounce it right and the scroll bar sits on the right side.
    document.documentElement.lang = tag;
    document.documentElement.dir = dir;
  }, [tag, dir]);
  return (
    <IntlProvider locale={tag} defaultLocale="en" messages={CATALOGS[languageOf(tag)]} onError={reportMissing}>
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
  return useMemo(
    () => ({
      locale: intl.locale,
      t: (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values) as string,
    }),
    [intl],
  );
}
