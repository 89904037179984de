import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, newContext } from '../support/chromium';
import { formatTable, writeArtifact, type SectionOutcome } from './bench-report';
import { REPO_ROOT, startTandemProcess } from './tandem-process';

/**
 * The Teams tab in Debian's Chromium against the real embedded service: the bundle's gzip size beside a bare
 * page with the same Fluent components built by the same webpack config; navigation until the agenda is
 * visible (median of fresh contexts, so nothing is cached); live-update latency from one person's add to the
 * other person's screen (p50/p95).
 */

const NAV_RUNS = 7;
const LIVE_RUNS = 20;
/** Budgets: generous for a 2-core CI machine, tight enough to catch a lost tree-shake or a polling fallback. */
const MAX_RATIO = 2.5;
const MAX_NAV_MEDIAN_MS = 3_000;
const MAX_LIVE_P95_MS = 1_000;

function gzipSizeOf(dir: string): number {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
}

function buildBaseline(out: string): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO_ROOT] });
  const args = [cli, '--config', 'webpack.config.js', '--env', 'entry=./tab/bench/fluent-baseline.tsx'];
  const result = spawnSync(process.execPath, [...args, '--env', `out=${path.relative(REPO_ROOT, out)}`], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`baseline build failed\n${result.stdout}\n${result.stderr}`);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Resolves (in the page) with the wall-clock time at which `text` first appears in the document. */
function whenTextAppears(page: Page, text: string, timeoutMs = 10_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${text}" did not appear within ${timeoutMs} ms`)), timeoutMs);
  });
  const appeared = page.evaluate(`new Promise((resolve) => {
    const needle = ${JSON.stringify(text)};
    const seen = () => document.body.innerText.includes(needle);
    if (seen()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (seen()) { observer.disconnect(); resolve(Date.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`) as Promise<number>;
  return Promise.race([appeared, timeout]).finally(() => clearTimeout(timer));
}

export async function tabBench(): Promise<SectionOutcome> {
  const problems: string[] = [];
  const tabDir = path.join(REPO_ROOT, 'dist', 'web', 'tab');
  if (!fs.existsSync(path.join(tabDir, 'index.html'))) throw new Error('dist/web/tab is missing: npm run build:web');
  const baselineDir = path.join(REPO_ROOT, 'dist', 'web', 'bench-baseline');
  buildBaseline(baselineDir);
  const tabBytes = gzipSizeOf(tabDir);
  const baselineBytes = gzipSizeOf(baselineDir);
  const ratio = tabBytes / baselineBytes;

  const server = await startTandemProcess();
  const browser = await launchChromium();
  const navigation: number[] = [];
  const live: number[] = [];
  try {
    console.log('navigation runs…');
    for (let i = 0; i < NAV_RUNS; i++) {
      const context = await newContext(browser, { width: 320 });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${server.url}/tab/?user=blake&view=panel`);
      await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
      await page.getByRole('checkbox').first().waitFor();
      navigation.push(Date.now() - start);
      await context.close();
    }

    console.log('live-update runs…');
    const [averyContext, blakeContext] = [await newContext(browser), await newContext(browser)];
    const avery = await averyContext.newPage();
    const blake = await blakeContext.newPage();
    await avery.goto(`${server.url}/tab/?user=avery&view=panel`);
    await blake.goto(`${server.url}/tab/?user=blake&view=panel`);
    for (const page of [avery, blake]) await page.getByText('Live', { exact: true }).waitFor();
    const field = avery.getByRole('textbox', { name: 'New topic' });
    for (let i = 0; i < LIVE_RUNS; i++) {
      const title = `Live topic ${i} ${Date.now()}`;
      const appeared = whenTextAppears(blake, title);
      await field.fill(title);
      const start = Date.now();
      await field.press('Enter');
      live.push((await appeared) - start);
      await avery.getByRole('checkbox', { name: title }).waitFor();
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const nav = [...navigation].sort((a, b) => a - b);
  const lat = [...live].sort((a, b) => a - b);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    formatTable(
      ['measure', 'value'],
      [
        ['tab bundle (gzip, all .js)', kib(tabBytes)],
        ['bare Fluent page, same components (gzip)', kib(baselineBytes)],
        ['ratio tab / bare', ratio.toFixed(2)],
        [`navigation → agenda visible, median of ${NAV_RUNS}`, `${percentile(nav, 50)} ms`],
        ['navigation min / max', `${nav[0]} / ${nav.at(-1)} ms`],
        [`live update add → other screen, p50 (${LIVE_RUNS} adds)`, `${percentile(lat, 50)} ms`],
        ['live update p95', `${percentile(lat, 95)} ms`],
      ],
    ),
  );
  if (ratio > MAX_RATIO) problems.push(`bundle ratio ${ratio.toFixed(2)} over ${MAX_RATIO}: check tree-shaking`);
  if (percentile(nav, 50) > MAX_NAV_MEDIAN_MS) problems.push(`navigation median over ${MAX_NAV_MEDIAN_MS} ms`);
  if (percentile(lat, 95) > MAX_LIVE_P95_MS) problems.push(`live update p95 over ${MAX_LIVE_P95_MS} ms`);
  const artifact = writeArtifact('tab.json', {
    bundle: { tabGzipBytes: tabBytes, baselineGzipBytes: baselineBytes, ratio },
    navigationMs: navigation,
    liveUpdateMs: live,
  });
  return { ok: problems.length === 0, problems, artifact };
}
