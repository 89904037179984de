import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createIntl } from '@formatjs/intl';
import * as ts from 'typescript';
import { CATALOGS } from '../core/i18n/messages';
import { LANGUAGES } from '../core/i18n/locale';
import { precompileMessages } from './precompile-messages-loader';

const CATALOG_DIR = path.resolve(__dirname, '..', 'core', 'i18n', 'catalogs');

/** The messages a precompiled module holds, by id (each an AST the loader wrote as JSON). */
function messagesOf(module: string): Record<string, unknown> {
  const file = ts.createSourceFile('catalog.ts', module, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Record<string, unknown> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const id = ts.isStringLiteralLike(node.name) ? node.name.text : node.name.getText(file);
      found[id] = JSON.parse(node.initializer.getText(file));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every catalog file of one language (`en.ts` at the root and in each part's folder): a new part is covered. */
function catalogFiles(language: string): string[] {
  return fs
    .readdirSync(CATALOG_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === `${language}.ts`)
    .map((f) => path.join(CATALOG_DIR, f));
}

/** A language's every part as the pages get them, joined: each file's messages, parsed by the loader. */
function precompiled(language: string): Record<string, unknown> {
  const files = catalogFiles(language);
  expect(files.length).toBeGreaterThanOrEqual(7);
  return Object.assign(
    {},
    ...files.map((f) => messagesOf(precompileMessages(fs.readFileSync(f, 'utf8'), parse, f))),
  ) as Record<string, unknown>;
}

describe('the catalogs the pages get, parsed at build time', () => {
  it.each(LANGUAGES)('holds every %s message, each parsed as react-intl would parse it at run time', (language) => {
    const strings = CATALOGS[language] as Record<string, string>;
    const asts = precompiled(language);
    expect(Object.keys(asts).sort()).toEqual(Object.keys(strings).sort());
    for (const [id, message] of Object.entries(strings)) expect([id, asts[id]]).toEqual([id, parse(message)]);
  });

  it('formats parsed messages as it formats the strings (values, plurals, number skeletons, tags)', () => {
    const strings = CATALOGS.en as Record<string, string>;
    const asts = precompiled('en') as Record<string, MessageFormatElement[]>;
    const fromStrings = createIntl({ locale: 'en', messages: strings });
    const fromAsts = createIntl({ locale: 'en', messages: asts });
    const values = { average: 4.25, quarter: 'Q1 2026', b: (chunks: unknown) => `*${String(chunks)}*` };
    expect(fromAsts.formatMessage({ id: 'health.average' }, values)).toBe(
      fromStrings.formatMessage({ id: 'health.average' }, values),
    );
    expect(fromAsts.formatMessage({ id: 'health.average' }, values)).toBe('Q1 2026: average usefulness *4.3 / 5*');
  });

  it('keeps the module otherwise as written and refuses what is not a message', () => {
    const source = "import { b } from './b';\nexport const a = {\n  'x.y': 'Hi {name}',\n  ...b,\n} as const;\n";
    expect(precompileMessages(source, parse, 'a.ts')).toBe(
      "import { b } from './b';\nexport const a = {\n  'x.y': " +
        JSON.stringify(parse('Hi {name}')) +
        ',\n  ...b,\n} as const;\n',
    );
    expect(() => precompileMessages("export const a = { 'x': 'one' + 'two' };", parse, 'a.ts')).toThrow(
      "message 'x' is not a string literal",
    );
    expect(() => precompileMessages("export const a = { 'x': 'Hi {name' };", parse, 'a.ts')).toThrow(
      "message 'x' does not parse",
    );
  });
});
