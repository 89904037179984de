import autocannon from 'autocannon';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Figures, formatTable, machineInfo, percentile, type SectionOutcome } from './bench-report';
import { startTandemProcess, type TandemProcess } from './tandem-process';

/**
 * Load on the embedded service: 100 concurrent connections reading an agenda and adding topics, with /healthz
 * on the same server in the same run as the baseline (what the HTTP stack alone costs on this machine).
 *
 * The budgeted ratios (read agenda ÷ healthz) are measured in interleaved slices (healthz, read, healthz,
 * read, …) and pooled: on a shared machine the load changes within a run, and two scenarios measured one
 * after the other would compare different machines (docs/performance.md, "Read path").
 */

const CONNECTIONS = 100;
/** Alternating slices of healthz and read agenda the measured seconds are divided into. */
const ROUNDS = 5;
const PAIR = 'avery-blake';
/** LIMITS.topicsPerSession in core/contract/limits.ts: one more is a 409. */
const TOPICS_PER_SESSION = 200;
const DAY = 86_400_000;

export interface ServiceLoadOptions {
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Extra `node` flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it. */
  readonly serverNodeArgs: readonly string[];
}

export function serviceLoadOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceLoadOptions {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  return {
    seconds: num('BENCH_SECONDS', 10),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 2),
    serverNodeArgs: (env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  };
}

interface RunFigures {
  readonly requests: number;
  readonly durationSeconds: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
  /** 2xx responses in each second of the run: shows a rate that drifts as data grows. */
  readonly perSecond: number[];
}

export interface ScenarioResult extends RunFigures {
  readonly name: string;
  readonly description: string;
  /** Server CPU over the measured run, in percent of one core. */
  readonly serverCpuPercent?: number;
  readonly warmup: RunFigures;
  readonly vsHealthz?: { readonly reqPerSec: number; readonly p50: number; readonly p99: number };
}

interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Built afresh for each run (add-topic caps its run at the topic room left). */
  readonly options: () => autocannon.Options;
}

// ---- HTTP helpers for the set-up -------------------------------------------------------------------------

async function call<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function devToken(base: string, user: string): Promise<string> {
  const { token } = await call<{ token: string }>(`${base}/api/dev/token`, {
    method: 'POST',
    body: JSON.stringify({ user }),
  });
  return token;
}

interface MeBody {
  pairs: { id: string; nextSession?: { id: string } }[];
}
interface SessionsBody {
  sessions: { id: string; status: string }[];
}
interface AgendaBody {
  sections: { topics: unknown[] }[];
}

/** Upcoming sessions of the next year open for topics, with how many more topics each can take. */
async function topicCapacity(base: string, token: string): Promise<{ id: string; room: number }[]> {
  const now = Date.now();
  const query = `from=${new Date(now).toISOString()}&to=${new Date(now + 365 * DAY).toISOString()}`;
  const { sessions } = await call<SessionsBody>(`${base}/api/pairs/${PAIR}/sessions?${query}`, { token });
  const open = sessions.filter((s) => !['held', 'skipped', 'cancelled'].includes(s.status));
  return Promise.all(
    open.map(async (s) => {
      const agenda = await call<AgendaBody>(`${base}/api/pairs/${PAIR}/sessions/${s.id}`, { token });
      const topics = agenda.sections.reduce((sum, section) => sum + section.topics.length, 0);
      return { id: s.id, room: TOPICS_PER_SESSION - topics };
    }),
  );
}

// ---- Running autocannon ----------------------------------------------------------------------------------

interface Run extends RunFigures {
  /** Each 2xx response's latency, sorted. */
  readonly latencies: readonly number[];
}

/** One autocannon run. Latencies are taken from each 2xx response (sub-millisecond, unlike its histogram). */
async function fire(options: autocannon.Options): Promise<Run> {
  const latencies: number[] = [];
  const perSecond: number[] = [];
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, res) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(res);
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status < 200 || status >= 300) return;
      latencies.push(ms);
      const second = Math.floor(Number(process.hrtime.bigint() - started) / 1e9);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    });
  });
  const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    ...timing(result.requests.total, durationSeconds, latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    perSecond: Array.from(perSecond, (n) => n ?? 0),
    latencies,
  };
}

/** The counts and latencies of a run: `latencies` sorted. */
function timing(requests: number, durationSeconds: number, latencies: readonly number[]) {
  return {
    requests,
    durationSeconds: round(durationSeconds, 2),
    reqPerSec: round(requests / durationSeconds, 1),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 2),
  };
}

/** Several slices of one scenario as one run: counts added, latencies pooled. */
function pooled(runs: readonly Run[]): Run {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const durationSeconds = runs.reduce((sum, r) => sum + r.durationSeconds, 0);
  const statusCodes: Record<string, number> = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    ...timing(requests, durationSeconds, latencies),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
    statusCodes,
    perSecond: runs.flatMap((r) => r.perSecond),
    latencies,
  };
}

