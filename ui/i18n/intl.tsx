import { FluentProvider, type FluentProviderProps } from '@fluentui/react-components';
import { useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { IntlContext, IntlProvider, useIntl, type IntlShape } from 'react-intl';
import { canonicalLocale, directionOf, languageOf } from '../../core/i18n/locale';
import type { MessageId, MessageValues, Translator } from '../../core/i18n/messages';
import { englishTranslator } from './english';
import { loadMessages, messagesIn, type MessagePart, type Messages } from './message-part';
import { shellMessages } from './shell-messages';

const NO_PARTS: readonly MessagePart[] = [];

/**
 * The host's language for everything below: react-intl with the catalog of the host's locale (English when
 * Tandem has none), dates and numbers in the locale itself, and Fluent mirrored for a right-to-left script.
 * Components read it with useT() (plain text) or react-intl's useIntl() (text with markup).
 *
 * The page's first screen speaks the shell's part (ui/i18n/shell-messages.ts) and the `parts` the page names
 * (a module-level array: the add-in's own words); a chunk brings its own with <WithMessages> (docs/i18n.md).
 * English is in the first script; German and Japanese are fetched when a page first speaks them.
 */
export function LocaleProvider({
  locale,
  parts = NO_PARTS,
  children,
  ...fluent
}: {
  readonly locale: string | undefined;
  readonly parts?: readonly MessagePart[];
  readonly children: ReactNode;
} & Omit<FluentProviderProps, 'dir'>) {
  const tag = canonicalLocale(locale);
  const dir = directionOf(tag);
  const language = languageOf(tag);
  const all = useMemo(() => [shellMessages, ...parts], [parts]);
  const ready = all.every((part) => messagesIn(part, language));
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!ready) void Promise.all(all.map((part) => loadMessages(part, language))).then(loaded);
  }, [all, language, ready]);
  const messages = useMemo(
    (): Messages | undefined =>
      ready ? Object.assign({}, ...all.map((part) => messagesIn(part, language))) : undefined,
    [all, language, ready],
  );
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

/**
 * Adds a part's messages for what it wraps: a chunk fetched on demand (the wide view) renders inside it, so its
 * words arrive with its code. In German or Japanese it suspends (the nearest <Suspense> shows its fallback)
 * until the part's translation is fetched.
 */
export function WithMessages({ part, children }: { readonly part: MessagePart; readonly children: ReactNode }) {
  const intl = useIntl();
  const language = languageOf(intl.locale);
  const own = messagesIn(part, language);
  const messages = useMemo(() => own && { ...(intl.messages as Messages), ...own }, [intl.messages, own]);
  if (!messages) {
    // React 18 suspends on a thrown promise (its `use` came with 19): the same promise for every render.
    throw loadMessages(part, language);
  }
  return (
    <IntlProvider locale={intl.locale} defaultLocale="en" messages={messages} onError={reportMissing}>
      {children}
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
