/**
 * Which catalog and which writing direction a host's locale gets. Hosts spell locales their own way
 * (Teams "de-de", Outlook "de-DE", a bot activity "de-DE" or nothing), so every tag is canonicalised first.
 */
export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Scripts written right to left: the layout mirrors for them, whether or not a catalog exists yet. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** The BCP 47 tag in canonical form ("de-DE"), or "en" when the host gave none or something unreadable. */
export function canonicalLocale(tag: string | undefined | null): string {
  if (!tag) return 'en';
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The catalog for a locale: its language when Tandem has one, else English. */
export function languageOf(tag: string | undefined | null): Language {
  const primary = canonicalLocale(tag).split('-')[0]!.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

export function directionOf(tag: string | undefined | null): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(canonicalLocale(tag).split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