/** Drops the raw latencies from what is written to the results file. */
function figuresOf({ latencies: _latencies, ...figures }: Run): RunFigures {
  return figures;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---- The scenarios ---------------------------------------------------------------------------------------

function scenarios(
  base: string,
  tokens: readonly string[],
  sessionId: string,
  capacity: { id: string; room: number }[],
) {
  const bearer = (i: number) => `Bearer ${tokens[i % tokens.length]}`;

  // Add-topic: every request a new topic (fresh client id), spread round-robin over the sessions with room.
  const room = capacity.map((c) => ({ ...c }));
  const runTag = Date.now().toString(36);
  let added = 0;
  let cursor = 0;
  const nextSession = (): string => {
    for (let k = 0; k < room.length; k++) {
      const slot = room[(cursor + k) % room.length]!;
      if (slot.room > 0) {
        cursor = (cursor + k + 1) % room.length;
        slot.room -= 1;
        return slot.id;
      }
    }
    // Every session is full: this request will be refused (409) and reported as non-2xx.
    return room[0]?.id ?? sessionId;
  };
  const totalRoom = () => room.reduce((sum, s) => sum + Math.max(0, s.room), 0);

  let reads = 0;
  const list: Scenario[] = [
    {
      name: 'healthz',
      description: 'GET /healthz (baseline: routing and HTTP only)',
      options: () => ({ url: base, requests: [{ method: 'GET', path: '/healthz' }] }),
    },
    {
      name: 'read agenda',
      description: `GET /api/pairs/${PAIR}/sessions/{next} as blake and avery`,
      options: () => ({
        url: base,
        requests: [
          {
            method: 'GET',
            path: `/api/pairs/${PAIR}/sessions/${sessionId}`,
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: bearer(reads++) } }),
          },
        ],
      }),
    },
    {
      name: 'add topic',
      description: `POST /api/pairs/${PAIR}/sessions/{upcoming}/topics, a new topic each, as blake and avery`,
      options: () => ({
        url: base,
        // Stop short of the sessions' topic limit (the margin covers requests already in flight).
        maxOverallRequests: Math.max(CONNECTIONS, totalRoom() - CONNECTIONS),
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const i = added++;
              return {
                ...req,
                path: `/api/pairs/${PAIR}/sessions/${nextSession()}/topics`,
                headers: { ...req.headers, 'content-type': 'application/json', authorization: bearer(i) },
                body: JSON.stringify({ id: `bench-${runTag}-${i}`, title: `Load test topic ${i}`, section: 'topics' }),
              };
            },
          },
        ],
      }),
    },
  ];
  return { list, topicsAdded: () => added, roomLeft: totalRoom };
}

// ---- The section -----------------------------------------------------------------------------------------

const COLUMNS = 'scenario|requests|req/s|p50 ms|p99 ms|non-2xx|errors|srv CPU|req/s x|p50 x|p99 x'.split('|');

function describe(r: ScenarioResult): string[] {
  const ratio = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? '' : `${v >= 1 ? v.toFixed(2) : v.toPrecision(2)}x`;
  return [
    r.name,
    String(r.requests),
    r.reqPerSec.toFixed(0),
    r.p50Ms.toFixed(2),
    r.p99Ms.toFixed(2),
    String(r.non2xx),
    String(r.errors),
    r.serverCpuPercent === undefined ? '' : `${r.serverCpuPercent.toFixed(0)}%`,
    ratio(r.vsHealthz?.reqPerSec),
    ratio(r.vsHealthz?.p50),
    ratio(r.vsHealthz?.p99),
  ];
}

