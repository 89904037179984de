import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The dependency rule is enforced by lint (eslint.config.mjs). Each probe is one forbidden import, linted as
 * if it stood in the named file: the rule must name it, at any folder depth.
 */
const FORBIDDEN: ReadonlyArray<readonly [file: string, specifier: string]> = [
  ['core/use-cases/probe.ts', '../../server/config'],
  ['core/model/probe.ts', '../../adapters/embedded/file-document-store'],
  ['core/model/probe.ts', '../../tests/support/demo'],
  ['core/probe.ts', '../bot/identity'],
  ['core/model/probe.ts', '../../ui/api/client'],
  ['core/model/probe.ts', 'zod'],
  ['core/model/probe.ts', 'botbuilder'],
  ['core/model/probe.ts', 'node:fs'],
  ['adapters/graph/calendar/probe.ts', '../../../server/config'],
  ['adapters/embedded/probe.ts', '../../bot/identity'],
  ['adapters/embedded/probe.ts', '../../tests/support/demo'],
  ['bot/probe.ts', '../server/jobs/job-runner'],
  ['bot/cards/probe.ts', '../../adapters/graph/client/graph-error'],
  ['bot/probe.ts', '../tests/support/demo'],
  ['server/http/probe.ts', '../../tests/support/demo'],
  ['server/probe.ts', '../ui/api/client'],
  ['ui/agenda/probe.ts', '../../server/http/problem'],
  ['ui/agenda/probe.ts', '../../tab/host/host'],
  ['ui/agenda/probe.ts', '@microsoft/teams-js'],
  ['tab/views/probe.tsx', '@microsoft/teams-js'],
  ['tab/views/probe.tsx', '../../adapters/graph/client/graph-error'],
  ['tab/views/probe.tsx', '../../outlook-addin/logic/teams-link'],
  ['outlook-addin/views/probe.tsx', '@microsoft/office-js'],
  ['outlook-addin/views/probe.tsx', '../../tab/host/host'],
  ['outlook-addin/logic/probe.ts', 'node:path'],
];

/** Allowed directions, so the rule is shown not to forbid everything. */
const ALLOWED: ReadonlyArray<readonly [file: string, specifier: string]> = [
  ['core/use-cases/probe.ts', '../model/ids'],
  ['adapters/embedded/probe.ts', '../../core/ports/document-store'],
  ['bot/probe.ts', '../core/use-cases'],
  ['server/probe.ts', '../adapters/graph/client/graph-error'],
  ['tab/host/probe.ts', '@microsoft/teams-js'],
  ['tab/views/probe.tsx', '../../ui/api/client'],
  ['outlook-addin/office/probe.ts', '@microsoft/office-js'],
];

const LINT_PROBES = `
import { ESLint } from 'eslint';
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = [];
for (const [file, spec] of probes) {
  const [result] = await eslint.lintText("import * as probe from '" + spec + "';\\nexport const used = probe;\\n", { filePath: file });
  out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

function lint(probes: ReadonlyArray<readonly [string, string]>): string[][] {
  const root = path.resolve(__dirname, '..', '..');
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES, JSON.stringify(probes)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

describe('the dependency rule, enforced by lint', () => {
  it('refuses every forbidden direction, at any depth', () => {
    const results = lint(FORBIDDEN);
    const passed = FORBIDDEN.filter((_, i) => results[i]!.length === 0).map(([f, s]) => `${f} → ${s}`);
    expect(passed).toEqual([]);
  }, 60_000);

  it('allows the directions the architecture allows', () => {
    const results = lint(ALLOWED);
    const refused = ALLOWED.filter((_, i) => results[i]!.length > 0).map(([f, s]) => `${f} → ${s}`);
    expect(refused).toEqual([]);
  }, 60_000);
});
