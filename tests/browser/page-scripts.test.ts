import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/server-process';

// The built pages (npm run test:browser builds them first), read through their source maps: styles and
// themes are computed at build time (docs/pages.md, "Styles and theme at build time"), so no script carries
// Griffel's runtime style compiler or the code that builds Fluent's themes from its palettes.

const WEB = path.join(repoRoot(), 'dist', 'web');

/** What compiles a `makeStyles` at run time, and what builds a theme: none of it belongs in a page. */
const BUILD_TIME_ONLY: Array<[what: string, source: RegExp]> = [
  ['stylis (CSS compiler)', /node_modules\/stylis\//],
  ['rtl-css-js (right-to-left flipping)', /node_modules\/rtl-css-js\//],
  ["Griffel's makeStyles/makeResetStyles", /node_modules\/@griffel\/core\/src\/(makeStyles|makeResetStyles)\.js$/],
  ["Griffel's style rule compiler", /node_modules\/@griffel\/core\/src\/runtime\/(resolveStyleRules|compile\w+)\.js$/],
  ["Fluent's theme builders and palettes", /node_modules\/@fluentui\/tokens\/lib\/(utils|global|alias)\//],
];

function sourcesOf(dir: string, script: string): string[] {
  const map = JSON.parse(fs.readFileSync(path.join(WEB, dir, `${script}.map`), 'utf8')) as { sources: string[] };
  return map.sources;
}

/**
 * The scripts a page's HTML loads first, in order (the side panel's and the wide tab's are the tab's: its
 * boot script, then the app's).
 */
function firstScripts(dir: string, html: string): string[] {
  const page = fs.readFileSync(path.join(WEB, dir, html), 'utf8');
  const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="?\/[\w-]+\/([\w.-]+\.js)/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  return scripts;
}

function offending(dir: string, script: string): string[] {
  const sources = sourcesOf(dir, script);
  return BUILD_TIME_ONLY.filter(([, source]) => sources.some((s) => source.test(s))).map(
    ([what]) => `${dir}/${script}: ${what}`,
  );
}

describe('styles and themes in the pages are computed at build time', () => {
  it("the tab's first script (side panel, wide tab) and the task pane's carry no style compiler or theme builder", () => {
    const first = [
      ...firstScripts('tab', 'index.html').map((s) => ['tab', s] as const),
      ...firstScripts('outlook-addin', 'taskpane.html').map((s) => ['outlook-addin', s] as const),
    ];
    const main = first.find(([dir, s]) => dir === 'tab' && s.startsWith('main.'));
    expect(main).toBeDefined();
    expect(first.flatMap(([dir, s]) => offending(dir, s))).toEqual([]);
    // Still Griffel: the precompiled styles are inserted by its small runtime.
    expect(sourcesOf('tab', main![1]).some((s) => s.includes('@griffel/core/src/__styles.js'))).toBe(true);
  });

  it('nor does any chunk fetched later (the dark and high-contrast themes included)', () => {
    const found = ['tab', 'outlook-addin'].flatMap((dir) =>
      fs
        .readdirSync(path.join(WEB, dir))
        .filter((f) => f.endsWith('.js') && fs.existsSync(path.join(WEB, dir, `${f}.map`)))
        .flatMap((script) => offending(dir, script)),
    );
    expect(found).toEqual([]);
  });
});

describe("the tab's boot script (docs/pages.md, Navigation)", () => {
  const tabScripts = () => firstScripts('tab', 'index.html');
  const isTeamsJs = (s: string) => s.includes('node_modules/@microsoft/teams-js/');

  it('comes first, and starts the handshake with teams-js and no React or Fluent', () => {
    const [boot, app] = tabScripts();
    expect(boot).toMatch(/^boot\./);
    expect(app).toMatch(/^main\./);
    const sources = sourcesOf('tab', boot!);
    expect(sources.some(isTeamsJs)).toBe(true);
    expect(sources.some((s) => s.endsWith('tab/host/teams-host.ts'))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(react|react-dom|scheduler|@fluentui|@griffel)\//.test(s))).toEqual([]);
  });

  it('is the only script with teams-js: the app shares its modules rather than carrying a copy', () => {
    const [boot] = tabScripts();
    const withTeamsJs = fs
      .readdirSync(path.join(WEB, 'tab'))
      .filter((f) => f.endsWith('.js') && fs.existsSync(path.join(WEB, 'tab', `${f}.map`)))
      .filter((script) => sourcesOf('tab', script).some(isTeamsJs));
    expect(withTeamsJs).toEqual([boot]);
  });
});
