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

/** The nearest-rank `p`th percentile of `sorted` (ascending); NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
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

/** One reported figure: what it is, its value, and the goal it is held to (issue 14's table). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal as people read it, e.g. `≤ 1.5×`; absent for a figure reported without a budget. */
  readonly goal?: string;
  /** False fails the bench. */
  readonly ok: boolean;
}

const reported: Array<Figure & { readonly section: string }> = [];

/** Every figure reported in this run, in order, for the summary. */
export function allFigures(): ReadonlyArray<Figure & { readonly section: string }> {
  return reported;
}

/**
 * A section's figures: each one printed as it comes, kept for the run's summary, and written with the
 * section's other results to `test-artifacts/bench/<section>.json`. A figure over its budget fails the section.
 */
export class Figures {
  private readonly figures: Figure[] = [];

  constructor(readonly section: string) {}

  figure(f: Figure): Figure {
    this.figures.push(f);
    reported.push({ section: this.section, ...f });
    console.log(`${f.ok ? 'ok  ' : 'FAIL'} ${f.name}: ${formatValue(f)}${f.goal ? ` (goal ${f.goal})` : ''}`);
    return f;
  }

  get problems(): string[] {
    return this.figures.filter((f) => !f.ok).map((f) => `${f.name}: ${formatValue(f)}, goal ${f.goal ?? '—'}`);
  }

  /** Writes `<section>.json` (the figures and `details`) and returns the section's outcome. */
  outcome(details: Record<string, unknown> = {}, otherProblems: readonly string[] = []): SectionOutcome {
    const problems = [...this.problems, ...otherProblems];
    const artifact = writeArtifact(`${this.section}.json`, { figures: this.figures, ...details });
    return { ok: problems.length === 0, problems, artifact };
  }
}

export function formatValue(f: Pick<Figure, 'value' | 'unit'>): string {
  const digits = Number.isInteger(f.value) ? 0 : Math.abs(f.value) >= 100 ? 0 : Math.abs(f.value) >= 1 ? 2 : 3;
  return `${f.value.toFixed(digits)}${f.unit === '×' ? '×' : ` ${f.unit}`}`;
}

/** Figures as a table: name, value with unit, goal, and whether it was met. */
export function formatFigures(figures: readonly Figure[]): string {
  const shown = (f: Figure) => `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`.trim();
  return formatTable(
    ['figure', 'value', 'goal', ''],
    figures.map((f) => [f.name, shown(f), f.goal ?? '', f.goal ? (f.ok ? 'ok' : 'FAIL') : '']),
  );
}

/** Writes `test-artifacts/bench/<section>.json` with the section's figures (and any raw data beside them). */
export function writeFigures(section: string, figures: readonly Figure[], raw: Record<string, unknown> = {}): string {
  return writeArtifact(`${section}.json`, { section, machine: machineInfo(), figures, ...raw });
}
