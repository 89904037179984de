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
import { Figures, formatTable, type SectionOutcome } from './bench-report';

/**
 * Issue 14 §2, in process on the file store (real fsync), so what is measured is the storage, not HTTP:
 * add-topic latency and bytes written per add for a pair with no history, one year and five years of weekly
 * sessions (three topics discussed and one action item closed a week, stored as before archives existed, so
 * the first write migrates them: reported apart), the adds interleaved so the machine's load falls on all
 * three alike; then adds spread over 1,000 pairs against a bare write + fsync + rename of a document of the
 * same size, at the same concurrency, in the same run.
 */
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const FIRST = Date.parse('2021-01-05T10:00:00Z');
/** Five years and a day after the first session: the next one is the 262nd. */
const NOW = FIRST + 261 * WEEK - DAY;
const ADDS_PER_PAIR = 150;
const SPREAD_PAIRS = 1000;
const SPREAD_ADDS = 2000;
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

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface HistoryFigures {
  readonly history: string;
  readonly pairBytesBefore: number;
  readonly firstAddMs: number;
  readonly firstAddBytes: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly bytesPerAdd: number;
  readonly pairBytesAfter: number;
}

async function byHistory(): Promise<HistoryFigures[]> {
  const w = world(3);
  const scenarios = [
    { history: 'none', weeks: 0 },
    { history: 'one year', weeks: 52 },
    { history: 'five years', weeks: 260 },
  ];
  const pairIds: string[] = [];
  for (const [i, s] of scenarios.entries()) {
    pairIds.push(await createPair(w, i));
    if (s.weeks > 0) await seedHistory(w, pairIds[i]!, i, s.weeks);
  }
  w.clock.set(new Date(NOW));
  const session = sessionIdFromStart(new Date(FIRST + 261 * WEEK));
  const sizeOf = async (id: string) => Buffer.byteLength(JSON.stringify((await w.store.get(keys.pair(id)))!.body));
  const before = await Promise.all(pairIds.map(sizeOf));
  const add = async (i: number, n: number): Promise<{ ms: number; bytes: number }> => {
    const bytes = w.store.bytes;
    const started = performance.now();
    await w.uc.topics.add(`r${i}`, pairIds[i]!, session, { id: `new-${n}`, title: `Monday topic ${n}` });
    return { ms: performance.now() - started, bytes: w.store.bytes - bytes };
  };
  // The first write of a pair stored before archives moves its history out: measured apart.
  const first: Array<{ ms: number; bytes: number }> = [];
  for (let i = 0; i < scenarios.length; i++) first.push(await add(i, 0));
  const samples = scenarios.map(() => [] as Array<{ ms: number; bytes: number }>);
  for (let n = 1; n <= ADDS_PER_PAIR; n++) {
    for (let i = 0; i < scenarios.length; i++) samples[i]!.push(await add(i, n));
  }
  const after = await Promise.all(pairIds.map(sizeOf));
  fs.rmSync(w.root, { recursive: true, force: true });
  return scenarios.map((s, i) => ({
    history: s.history,
    pairBytesBefore: before[i]!,
    firstAddMs: first[i]!.ms,
    firstAddBytes: first[i]!.bytes,
    p50Ms: percentile(
      samples[i]!.map((x) => x.ms),
      50,
    ),
    p99Ms: percentile(
      samples[i]!.map((x) => x.ms),
      99,
    ),
    bytesPerAdd: samples[i]!.reduce((sum, x) => sum + x.bytes, 0) / samples[i]!.length,
    pairBytesAfter: after[i]!,
  }));
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
  return count / ((performance.now() - started) / 1000);
}

/**
 * Adds spread over 1,000 pairs, then the bare write + fsync + rename of a document of the average size written.
 * The adds' time runs until every acknowledged write is in its document file (the file store answers once its
 * journal holds it durably and writes the file after); the journal's checkpoint (fsync of every file written,
 * then the journal deleted) comes after and is timed apart.
 */
export async function spread(): Promise<{
  addsPerSecond: number;
  limitPerSecond: number;
  documentBytes: number;
  checkpointMs: number;
}> {
  const w = world(SPREAD_PAIRS);
  for (let i = 0; i < SPREAD_PAIRS; i++) await createPair(w, i);
  w.clock.set(new Date(FIRST + 5 * DAY));
  const session = sessionIdFromStart(new Date(FIRST + WEEK));
  const [bytes, writes] = [w.store.bytes, w.store.writes];
  const addsPerSecond = await inParallel(
    SPREAD_ADDS,
    async (n) => {
      const i = (n * 7919) % SPREAD_PAIRS;
      await w.uc.topics.add(`r${i}`, `pair-${i}`, session, { id: `s-${n}`, title: `Monday topic ${n}` });
    },
    () => w.files.settled(),
  );
  const checkpointStarted = performance.now();
  await w.files.close();
  const checkpointMs = performance.now() - checkpointStarted;
  const documentBytes = Math.round((w.store.bytes - bytes) / (w.store.writes - writes));
  const folder = path.join(w.root, 'bare');
  fs.mkdirSync(folder);
  const body = Buffer.alloc(documentBytes, 'x');
  const limitPerSecond = await inParallel(SPREAD_ADDS, async (n) => {
    const file = path.join(folder, `doc-${n % SPREAD_PAIRS}.json`);
    const temp = `${file}.${n}.tmp`;
    const handle = await fs.promises.open(temp, 'w');
    await handle.writeFile(body);
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temp, file);
  });
  fs.rmSync(w.root, { recursive: true, force: true });
  return { addsPerSecond, limitPerSecond, documentBytes, checkpointMs };
}

export async function storageBench(): Promise<SectionOutcome> {
  const history = await byHistory();
  console.log(
    formatTable(
      ['history', 'pair bytes', 'first add ms', 'first add bytes', 'p50 ms', 'p99 ms', 'bytes/add', 'pair bytes after'],
      history.map((h) => [
        h.history,
        `${h.pairBytesBefore}`,
        h.firstAddMs.toFixed(1),
        `${h.firstAddBytes}`,
        h.p50Ms.toFixed(2),
        h.p99Ms.toFixed(2),
        h.bytesPerAdd.toFixed(0),
        `${h.pairBytesAfter}`,
      ]),
    ),
  );
  const load = await spread();
  console.log(
    `1,000 pairs: ${load.addsPerSecond.toFixed(0)} adds/s; bare write+fsync+rename of ${load.documentBytes} bytes: ` +
      `${load.limitPerSecond.toFixed(0)}/s (concurrency ${CONCURRENCY}); then the journal's checkpoint ` +
      `(fsync of the ${SPREAD_PAIRS} pair files and their folders): ${load.checkpointMs.toFixed(0)} ms`,
  );
  const [empty, , five] = history as [HistoryFigures, HistoryFigures, HistoryFigures];
  const figures = new Figures('storage');
  const p99Ratio = five.p99Ms / empty.p99Ms;
  const bytesRatio = five.bytesPerAdd / empty.bytesPerAdd;
  const limitRatio = load.addsPerSecond / load.limitPerSecond;
  figures.figure({
    name: 'add topic p99, five years of history ÷ none',
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
  return figures.outcome({ addsPerPair: ADDS_PER_PAIR, concurrency: CONCURRENCY, history, spread: load });
}
