import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every reference in the repository resolves inside it: a comment or document that names `docs/x.md` (and
 * optionally a section, `docs/x.md, Section`) points at a file and heading that exist, and nothing points at
 * the design notes, fact sheets or toolchain notes that lived outside the repository.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', '.git', 'test-artifacts', 'devTools', 'coverage']);
const EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|json|yml|yaml|bicep|md|html|css)$/;
const SELF = path.relative(ROOT, __filename);

// Spelled in pieces so this file does not match itself.
const OUTSIDE = [
  new RegExp(`\\b(${['DESIGN', 'FACTS', 'TOOLCHAIN'].join('|')})\\.md\\b`),
  new RegExp(`\\.\\./${'shared'}\\b`),
  new RegExp(`/work/${'shared'}\\b`),
  new RegExp(`\\b${'graph-ref'}/`),
];
const DOC_REFERENCE = /\bdocs\/([\w-]+\.md)`?(?:, ([A-Z][^\n).;:`'"]*))?/g;

function sourceFiles(dir = ROOT, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) sourceFiles(path.join(dir, entry.name), found);
    } else if (EXTENSIONS.test(entry.name) && entry.name !== 'package-lock.json') {
      found.push(path.relative(ROOT, path.join(dir, entry.name)));
    }
  }
  return found;
}

const headingsCache = new Map<string, string[]>();
function headingsOf(doc: string): string[] {
  let headings = headingsCache.get(doc);
  if (!headings) {
    const text = fs.readFileSync(path.join(ROOT, 'docs', doc), 'utf8');
    headings = [...text.matchAll(/^#+\s+(.+)$/gm)].map((m) => m[1]!.trim());
    headingsCache.set(doc, headings);
  }
  return headings;
}

/** What is wrong with the references in one file's text, one line each. */
function problemsIn(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const pattern of OUTSIDE) {
    const m = pattern.exec(text);
    if (m) problems.push(`${file}: points outside the repository: ${m[0]}`);
  }
  for (const [reference, doc, section] of text.matchAll(DOC_REFERENCE)) {
    if (!fs.existsSync(path.join(ROOT, 'docs', doc!))) {
      problems.push(`${file}: ${reference} names a document that does not exist`);
      continue;
    }
    const wanted = section?.trim().replace(/\s+/g, ' ');
    if (wanted && !headingsOf(doc!).some((h) => h.startsWith(wanted))) {
      problems.push(`${file}: ${reference} names a section docs/${doc} does not have`);
    }
  }
  return problems;
}

describe('references in comments and documents', () => {
  it('resolve inside the repository, to documents and sections that exist', () => {
    const files = sourceFiles().filter((f) => f !== SELF);

    const problems = files.flatMap((f) => problemsIn(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));

    expect(files.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('are checked: a missing document, a missing section and an outside pointer are each reported', () => {
    const text = [
      '// see docs/nowhere.md',
      '// (docs/graph-facts.md, No such section)',
      '// (docs/graph-facts.md, Throttling)',
      `// ${'FACTS'}.md section A, ../${'shared'}/x`,
    ].join('\n');

    expect(problemsIn('probe.ts', text)).toEqual([
      `probe.ts: points outside the repository: ${'FACTS'}.md`,
      `probe.ts: points outside the repository: ../${'shared'}`,
      'probe.ts: docs/nowhere.md names a document that does not exist',
      'probe.ts: docs/graph-facts.md, No such section names a section docs/graph-facts.md does not have',
    ]);
  });
});