export async function serviceLoadBench(options = serviceLoadOptionsFromEnv()): Promise<SectionOutcome> {
  const log = (line: string) => console.log(line);
  log(
    `${CONNECTIONS} connections, ${options.seconds} s per scenario after a ${options.warmupSeconds} s warm-up; ` +
      `healthz and read agenda in ${ROUNDS} alternating slices each`,
  );
  let server: TandemProcess | undefined;
  try {
    server = await startTandemProcess(options.serverNodeArgs);
    const base = server.url;
    const [blake, avery] = await Promise.all([devToken(base, 'blake'), devToken(base, 'avery')]);
    const me = await call<MeBody>(`${base}/api/me`, { token: blake });
    const sessionId = me.pairs.find((p) => p.id === PAIR)?.nextSession?.id;
    if (!sessionId) throw new Error(`no upcoming session for ${PAIR} in /api/me: ${JSON.stringify(me)}`);
    const capacity = await topicCapacity(base, blake);
    log(`server ${base} (pid ${server.pid}); next session ${sessionId}; ${capacity.length} upcoming sessions`);

    const { list, topicsAdded, roomLeft } = scenarios(base, [blake, avery], sessionId, capacity);
    const common = { connections: CONNECTIONS, timeout: 30 };
    for (const scenario of list) log(`  ${scenario.name}: ${scenario.description}`);
    const warmups = new Map<string, Run>();
    const slices = new Map<string, { runs: Run[]; cpuSeconds: number }>(
      list.map((s) => [s.name, { runs: [], cpuSeconds: 0 }]),
    );
    /** Fires one slice of a scenario and keeps it with the server CPU it took. */
    const slice = async (scenario: Scenario, seconds: number) => {
      const cpuBefore = server?.cpuSeconds();
      const run = await fire({ ...scenario.options(), ...common, duration: seconds });
      const cpuAfter = server?.cpuSeconds();
      const kept = slices.get(scenario.name);
      if (!kept) return;
      kept.runs.push(run);
      kept.cpuSeconds =
        cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : kept.cpuSeconds + cpuAfter - cpuBefore;
    };
    const warmUp = async (scenario: Scenario) =>
      warmups.set(scenario.name, await fire({ ...scenario.options(), ...common, duration: options.warmupSeconds }));
    // healthz and read agenda alternate; adding topics changes the data (the agenda read grows with it), so it
    // is warmed up and measured last, on its own.
    const [interleaved, last] = [
      list.filter((s) => s.name !== 'add topic'),
      list.filter((s) => s.name === 'add topic'),
    ];
    for (const scenario of interleaved) await warmUp(scenario);
    const sliceSeconds = Math.max(1, Math.round(options.seconds / ROUNDS));
    for (let round = 0; round < ROUNDS; round++)
      for (const scenario of interleaved) await slice(scenario, sliceSeconds);
    for (const scenario of last) {
      await warmUp(scenario);
      await slice(scenario, options.seconds);
    }

    const results: ScenarioResult[] = [];
    for (const scenario of list) {
      const kept = slices.get(scenario.name);
      const warmup = warmups.get(scenario.name);
      if (!kept || !warmup) continue;
      const measured = pooled(kept.runs);
      const base0 = results[0];
      results.push({
        name: scenario.name,
        description: scenario.description,
        ...figuresOf(measured),
        ...(Number.isFinite(kept.cpuSeconds) && {
          serverCpuPercent: round((kept.cpuSeconds / measured.durationSeconds) * 100, 0),
        }),
        warmup: figuresOf(warmup),
        ...(base0 && {
          vsHealthz: {
            reqPerSec: round(measured.reqPerSec / base0.reqPerSec, 5),
            p50: round(measured.p50Ms / base0.p50Ms, 2),
            p99: round(measured.p99Ms / base0.p99Ms, 2),
          },
        }),
      });
    }

    const pairFile = path.join(server.dataDir, 'shared', 'pairs', PAIR, 'pair.json');
    const pairDocumentBytes = fs.existsSync(pairFile) ? fs.statSync(pairFile).size : undefined;

    log('');
    log(formatTable(COLUMNS, results.map(describe)));
    log('');
    log('ratios are against healthz on the same server in this run; srv CPU is the server process, % of one core');
    log('2xx responses in each second of the measured slices:');
    for (const r of results) log(`  ${r.name.padEnd(12)} ${r.perSecond.join(' ')}`);
    log(
      `add topic: ${topicsAdded()} topics sent (warm-up included), room left ${roomLeft()}; ` +
        `pair document now ${pairDocumentBytes === undefined ? '?' : `${(pairDocumentBytes / 1024).toFixed(0)} KiB`}`,
    );

    const problems: string[] = [];
    for (const r of results) {
      for (const [phase, f] of [
        ['measured', r],
        ['warm-up', r.warmup],
      ] as const) {
        if (f.non2xx > 0 || f.errors > 0) {
          problems.push(
            `${r.name} (${phase}): ${f.non2xx} non-2xx, ${f.errors} errors (${f.timeouts} timeouts), ` +
              `status codes ${JSON.stringify(f.statusCodes)}`,
          );
        }
      }
      if (r.requests === 0) problems.push(`${r.name}: no responses at all`);
    }
    const figures = new Figures('service-load');
    const agenda = results.find((r) => r.name === 'read agenda')?.vsHealthz;
    const add = results.find((r) => r.name === 'add topic')?.vsHealthz;
    if (agenda) {
      figures.figure({
        name: 'read agenda p99 ÷ healthz p99',
        value: agenda.p99,
        unit: '×',
        goal: '≤ 3×',
        ok: agenda.p99 <= 3,
      });
      figures.figure({
        name: 'read agenda req/s ÷ healthz',
        value: agenda.reqPerSec,
        unit: '×',
        goal: '≥ 0.25×',
        ok: agenda.reqPerSec >= 0.25,
      });
    }
    if (add) {
      // Its budget is the storage section's: write cost independent of history.
      figures.figure({ name: 'add topic on one pair, req/s ÷ healthz', value: add.reqPerSec, unit: '×', ok: true });
    }
    return figures.outcome(
      {
        benchmark: 'service-load',
        at: new Date().toISOString(),
        machine: machineInfo(),
        settings: { connections: CONNECTIONS, seconds: options.seconds, warmupSeconds: options.warmupSeconds },
        scenarios: results,
        addTopic: { topicsSent: topicsAdded(), pairDocumentBytes },
        problems,
      },
      problems,
    );
  } catch (error) {
    const output = server?.output().trim();
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [output ? `${message}\nserver output:\n${output}` : message] };
  } finally {
    await server?.stop();
  }
}
