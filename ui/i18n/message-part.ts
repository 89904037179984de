import type { Language } from '../../core/i18n/locale';

/** A catalog part's messages: strings to TypeScript and in Jest; parsed ASTs in the web bundles (docs/pages.md). */
export type Messages = Readonly<Record<string, string>>;

/**
 * One part of the catalogs as a page gets it (docs/i18n.md): its English in the module that defines the part,
 * so in the script of the code that imports it; German and Japanese fetched when a page first speaks them.
 */
export interface MessagePart {
  readonly en: Messages;
  readonly de: () => Promise<Messages>;
  readonly ja: () => Promise<Messages>;
}

const loaded = new WeakMap<MessagePart, Partial<Record<Language, Messages>>>();
const loading = new WeakMap<MessagePart, Partial<Record<Language, Promise<void>>>>();

/** The part's messages in one language, if they are here (English always is). */
export function messagesIn(part: MessagePart, language: Language): Messages | undefined {
  return language === 'en' ? part.en : loaded.get(part)?.[language];
}

/**
 * Fetches the part in one language, once: the same promise for every caller (a suspended render throws it
 * again). A part that cannot be fetched stays English, like a page whose catalog cannot be fetched.
 */
export function loadMessages(part: MessagePart, language: Language): Promise<void> {
  if (messagesIn(part, language)) return Promise.resolve();
  const pending = loading.get(part) ?? {};
  loading.set(part, pending);
  const lang = language as Exclude<Language, 'en'>;
  return (pending[lang] ??= part[lang]()
    .catch(() => part.en)
    .then((messages) => {
      loaded.set(part, { ...loaded.get(part), [lang]: messages });
    }));
}
