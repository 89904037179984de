/**
 * One Intl.DateTimeFormat per locale and options, kept: creating one takes about a millisecond on the machines
 * Tandem is measured on, and Date's toLocaleDateString/toLocaleString create one on every call, so a screen of
 * dates (every topic carried over, every due date) paid it per date on every render.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
/** Locales, zones and the code's own option sets: a handful in practice; the bound only keeps a page in check. */
const MOST = 200;

export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    if (formats.size >= MOST) formats.clear();
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
