import type { Language } from '../../core/i18n/locale';

/** A catalog part's messages: strings to TypeScript and in Jest; parsed ASTs in the web bundles (docs/pages.md). */
export type Messages = Readonly<Record<string, string>>;

/**
 * A part's German and Japanese, each fetched on demand. Apart from its English, so that code outside the
 * part's chunk can start fetching them beside that chunk (`lazyWithMessages`) without carrying the English.
 */
export interface Translations {
  readonly de: () => Promise<Messages>;
  readonly ja: () => Promise<Messages>;
}

/**
 * One part of the catalogs as a page gets it (docs/i18n.md): its English in the module that defines the part,
 * so in the script of the code that imports it; German and Japanese fetched when a page first speaks them.
 */
export interface MessagePart extends Translations {
  readonly en: Messages;
}

type FetchTranslation = Translations[keyof Translations];

// By the function that fetches a translation, so a part and the translations it spreads share what is fetched.
// `null`: it could not be fetched, and the part stays English.
const loaded = new WeakMap<FetchTranslation, Messages | null>();
const loading = new WeakMap<FetchTranslation, Promise<void>>();

/** The part's messages in one language, if they are here (English always is). */
export function messagesIn(part: MessagePart, language: Language): Messages | undefined {
  if (language === 'en') return part.en;
  const messages = loaded.get(part[language]);
  return messages === null ? part.en : messages;
}

/**
 * Fetches the part in one language, once: the same promise for every caller (a suspended render throws it
 * again). A part that cannot be fetched stays English, like a page whose catalog cannot be fetched.
 */
export function loadMessages(part: Translations, language: Language): Promise<void> {
  if (language === 'en') return Promise.resolve();
  const translation = part[language];
  if (loaded.has(translation)) return Promise.resolve();
  let pending = loading.get(translation);
  if (!pending) {
    pending = translation().then(
      (messages) => void loaded.set(translation, messages),
      () => void loaded.set(translation, null),
    );
    loading.set(translation, pending);
  }
  return pending;
}
