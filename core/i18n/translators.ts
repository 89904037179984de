import { canonicalLocale, languageOf } from './locale';
import { CATALOGS, type MessageId, type MessageValues, type Translator } from './messages';

// Its own module, so browser code that formats a day does not pull every catalog in with this one.
export { formatDay } from './format-day';

/** What a translator needs of an ICU formatter (@formatjs/intl's `IntlShape`); core names no package. */
export interface IcuFormatter {
  formatMessage(descriptor: { id: string }, values?: MessageValues): unknown;
}

/** Builds an ICU formatter for one locale and catalog (`createIntl` of @formatjs/intl or react-intl). */
export type IcuFormatterFactory = (config: {
  readonly locale: string;
  readonly defaultLocale: string;
  readonly messages: Readonly<Record<string, string>>;
  readonly onError: (error: unknown) => void;
}) => IcuFormatter;

/**
 * Translators for locales as hosts spell them (a bot activity's `locale`, an HTTP Accept-Language tag, a
 * Teams or Office locale): the language's catalog (English when Tandem has none), dates and numbers in the
 * locale itself. The bot and the service each pass the formatter they import; one per locale is kept.
 */
export function translatorsWith(
  createFormatter: IcuFormatterFactory,
): (locale: string | undefined | null) => Translator {
  const byTag = new Map<string, Translator>();
  return (locale) => {
    const tag = canonicalLocale(locale);
    let translator = byTag.get(tag);
    if (!translator) {
      // A locale Intl does not support (an invented tag) falls back to English rather than throwing.
      const intl = createFormatter({
        locale: tag,
        defaultLocale: 'en',
        messages: CATALOGS[languageOf(tag)],
        onError: () => undefined,
      });
      translator = {
        locale: tag,
        t: (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values) as string,
      };
      byTag.set(tag, translator);
    }
    return translator;
  };
}

/** The reader's locale from an HTTP Accept-Language header: its first tag (quality values are not weighed). */
export function localeOfAcceptLanguage(header: string | undefined | null): string | undefined {
  return header?.split(/[,;]/)[0]?.trim() || undefined;
}
