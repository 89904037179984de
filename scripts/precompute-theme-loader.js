'use strict';
// Webpack loader for Fluent's theme modules (@fluentui/tokens/lib/themes/**): each theme, which Fluent builds
// when the module loads (palettes, brand ramps, shadows, font stacks), is evaluated here in Node and written
// out as the finished object, so the pages carry the themes they use and none of the code that builds them
// (docs/pages.md). Jest and anything else outside webpack use Fluent's modules as they are.
const { pathToFileURL } = require('node:url');

/**
 * The module text for a theme module's exports: `export const name = {...};` per export, so webpack still
 * drops the ones a page does not import. A theme is a flat object of strings and numbers (CSS values); anything
 * else means Fluent's module is not what this loader expects, and the build fails rather than ship it half-made.
 * @param {Record<string, unknown>} exports
 * @param {string} fileName
 */
function precomputedThemes(exports, fileName) {
  const names = Object.keys(exports).filter((name) => name !== 'default');
  if (names.length === 0) throw new Error(`${fileName}: no themes exported`);
  return names
    .map((name) => {
      const theme = exports[name];
      if (typeof theme !== 'object' || theme === null || Array.isArray(theme))
        throw new Error(`${fileName}: ${name} is not a theme object`);
      for (const [key, value] of Object.entries(theme)) {
        if (typeof value !== 'string' && typeof value !== 'number')
          throw new Error(`${fileName}: ${name}.${key} is not a string or a number`);
      }
      return `export const ${name} = ${JSON.stringify(theme)};\n`;
    })
    .join('');
}

/** @this {import('webpack').LoaderContext<unknown>} */
function loader() {
  const callback = this.async();
  // The theme modules are ES modules; Node evaluates the very file webpack asked for.
  import(pathToFileURL(this.resourcePath).href).then(
    (exports) => {
      try {
        callback(null, precomputedThemes(exports, this.resourcePath));
      } catch (error) {
        callback(/** @type {Error} */ (error));
      }
    },
    (error) => callback(error),
  );
}

module.exports = loader;
module.exports.precomputedThemes = precomputedThemes;
