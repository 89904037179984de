import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '../../core/clock';
import { keys, type ActionItem, type PairDocument, type Topic } from '../../core/model/documents';
import { sessionIdFromStart } from '../../core/model/ids';
import type { DocumentStore, PutOptions, PutRequest } from '../../core/ports/document-store';
import { createUseCases, type UseCases } from '../../core/use-cases';
import { DemoDirectory } from '../../adapters/embedded/demo-directory';
import { FileDocumentStore, FilePersonalDocumentStores } from '../../adapters/embedded/file-document-store';
import { LocalCalendar } from '../../adapters/embedded/local-calendar';
import { Figures, formatTable, percentile, type SectionOutcome } from './bench-report';

/**
 * Issue 14 §2, in process on the file store (real fsync), so what is measured is the storage, not HTTP:
 * add-topic latency and bytes written per add for pairs with no history, one year and five years of weekly
 * sessions (three topics discussed and one action item closed a week, stored as before archives existed, so
 * the first write migrates them: reported apart); then adds spread over 1,000 pairs against a bare write +
 * fsync + rename of a document of the same size, at the same concurrency, the two in alternating rounds.
 *
 * A session takes at most 200 topics, so each history is several pairs of the same shape (150 adds each), and
 * the adds go round all the pairs, the histories interleaved add by add (their order rotated each round): a
 * pause of the machine, the garbage collector or the journal's fsync falls on all three alike, and each p99
 * has over 1,000 samples, so no single pause decides it (docs/performance.md, Storage).
 */
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const FIRST = Date.parse('2021-01-05T10:00:00Z');
/** Five years and a day after the first session: the next one is the 262nd. */
const NOW = FIRST + 261 * WEEK - DAY;
/** Adds to each pair, in one session (LIMITS.topicsPerSession in core/contract/limits.ts is 200). */
const ADDS_PER_PAIR = 150;
/** Pairs of each history shape: 7 × 150 = 1,050 adds per history. */
const PAIRS_PER_HISTORY = 7;
const SPREAD_PAIRS = 1000;
const SPREAD_ADDS = 2000;
/** Adds (and bare writes) per round: 20 rounds of each. */
const SPREAD_ROUND = 100;
const CONCURRENCY = 16;
const MAX_HISTORY_RATIO = 1.5;
const MIN_LIMIT_RATIO = 0.5;

