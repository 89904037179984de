import { addinDe } from './catalogs/addin/de';
import { addinEn } from './catalogs/addin/en';
import { addinJa } from './catalogs/addin/ja';
import { shellDe } from './catalogs/de';
import { shellEn } from './catalogs/en';
import { shellJa } from './catalogs/ja';
import { serviceDe } from './catalogs/service/de';
import { serviceEn } from './catalogs/service/en';
import { serviceJa } from './catalogs/service/ja';
import { viewsDe } from './catalogs/views/de';
import { viewsEn } from './catalogs/views/en';
import { viewsJa } from './catalogs/views/ja';
import type { Language } from './locale';

/**
 * Every message in English: the catalog parts joined (docs/i18n.md). Its keys are the message ids. The bot and
 * the service read every part from here; browser code imports only types from this module, and the parts its
 * page shows (ui/i18n/parts.ts), so no page carries the bot's or another page's words.
 */
export const en = { ...shellEn, ...viewsEn, ...addinEn, ...serviceEn } as const;

export type MessageId = keyof typeof en;

/** A whole catalog has every message id, and only those: TypeScript rejects a missing or an extra key. */
export type Catalog = { readonly [K in MessageId]: string };

/**
 * The message catalogs: ICU MessageFormat strings as plain data, so core stays free of packages. Whoever
 * formats (the bot and the service with @formatjs/intl, the browser with react-intl) reads them from here.
 */
export const CATALOGS: Readonly<Record<Language, Catalog>> = {
  en,
  de: { ...shellDe, ...viewsDe, ...addinDe, ...serviceDe },
  ja: { ...shellJa, ...viewsJa, ...addinJa, ...serviceJa },
};

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
