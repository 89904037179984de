'use strict';
// Webpack loader for the message catalogs (core/i18n/catalogs/**): every message, an ICU MessageFormat
// string in the source, becomes its parsed form (the AST react-intl formats), so the pages need not carry
// the ICU parser (webpack.config.js aliases it to its no-parser build; docs/pages.md). The catalogs stay
// TypeScript modules of strings for the typecheck, Jest, the service and the bot, which parse at run time.
const ts = require('typescript');

/**
 * The catalog module `source` with each message's string literal replaced by its AST (JSON, without source
 * locations). `parse` is the parser's `parse`; a message that does not parse fails the build with its id.
 * @param {string} source
 * @param {(message: string) => unknown} parse
 * @param {string} fileName
 */
function precompileMessages(source, parse, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  /** @param {import('typescript').Node} node */
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const id = node.name.getText(file);
      const value = node.initializer;
      // A catalog holds messages only; anything else would reach react-intl unparsed.
      if (!ts.isStringLiteralLike(value)) throw new Error(`${fileName}: message ${id} is not a string literal`);
      let ast;
      try {
        ast = parse(value.text);
      } catch (error) {
        throw new Error(
          `${fileName}: message ${id} does not parse: ${error instanceof Error ? error.message : error}`,
          {
            cause: error,
          },
        );
      }
      edits.push({ start: value.getStart(file), end: value.getEnd(), text: JSON.stringify(ast) });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** @this {import('webpack').LoaderContext<unknown>} @param {string} source */
function loader(source) {
  const callback = this.async();
  // The parser is an ES module.
  import('@formatjs/icu-messageformat-parser').then(
    ({ parse }) => {
      try {
        callback(null, precompileMessages(source, parse, this.resourcePath));
      } catch (error) {
        callback(/** @type {Error} */ (error));
      }
    },
    (error) => callback(error),
  );
}

module.exports = loader;
module.exports.precompileMessages = precompileMessages;
