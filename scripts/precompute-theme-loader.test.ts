// Fluent's tokens package, not react-components: its React types would change the DOM types tests/ see.
import * as themes from '@fluentui/tokens';
import { precomputedThemes } from './precompute-theme-loader';

/** The themes a precomputed module defines, by name (each written as one JSON literal). */
function themesOf(module: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const line of module.trimEnd().split('\n')) {
    const match = /^export const (\w+) = (.*);$/.exec(line);
    const [, name, json] = match ?? [];
    if (!name || !json) throw new Error(`not a theme export: ${line}`);
    found[name] = JSON.parse(json);
  }
  return found;
}

describe('the themes the pages get, computed at build time', () => {
  it.each([
    ['teams/lightTheme.js', ['teamsLightTheme', 'teamsLightV21Theme']],
    ['teams/darkTheme.js', ['teamsDarkTheme', 'teamsDarkV21Theme']],
    ['teams/highContrastTheme.js', ['teamsHighContrastTheme']],
    ['web/lightTheme.js', ['webLightTheme']],
  ] as const)('%s: each theme is, token for token, the one Fluent builds', (file, names) => {
    const exports = Object.fromEntries(names.map((name) => [name, themes[name]]));
    const module = themesOf(precomputedThemes(exports, file));
    expect(Object.keys(module)).toEqual(names);
    for (const name of names) {
      expect(module[name]).toEqual(themes[name]);
      expect(Object.keys(module[name] as object).length).toBeGreaterThan(400);
    }
  });

  it('fails the build on anything but a flat theme, naming it', () => {
    expect(() => precomputedThemes({ createLightTheme: themes.createLightTheme }, 'x.js')).toThrow(
      'x.js: createLightTheme is not a theme object',
    );
    expect(() => precomputedThemes({ t: { colorX: { nested: true } } }, 'x.js')).toThrow(
      'x.js: t.colorX is not a string or a number',
    );
    expect(() => precomputedThemes({}, 'x.js')).toThrow('x.js: no themes exported');
  });
});
