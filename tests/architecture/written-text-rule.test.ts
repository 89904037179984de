import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Views take what people read from the catalogs (docs/i18n.md); lint refuses English written into JSX. Each
 * probe is a component linted as if it stood in a view: the rule must flag the written text and only that.
 */
const WRITTEN: readonly string[] = [
  '<p>Nothing on the agenda yet.</p>',
  '<Field label="Due" />',
  '<Button aria-label={`Move the meeting of ${when}`} />',
  '<Spinner label={busy ? "Saving…" : t("x.y")} />',
  '<p>{mine ? "Update check-in" : t("x.y")}</p>',
  '<p>{count} sessions</p>',
  '<>{open && "Hide details"}</>',
];

const TRANSLATED: readonly string[] = [
  '<p>{t("agenda.addTopic")}</p>',
  '<Field label={t("agenda.due")} />',
  '<Button aria-label={t("meetings.moveLabel", { when })} appearance="primary" className="x" />',
  '<p>{`${owner} · ${due}`}</p>',
  '<h1>Tandem</h1>',
  '<main aria-label="Tandem" />',
  '<p>{n}/5 · 1:1</p>',
];

const LINT = `
import { ESLint } from 'eslint';
const snippets = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = [];
for (const jsx of snippets) {
  const code = 'export function Probe({ t, when, busy, mine, count, open, owner, due, n }: any) {\\n  return ' + jsx + ';\\n}\\n';
  const [result] = await eslint.lintText(code, { filePath: 'ui/agenda/probe.tsx' });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length);
}
process.stdout.write(JSON.stringify(out));
`;

function flags(snippets: readonly string[]): number[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(snippets)], {
    cwd: path.resolve(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(out) as number[];
}

describe('no English written into a view, enforced by lint', () => {
  it('flags text between tags, in labels and in literals a view shows', () => {
    const counts = flags(WRITTEN);
    expect(WRITTEN.filter((_, i) => counts[i] === 0)).toEqual([]);
  }, 60_000);

  it('lets catalog lookups, punctuation, numbers and the product name through', () => {
    const counts = flags(TRANSLATED);
    expect(TRANSLATED.filter((_, i) => counts[i]! > 0)).toEqual([]);
  }, 60_000);
});