class ByteCountingStore implements DocumentStore {
  bytes = 0;
  writes = 0;
  constructor(private readonly inner: DocumentStore) {}
  get<T>(key: string) {
    return this.inner.get<T>(key);
  }
  put<T>(key: string, body: T, options?: PutOptions) {
    this.count(body);
    return this.inner.put(key, body, options);
  }
  putMany(writes: readonly PutRequest[]) {
    for (const w of writes) this.count(w.body);
    return this.inner.putMany(writes);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  list(prefix: string) {
    return this.inner.list(prefix);
  }
  private count(body: unknown): void {
    this.writes++;
    this.bytes += Buffer.byteLength(JSON.stringify(body));
  }
}

interface World {
  readonly uc: UseCases;
  readonly store: ByteCountingStore;
  readonly files: FileDocumentStore;
  readonly clock: FixedClock;
  readonly root: string;
}

function world(people: number): World {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-storage-bench-'));
  const files = new FileDocumentStore(path.join(root, 'shared'));
  const store = new ByteCountingStore(files);
  const clock = new FixedClock(new Date(FIRST - 2 * DAY));
  const directory = new DemoDirectory(
    Array.from({ length: people }, (_, i) => [
      { id: `m${i}`, displayName: `Manager ${i}`, email: `m${i}@tandem.example` },
      { id: `r${i}`, displayName: `Report ${i}`, email: `r${i}@tandem.example`, managerId: `m${i}` },
    ]).flat(),
  );
  const uc = createUseCases({
    store,
    personalStores: new FilePersonalDocumentStores(path.join(root, 'personal')),
    calendar: new LocalCalendar(store),
    directory,
    clock,
    ids: { newId: () => randomUUID() },
    changes: { publish: () => undefined },
  });
  return { uc, store, files, clock, root };
}

async function createPair(w: World, i: number): Promise<string> {
  const { pair } = await w.uc.pairs.create(`m${i}`, {
    id: `pair-${i}`,
    reportId: `r${i}`,
    cadence: { frequency: 'weekly', startDate: '2021-01-05', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  });
  return pair.id;
}

/** Weeks of history written into the pair document as it was stored before archives. */
async function seedHistory(w: World, pairId: string, i: number, weeks: number): Promise<void> {
  const read = (await w.store.get<PairDocument>(keys.pair(pairId)))!;
  const pair = read.body;
  for (let n = 261 - weeks; n < 261; n++) {
    const at = FIRST + n * WEEK;
    const sessionId = sessionIdFromStart(new Date(at));
    const iso = new Date(at).toISOString();
    for (let k = 0; k < 3; k++) {
      const topic: Topic = {
        id: `t-${n}-${k}`,
        title: `A topic of week ${n}, number ${k}, about the work`,
        detail: 'Some detail people wrote about it, a sentence or two long, as they usually do.',
        authorId: k === 0 ? `m${i}` : `r${i}`,
        section: 'topics',
        sessionId,
        createdAt: iso,
        updatedAt: iso,
        discussedIn: sessionId,
        discussedAt: iso,
        rev: 2,
      };
      pair.topics.push(topic);
    }
    const item: ActionItem = {
      id: `a-${n}`,
      text: `Follow up on week ${n}`,
      ownerId: `r${i}`,
      due: new Date(at + 5 * DAY).toISOString().slice(0, 10),
      status: 'done',
      sourceSessionId: sessionId,
      createdBy: `m${i}`,
      createdAt: iso,
      closedAt: new Date(at + 3 * DAY).toISOString(),
      rev: 2,
    };
    pair.actionItems.push(item);
  }
  await w.store.put(keys.pair(pairId), pair, { ifMatch: read.etag });
}

interface HistoryFigures {
  readonly history: string;
  readonly pairs: number;
  readonly pairBytesBefore: number;
  /** The first add of each pair (the migration): the median over the pairs, and the slowest. */
  readonly firstAddMedianMs: number;
  readonly firstAddMaxMs: number;
  readonly firstAddBytes: number;
  /** Adds after the first. */
  readonly adds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly bytesPerAdd: number;
  readonly pairBytesAfter: number;
}

interface Sample {
  readonly ms: number;
  readonly bytes: number;
}

async function byHistory(): Promise<HistoryFigures[]> {
  const scenarios = [
    { history: 'none', weeks: 0 },
    { history: 'one year', weeks: 52 },
    { history: 'five years', weeks: 260 },
  ];
  // People from 10 on: every history's ids have as many digits, so none writes a byte more for its names.
  const w = world(10 + scenarios.length * PAIRS_PER_HISTORY);
  /** Pair `p` of history `h` is that of manager and report number `person(h, p)`. */
  const person = (h: number, p: number) => 10 + h * PAIRS_PER_HISTORY + p;
  for (const [h, s] of scenarios.entries())
    for (let p = 0; p < PAIRS_PER_HISTORY; p++) {
      const i = person(h, p);
      const pairId = await createPair(w, i);
      if (s.weeks > 0) await seedHistory(w, pairId, i, s.weeks);
    }
  w.clock.set(new Date(NOW));
  const session = sessionIdFromStart(new Date(FIRST + 261 * WEEK));
  const sizeOf = async (i: number) =>
    Buffer.byteLength(JSON.stringify((await w.store.get(keys.pair(`pair-${i}`)))!.body));
  const before = await Promise.all(scenarios.map((_, h) => sizeOf(person(h, 0))));
  const add = async (i: number, n: number): Promise<Sample> => {
    const bytes = w.store.bytes;
    const started = performance.now();
    await w.uc.topics.add(`r${i}`, `pair-${i}`, session, { id: `new-${n}`, title: `Monday topic ${n}` });
    return { ms: performance.now() - started, bytes: w.store.bytes - bytes };
  };
  /** Each round adds once to every pair: pair by pair, the histories in an order that turns each round. */
  const round = async (r: number, into: Sample[][]) => {
    for (let p = 0; p < PAIRS_PER_HISTORY; p++)
      for (let k = 0; k < scenarios.length; k++) {
        const h = (r + p + k) % scenarios.length;
        into[h]!.push(await add(person(h, p), r));
      }
  };
  // The first write of a pair stored before archives moves its history out: measured apart.
  const first = scenarios.map(() => [] as Sample[]);
  await round(0, first);
  const samples = scenarios.map(() => [] as Sample[]);
  for (let r = 1; r <= ADDS_PER_PAIR; r++) await round(r, samples);
  const after = await Promise.all(scenarios.map((_, h) => sizeOf(person(h, 0))));
  fs.rmSync(w.root, { recursive: true, force: true });
  return scenarios.map((s, h) => {
    const ms = samples[h]!.map((x) => x.ms).sort((a, b) => a - b);
    const firstMs = first[h]!.map((x) => x.ms).sort((a, b) => a - b);
    return {
      history: s.history,
      pairs: PAIRS_PER_HISTORY,
      pairBytesBefore: before[h]!,
      firstAddMedianMs: percentile(firstMs, 50),
      firstAddMaxMs: firstMs[firstMs.length - 1]!,
      firstAddBytes: first[h]![0]!.bytes,
      adds: ms.length,
      p50Ms: percentile(ms, 50),
      p99Ms: percentile(ms, 99),
      maxMs: ms[ms.length - 1]!,
      bytesPerAdd: samples[h]!.reduce((sum, x) => sum + x.bytes, 0) / samples[h]!.length,
      pairBytesAfter: after[h]!,
    };
  });
}

async function inParallel(
  count: number,
  work: (n: number) => Promise<void>,
  settle: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  await settle();
  return (performance.now() - started) / 1000;
}

/** One round of each workload: `ROUND` adds and as many bare writes, each timed over its round. */
interface SpreadRound {
  readonly addsFirst: boolean;
  readonly addSeconds: number;
  readonly bareSeconds: number;
  /** The size the bare writes of this round wrote: the average write of the adds so far. */
  readonly bareBytes: number;
}

export interface SpreadFigures {
  /** Over the summed rounds: adds ÷ their seconds, bare writes ÷ theirs; the figure is their ratio. */
  readonly addsPerSecond: number;
  readonly limitPerSecond: number;
  /** The median of the rounds' own ratios (adds/s ÷ bare/s of the same round), and the lowest and highest. */
  readonly roundRatio: { readonly median: number; readonly min: number; readonly max: number };
  readonly documentBytes: number;
  readonly rounds: readonly SpreadRound[];
  readonly setupSeconds: number;
  /** Of which the fsync of every file and folder the creations wrote, `CONCURRENCY` at a time. */
  readonly setupSyncSeconds: number;
  readonly checkpointMs: number;
  /** Files and folders under the store's root at the checkpoint: what its fsyncs went through. */
  readonly checkpointFiles: number;
  readonly checkpointFolders: number;
}

/**
 * Adds spread over 1,000 pairs against the bare write + fsync + rename of a document of the average size the
 * adds wrote, interleaved: rounds of `SPREAD_ROUND` of each, in turn, the order flipped every round (adds then
 * bare, bare then adds, …), so whatever else runs on the machine falls on both alike; the ratio is over the
 * summed rounds. An add round's time runs until every acknowledged write is in its document file (the file
 * store answers once its journal holds it durably and writes the file after); the journal's checkpoint (fsync
 * of every file written, then the journal deleted) comes after the last round and is timed apart.
 */
export async function spread(): Promise<SpreadFigures> {
  const w = world(SPREAD_PAIRS);
  let started = performance.now();
  await inParallel(SPREAD_PAIRS, async (i) => {
    await createPair(w, i);
  });
  // The creations' files, written after their answer without fsync, are made durable now: left to the kernel,
  // their write-back would land on whichever rounds run some 30 s later.
  await w.files.settled();
  const syncStarted = performance.now();
  await syncTree(path.join(w.root, 'shared'));
  const setupSyncSeconds = (performance.now() - syncStarted) / 1000;
  const setupSeconds = (performance.now() - started) / 1000;
  w.clock.set(new Date(FIRST + 5 * DAY));
  const session = sessionIdFromStart(new Date(FIRST + WEEK));
  const [bytes, writes] = [w.store.bytes, w.store.writes];
  const averageWrite = () => Math.round((w.store.bytes - bytes) / (w.store.writes - writes));
  const folder = path.join(w.root, 'bare');
  fs.mkdirSync(folder);
  let [added, written] = [0, 0];
  const addRound = () =>
    inParallel(
      SPREAD_ROUND,
      async (k) => {
        const n = added + k;
        const i = (n * 7919) % SPREAD_PAIRS;
        await w.uc.topics.add(`r${i}`, `pair-${i}`, session, { id: `s-${n}`, title: `Monday topic ${n}` });
      },
      () => w.files.settled(),
    ).finally(() => (added += SPREAD_ROUND));
  const bareRound = (body: Buffer) =>
    inParallel(SPREAD_ROUND, async (k) => {
      const n = written + k;
      const file = path.join(folder, `doc-${n % SPREAD_PAIRS}.json`);
      const temp = `${file}.${n}.tmp`;
      const handle = await fs.promises.open(temp, 'w');
      await handle.writeFile(body);
      await handle.sync();
      await handle.close();
      await fs.promises.rename(temp, file);
    }).finally(() => (written += SPREAD_ROUND));
  const rounds: SpreadRound[] = [];
  for (let r = 0; r < SPREAD_ADDS / SPREAD_ROUND; r++) {
    // Round 0 adds first, so the bare writes know the size to write from then on.
    const addsFirst = r % 2 === 0;
    let addSeconds = addsFirst ? await addRound() : 0;
    const bareBytes = averageWrite();
    const bareSeconds = await bareRound(Buffer.alloc(bareBytes, 'x'));
    if (!addsFirst) addSeconds = await addRound();
    rounds.push({ addsFirst, addSeconds, bareSeconds, bareBytes });
  }
  const checkpointFiles = countEntries(path.join(w.root, 'shared'));
  started = performance.now();
  await w.files.close();
  const checkpointMs = performance.now() - started;
  fs.rmSync(w.root, { recursive: true, force: true });
  const sum = (f: (r: SpreadRound) => number) => rounds.reduce((total, r) => total + f(r), 0);
  const ratios = rounds.map((r) => r.bareSeconds / r.addSeconds).sort((a, b) => a - b);
  return {
    addsPerSecond: added / sum((r) => r.addSeconds),
    limitPerSecond: written / sum((r) => r.bareSeconds),
    roundRatio: { median: median(ratios), min: ratios[0]!, max: ratios[ratios.length - 1]! },
    documentBytes: averageWrite(),
    rounds,
    setupSeconds,
    setupSyncSeconds,
    checkpointMs,
    checkpointFiles: checkpointFiles.files,
    checkpointFolders: checkpointFiles.folders,
  };
}

function median(sorted: readonly number[]): number {
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** fsyncs every file under `root`, then every folder (the journal's own excepted), `CONCURRENCY` at a time. */
async function syncTree(root: string): Promise<void> {
  const entries = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.name !== '.journal' && !e.parentPath.includes(`${path.sep}.journal`));
  for (const kind of [(e: fs.Dirent) => !e.isDirectory(), (e: fs.Dirent) => e.isDirectory()]) {
    const chosen = entries.filter(kind).map((e) => path.join(e.parentPath, e.name));
    await inParallel(chosen.length, async (n) => {
      const handle = await fs.promises.open(chosen[n]!, 'r');
      await handle.sync();
      await handle.close();
    });
  }
}

function countEntries(root: string): { files: number; folders: number } {
  let [files, folders] = [0, 0];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.name === '.journal' || entry.parentPath.includes(`${path.sep}.journal`)) continue;
    else if (entry.isDirectory()) folders++;
    else files++;
  return { files, folders };
}

export async function storageBench(): Promise<SectionOutcome> {
  const loadBefore = loadAverage();
  console.log(
    `${PAIRS_PER_HISTORY} pairs per history, ${ADDS_PER_PAIR} adds each after the first, interleaved add by add; ` +
      `load average ${loadBefore}`,
  );
  let started = performance.now();
  const history = await byHistory();
  const historySeconds = (performance.now() - started) / 1000;
  console.log(
    formatTable(
      [
        'history',
        'pair bytes',
        'first add ms (median / max)',
        'first add bytes',
        'adds',
        'p50 ms',
        'p99 ms',
        'max ms',
        'bytes/add',
        'pair bytes after',
      ],
      history.map((h) => [
        h.history,
        `${h.pairBytesBefore}`,
        `${h.firstAddMedianMs.toFixed(1)} / ${h.firstAddMaxMs.toFixed(1)}`,
        `${h.firstAddBytes}`,
        `${h.adds}`,
        h.p50Ms.toFixed(2),
        h.p99Ms.toFixed(2),
        h.maxMs.toFixed(1),
        h.bytesPerAdd.toFixed(0),
        `${h.pairBytesAfter}`,
      ]),
    ),
  );
  started = performance.now();
  const load = await spread();
  const spreadSeconds = (performance.now() - started) / 1000;
  console.log(
    `1,000 pairs (created in ${load.setupSeconds.toFixed(0)} s, of which ${load.setupSyncSeconds.toFixed(1)} s ` +
      `fsyncing their files and folders, ${CONCURRENCY} at a time), ` +
      `${SPREAD_ADDS / SPREAD_ROUND} rounds of ${SPREAD_ROUND} adds and ${SPREAD_ROUND} bare writes ` +
      `(concurrency ${CONCURRENCY}), in turn: ${load.addsPerSecond.toFixed(0)} adds/s; bare write+fsync+rename ` +
      `of ${load.documentBytes} bytes: ${load.limitPerSecond.toFixed(0)}/s; per round ` +
      `${load.rounds.map((r) => (r.bareSeconds / r.addSeconds).toFixed(2)).join(', ')}×`,
  );
  console.log(
    `then the journal's checkpoint (fsync of the ${load.checkpointFiles.toLocaleString('en')} files and ` +
      `${load.checkpointFolders.toLocaleString('en')} folders written): ${load.checkpointMs.toFixed(0)} ms`,
  );
  const loadAfter = loadAverage();
  console.log(
    `took ${historySeconds.toFixed(0)} s (histories) + ${spreadSeconds.toFixed(0)} s (1,000 pairs); load average ${loadAfter}`,
  );
  const [empty, , five] = history as [HistoryFigures, HistoryFigures, HistoryFigures];
  const figures = new Figures('storage');
  const p50Ratio = five.p50Ms / empty.p50Ms;
  const p99Ratio = five.p99Ms / empty.p99Ms;
  const bytesRatio = five.bytesPerAdd / empty.bytesPerAdd;
  const limitRatio = load.addsPerSecond / load.limitPerSecond;
  const adds = Math.min(five.adds, empty.adds).toLocaleString('en');
  figures.figure({
    name: `add topic p50, five years of history ÷ none (${adds} adds each)`,
    value: p50Ratio,
    unit: '×',
    ok: true,
  });
  figures.figure({
    name: `add topic p99, five years of history ÷ none (${adds} adds each)`,
    value: p99Ratio,
    unit: '×',
    goal: `≤ ${MAX_HISTORY_RATIO}×`,
    ok: p99Ratio <= MAX_HISTORY_RATIO,
  });
  figures.figure({
    name: 'bytes written per add, five years of history ÷ none',
    value: bytesRatio,
    unit: '×',
    goal: `≤ ${MAX_HISTORY_RATIO}×`,
    ok: bytesRatio <= MAX_HISTORY_RATIO,
  });
  figures.figure({
    name: 'adds over 1,000 pairs ÷ bare write+fsync+rename',
    value: limitRatio,
    unit: '×',
    goal: `≥ ${MIN_LIMIT_RATIO}×`,
    ok: limitRatio >= MIN_LIMIT_RATIO,
  });
  figures.figure({
    name: 'adds over 1,000 pairs ÷ bare write+fsync+rename, median of the rounds',
    value: load.roundRatio.median,
    unit: '×',
    ok: true,
  });
  return figures.outcome({
    addsPerPair: ADDS_PER_PAIR,
    pairsPerHistory: PAIRS_PER_HISTORY,
    concurrency: CONCURRENCY,
    spreadRound: SPREAD_ROUND,
    loadAverage: { before: loadBefore, after: loadAfter },
    seconds: { histories: historySeconds, spread: spreadSeconds },
    history,
    spread: load,
  });
}

/** The machine's 1, 5 and 15 minute load averages, as `uptime` prints them. */
function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}
