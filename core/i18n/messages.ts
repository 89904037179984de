import { de } from './catalogs/de';
import { en, type Catalog, type MessageId } from './catalogs/en';
import { ja } from './catalogs/ja';
import type { Language } from './locale';

export type { Catalog, MessageId } from './catalogs/en';

/**
 * The message catalogs: ICU MessageFormat strings as plain data, so core stays free of packages. Whoever
 * formats (the bot and the service with @formatjs/intl, the browser with react-intl) reads them from here.
 */
export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, de, ja };

export type MessageValues = Readonly<Record<string, string | number | Date | undefined>>;

/**
 * Formats a catalog message in one locale. core's renderers (the export) take one of these, so they
 * speak the reader's language without knowing how messages are formatted.
 */
export interface Translator {
  /** The reader's locale, canonical: dates and numbers are formatted in it. */
  readonly locale: string;
  t(id: MessageId, values?: MessageValues): string;
}

export { en };
