import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../support/server-process';
import { BROWSER_TEST_MS, eventually } from './assertions';
import { TabHarness } from './tab-harness';

// The wide tab in German or Japanese needs its chunk and the views' words in that language (docs/pages.md,
// "Each page's own words"): both are fetched in one round, the words beside the chunk, not after it has run.

jest.setTimeout(BROWSER_TEST_MS);

const TAB = path.join(repoRoot(), 'dist', 'web', 'tab');

/** The built tab's scripts holding a source module, read from their source maps (chunk names are numbers). */
function scriptsHolding(source: string): string[] {
  const found = fs
    .readdirSync(TAB)
    .filter((f) => f.endsWith('.js') && fs.existsSync(path.join(TAB, `${f}.map`)))
    .filter((f) => {
      const map = JSON.parse(fs.readFileSync(path.join(TAB, `${f}.map`), 'utf8')) as { sources: string[] };
      return map.sources.some((s) => s.endsWith(`/${source}`));
    });
  expect(found).toHaveLength(1);
  return found;
}

const WIDE_VIEW = 'tab/views/wide-view.tsx';
const words = (part: 'views/' | '', language: 'de' | 'ja') => `core/i18n/catalogs/${part}${language}.ts`;

type Seen = { readonly event: 'started' | 'finished'; readonly script: string };

let harness: TabHarness;

beforeAll(async () => {
  harness = await TabHarness.start('wide-words');
});

afterAll(async () => {
  await harness?.stop();
});

afterEach(() => harness.closeContexts());

/**
 * The wide tab in the fake Teams host (a personal tab) with the Teams context's locale, and every script the
 * context requested and received, in the order the browser reported them (listening before the page opens).
 */
async function wideTabIn(locale: string): Promise<{ page: Page; seen: Seen[] }> {
  const context: BrowserContext = await harness.context({ locale });
  const seen: Seen[] = [];
  const script = (url: string) => /\/tab\/([\w.-]+\.js)$/.exec(new URL(url).pathname)?.[1];
  context.on('request', (r) => {
    const s = script(r.url());
    if (s) seen.push({ event: 'started', script: s });
  });
  context.on('requestfinished', (r) => {
    const s = script(r.url());
    if (s) seen.push({ event: 'finished', script: s });
  });
  const page = await context.newPage();
  const query = new URLSearchParams({ user: 'avery', frameContext: 'content', theme: 'default', locale });
  await page.goto(`${harness.host.url}/teams-host/index.html?${query}`);
  return { page, seen };
}

const at = (seen: Seen[], event: Seen['event'], script: string) =>
  seen.findIndex((s) => s.event === event && s.script === script);

describe('the wide tab’s words arrive beside its chunk', () => {
  it.each([
    ['de-DE', 'de', 'Aufgaben'],
    ['ja-JP', 'ja', 'アクションアイテム'],
  ] as const)(
    '%s: the views’ words are requested while the wide view’s chunk is still loading',
    async (locale, language, actions) => {
      const [wideView] = scriptsHolding(WIDE_VIEW);
      const [viewsWords] = scriptsHolding(words('views/', language));
      const [shellWords] = scriptsHolding(words('', language));
      const { page, seen } = await wideTabIn(locale);
      await page.frameLocator('#frame').getByRole('tab', { name: actions }).waitFor();
      await eventually(async () => {
        expect(at(seen, 'finished', wideView!)).toBeGreaterThanOrEqual(0);
        expect(at(seen, 'finished', viewsWords!)).toBeGreaterThanOrEqual(0);
        expect(at(seen, 'finished', shellWords!)).toBeGreaterThanOrEqual(0);
      });
      // In flight together: each was requested before the other had arrived (after it had run, before the fix).
      expect(at(seen, 'started', viewsWords!)).toBeGreaterThanOrEqual(0);
      expect(at(seen, 'started', viewsWords!)).toBeLessThan(at(seen, 'finished', wideView!));
      expect(at(seen, 'started', wideView!)).toBeLessThan(at(seen, 'finished', viewsWords!));
      // And beside the shell's words in that language: the page does not wait for those before asking for both.
      expect(at(seen, 'started', wideView!)).toBeLessThan(at(seen, 'finished', shellWords!));
      expect(at(seen, 'started', viewsWords!)).toBeLessThan(at(seen, 'finished', shellWords!));
    },
  );

  it('en-US: no German or Japanese words are requested', async () => {
    const { page, seen } = await wideTabIn('en-US');
    await page.frameLocator('#frame').getByRole('tab', { name: 'Action items' }).waitFor();
    const translations = (['de', 'ja'] as const).flatMap((language) => [
      ...scriptsHolding(words('views/', language)),
      ...scriptsHolding(words('', language)),
    ]);
    expect(at(seen, 'started', scriptsHolding(WIDE_VIEW)[0]!)).toBeGreaterThanOrEqual(0);
    expect(seen.filter((s) => translations.includes(s.script))).toEqual([]);
  });
});
