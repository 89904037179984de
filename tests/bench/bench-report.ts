import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './tandem-process';

export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryGiB: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Writes `test-artifacts/bench/<name>` (git-ignored) and returns its path relative to the repository. */
export function writeArtifact(name: string, data: unknown): string {
  const file = path.join(REPO_ROOT, 'test-artifacts', 'bench', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return path.relative(REPO_ROOT, file);
}

export function heading(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(3, 76 - title.length))}`;
}

/** What each section of `npm run bench` hands back: whether it passed, and why not. */
export interface SectionOutcome {
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Where its full results were written, if anywhere. */
  readonly artifact?: string;
}

/** One reported figure with its goal; a section fails when any of its figures is not `ok`. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal in words, e.g. "≤ 150 KiB" (empty for a figure reported for context only). */
  readonly goal: string;
  readonly ok: boolean;
}

/** Figures as a table: name, value with unit, goal, and whether it was met. */
export function formatFigures(figures: readonly Figure[]): string {
  const shown = (f: Figure) => `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`.trim();
  return formatTable(
    ['figure', 'value', 'goal', ''],
    figures.map((f) => [f.name, shown(f), f.goal, f.goal ? (f.ok ? 'ok' : 'FAIL') : '']),
  );
}

/** Writes `test-artifacts/bench/<section>.json` with the section's figures (and any raw data beside them). */
export function writeFigures(section: string, figures: readonly Figure[], raw: Record<string, unknown> = {}): string {
  return writeArtifact(`${section}.json`, { section, machine: machineInfo(), figures, ...raw });
}
