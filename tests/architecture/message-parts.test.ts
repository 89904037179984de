import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { addinEn } from '../../core/i18n/catalogs/addin/en';
import { shellEn } from '../../core/i18n/catalogs/en';
import { serviceEn } from '../../core/i18n/catalogs/service/en';
import { viewsEn } from '../../core/i18n/catalogs/views/en';
import { en } from '../../core/i18n/messages';

/**
 * Which catalog parts each page's scripts carry (docs/i18n.md), read from the module graph as webpack builds
 * it: a static import puts a module in the importer's script; a dynamic `import()` starts a chunk fetched on
 * demand; `import type` is gone after compiling.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CATALOGS = 'core/i18n/catalogs/';

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined; // a package
  const base = path.join(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile())
      return path.normalize(candidate);
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

interface ModuleInfo {
  readonly imports: string[];
  readonly dynamic: string[];
  readonly strings: string[];
}

const modules = new Map<string, ModuleInfo>();

function moduleInfo(file: string): ModuleInfo {
  let info = modules.get(file);
  if (info) return info;
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: ModuleInfo = { imports: [], dynamic: [], strings: [] };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier)
    ) {
      const target = resolve(file, (node.moduleSpecifier as ts.StringLiteral).text);
      if (target) found.imports.push(target);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      ts.isStringLiteral(node.arguments[0]!)
    ) {
      const target = resolve(file, node.arguments[0].text);
      if (target) found.dynamic.push(target);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) {
      found.strings.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  info = found;
  modules.set(file, info);
  return info;
}

/**
 * The modules of the script that starts at `entry`: everything it imports statically, transitively; with
 * `chunks`, also what it fetches on demand, except from the modules in `stop` (another part's provider).
 */
function scriptOf(entry: string, chunks = false, stop: readonly string[] = []): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file) || (file !== entry && stop.includes(file))) return;
    seen.add(file);
    moduleInfo(file).imports.forEach(walk);
    if (chunks) moduleInfo(file).dynamic.forEach(walk);
  };
  walk(entry);
  return seen;
}

/** The catalog part folders (`views`, `addin`, …; `.` for the shell's files) a script holds. */
const partsIn = (script: Set<string>) =>
  [...script].filter((f) => f.startsWith(CATALOGS)).map((f) => path.dirname(f.slice(CATALOGS.length)));

/** Message ids the script's code names, literally or by a template's prefix (`section.${id}`). */
function idsNamedIn(script: Set<string>): Set<string> {
  const ids = new Set<string>();
  for (const file of script) {
    if (file.startsWith(CATALOGS) || file === 'core/i18n/messages.ts') continue;
    for (const text of moduleInfo(file).strings) {
      if (Object.hasOwn(en, text)) ids.add(text);
      else if (text.endsWith('.') && text.length > 3)
        for (const id of Object.keys(en)) if (id.startsWith(text)) ids.add(id);
    }
  }
  return ids;
}

const tab = scriptOf('tab/index.tsx');
const addin = scriptOf('outlook-addin/index.tsx');
const wideView = scriptOf('tab/views/wide-view.tsx');
// With what they fetch on demand: the side panel's parts (the wide view has a part of its own).
const tabWithChunks = scriptOf('tab/index.tsx', true, ['tab/views/wide-view.tsx']);
const addinWithChunks = scriptOf('outlook-addin/index.tsx', true);
const wideViewWithChunks = scriptOf('tab/views/wide-view.tsx', true);

describe('the message parts each page carries', () => {
  it('the tab’s first script carries the shell’s English only: no wide views, add-in, bot or export words', () => {
    expect(partsIn(tab).sort()).toEqual(['.', 'agenda', 'problems', 'shared']);
    expect(tab.has('core/i18n/messages.ts')).toBe(false); // every part in every language
    // The words that must stay out, named: a few of the bot's, the cards', the export's, the add-in's, the views'.
    for (const id of ['bot.help', 'card.agenda.heading', 'export.title', 'addin.insert', 'history.heading'])
      expect(Object.hasOwn(shellEn, id)).toBe(false);
  });

  it('the add-in’s first script carries the shell and its own part, not the tab’s views nor the bot’s', () => {
    expect(partsIn(addin).sort()).toEqual(['.', 'addin', 'agenda', 'problems', 'shared']);
    expect(addin.has('core/i18n/messages.ts')).toBe(false);
  });

  it('the wide views’ words come with the wide view’s chunk', () => {
    expect(moduleInfo('tab/app.tsx').dynamic).toContain('tab/views/wide-view.tsx');
    expect(partsIn(wideView)).toContain('views');
  });

  it('every message a script’s code names is in the parts that script carries', () => {
    const missing = (script: Set<string>, parts: object[]) =>
      [...idsNamedIn(script)].filter((id) => !parts.some((part) => Object.hasOwn(part, id))).sort();
    expect(missing(tabWithChunks, [shellEn])).toEqual([]);
    expect(missing(addinWithChunks, [shellEn, addinEn])).toEqual([]);
    expect(missing(wideViewWithChunks, [shellEn, viewsEn])).toEqual([]);
  });

  it('no browser code imports the bot’s and the service’s part, or every catalog at once', () => {
    const browser = ['ui', 'tab', 'outlook-addin'].flatMap((folder) =>
      fs
        .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => path.join(folder, f)),
    );
    const offenders = browser.filter((file) =>
      [...moduleInfo(file).imports, ...moduleInfo(file).dynamic].some(
        (target) => target.startsWith(`${CATALOGS}service/`) || target === 'core/i18n/messages.ts',
      ),
    );
    expect(offenders).toEqual([]);
    expect(Object.keys(serviceEn).some((id) => Object.hasOwn(shellEn, id))).toBe(false);
  });
});
