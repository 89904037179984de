import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { canonicalLocale, directionOf, languageOf, LANGUAGES } from './locale';
import { CATALOGS, en } from './messages';

/** The arguments a message uses ({name}, {count, plural, …}), with their kinds, nested ones included. */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) => {
    const nested =
      e.type === TYPE.plural || e.type === TYPE.select
        ? Object.values(e.options).flatMap((o) => argumentsOf(o.value))
        : e.type === TYPE.tag
          ? [`<${e.value}>`, ...argumentsOf(e.children)]
          : [];
    const own =
      e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time
        ? [e.value]
        : e.type === TYPE.plural
          ? [`${e.value}:plural`]
          : e.type === TYPE.select
            ? [`${e.value}:select`]
            : [];
    return [...own, ...nested];
  });
}

const argumentSet = (message: string) => [...new Set(argumentsOf(parse(message)))].sort();

describe('message catalogs', () => {
  const ids = Object.keys(en).sort();

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the English keys, none missing, none extra', (lang) => {
    expect(Object.keys(CATALOGS[lang]).sort()).toEqual(ids);
  });

  it.each(LANGUAGES)('%s: every message is valid ICU and uses the same arguments as the English one', (lang) => {
    const catalog = CATALOGS[lang];
    for (const id of ids) {
      const message = catalog[id as keyof typeof en];
      expect({ id, args: argumentSet(message) }).toEqual({ id, args: argumentSet(en[id as keyof typeof en]) });
    }
  });

  it('no translation is left in English by mistake', () => {
    // Proper names and terms the languages borrow as they are.
    const same = new Set([
      'tab.wide.title',
      'section.check-in',
      'section.feedback',
      'addin.outside.heading',
      'bot.word.agenda',
      'export.feedback',
      'goals.detail',
      'meetings.status',
      'agenda.live',
    ]);
    for (const lang of ['de', 'ja'] as const) {
      const untranslated = ids.filter(
        (id) => !same.has(id) && CATALOGS[lang][id as keyof typeof en] === en[id as keyof typeof en],
      );
      expect({ lang, untranslated }).toEqual({ lang, untranslated: [] });
    }
  });
});

describe('locale resolution', () => {
  it.each([
    ['de-de', 'de', 'de-DE', 'ltr'],
    ['ja-JP', 'ja', 'ja-JP', 'ltr'],
    ['en-GB', 'en', 'en-GB', 'ltr'],
    ['ar-SA', 'en', 'ar-SA', 'rtl'],
    ['he', 'en', 'he', 'rtl'],
    ['fr-FR', 'en', 'fr-FR', 'ltr'],
    [undefined, 'en', 'en', 'ltr'],
    ['not a locale!', 'en', 'en', 'ltr'],
  ])('%s → catalog %s, formats as %s, %s', (tag, language, canonical, dir) => {
    expect(languageOf(tag)).toBe(language);
    expect(canonicalLocale(tag)).toBe(canonical);
    expect(directionOf(tag)).toBe(dir);
  });
});
