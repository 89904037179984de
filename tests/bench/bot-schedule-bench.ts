import { FixedClock } from '../../core/clock';
import type { PairDocument } from '../../core/model/documents';
import { planPairReminders, type PlannedReminder } from '../../core/model/reminders';
import { DEFAULT_TEMPLATE } from '../../core/model/sections';
import type { Occurrence } from '../../core/ports/calendar';
import type { JobDocument, JobExecutor, JobPlan } from '../../core/ports/jobs';
import { JobRunner } from '../../server/jobs/job-runner';
import { JobStore } from '../../server/jobs/job-store';
import { Lease } from '../../server/jobs/lease';
import { PER_TENANT_LIMITS, RateLimiter } from '../../server/jobs/rate-limiter';
import { MemoryDocumentStore } from '../../adapters/memory/memory-document-store';
import { keys } from '../../core/model/documents';
import type { Calendar } from '../../core/ports/calendar';
import type { DocumentStore, PutOptions, PutRequest } from '../../core/ports/document-store';
import { createUseCases, type TandemDeps } from '../../core/use-cases';
import { ChangePlanner } from '../../server/jobs/change-planner';
import { Figures, formatTable, type SectionOutcome } from './bench-report';

const MONDAY_9 = Date.parse('2026-11-30T09:00:00Z');
const HOUR = 3_600_000;
const PROMPT_PAIRS = 10_000;
const PLAN_PAIRS = 100_000;
/** Pass marks: prompts within 5 % of what the limits allow; planning 100,000 pairs in under 2 s of CPU. */
const MAX_RATIO = 1.05;
const MAX_PLAN_CPU_MS = 2_000;

function syntheticPair(i: number): PairDocument {
  return {
    schema: 1,
    id: `p${i}`,
    managerId: `m${i}`,
    reportId: `r${i}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: `m${i}`,
    cadence: { frequency: 'weekly', startDate: '2026-11-30', time: '09:00', timeZone: 'UTC', durationMinutes: 30 },
    template: DEFAULT_TEMPLATE,
    calendar: { provider: 'local', seriesId: `s${i}`, organizerId: `m${i}` },
    promptHoursBefore: 24,
    topics: [],
    actionItems: [
      {
        id: `a${i}`,
        text: 'x',
        ownerId: `r${i}`,
        due: '2026-12-01',
        status: 'open',
        sourceSessionId: '20261123T090000Z',
        createdBy: `m${i}`,
        createdAt: '2026-11-23T09:20:00.000Z',
        rev: 1,
      },
    ],
    goals: [],
  };
}

function weekOf(start: number): Occurrence[] {
  return [0, 7].map((d) => {
    const at = new Date(start + d * 24 * HOUR).toISOString();
    return {
      originalStart: at,
      start: at,
      end: new Date(Date.parse(at) + 30 * 60_000).toISOString(),
      status: 'scheduled',
    };
  });
}

/** Every send succeeds at once: what is measured is the pacing, not a connector. */
class InstantExecutor implements JobExecutor {
  readonly sentAt: number[] = [];
  constructor(private readonly clock: FixedClock) {}
  async plan(job: JobDocument): Promise<JobPlan> {
    return {
      type: 'send',
      thread: `personal-${job.payload.userId}`,
      send: async () => {
        this.sentAt.push(this.clock.now().getTime());
        return undefined;
      },
    };
  }
}

/** 20,000 prompts (10,000 pairs, both people) all due Sunday 09:00, through the real runner on a simulated clock. */
async function promptDelivery(): Promise<{ seconds: number; minimum: number; ratio: number; wallMs: number }> {
  const dueAt = MONDAY_9 - 24 * HOUR;
  const clock = new FixedClock(new Date(dueAt - 60_000));
  const store = new MemoryDocumentStore();
  const executor = new InstantExecutor(clock);
  const runner = new JobRunner({
    jobs: new JobStore(store),
    lease: new Lease(store, 'jobs/lease', 'bench', 30_000, clock),
    executor,
    limiter: new RateLimiter(),
    clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    pollMs: 1000,
    concurrency: 64,
  });
  const window = { now: clock.now().getTime(), horizonMs: HOUR, lookbackMs: 0, recapGraceMs: 15 * 60_000 };
  for (let i = 0; i < PROMPT_PAIRS; i++) {
    for (const job of planPairReminders(syntheticPair(i), weekOf(MONDAY_9), window)) {
      if (job.kind === 'prompt') await runner.enqueue(job);
    }
  }
  const total = PROMPT_PAIRS * 2;
  const started = performance.now();
  clock.set(new Date(dueAt));
  while (executor.sentAt.length < total) {
    const wake = await runner.tick();
    clock.set(new Date(Math.max(wake, clock.now().getTime())));
  }
  const wallMs = performance.now() - started;
  const seconds = (Math.max(...executor.sentAt) - dueAt) / 1000;
  // Sliding windows of 50 per second: the last of N sends can go no sooner than (N/50 - 1) s after the first.
  const [windowMs, perWindow] = PER_TENANT_LIMITS[0]!;
  const minimum = ((Math.ceil(total / perWindow) - 1) * windowMs) / 1000;
  return { seconds, minimum, ratio: seconds / minimum, wallMs };
}

function planningCpu(): { cpuMs: number; jobs: number } {
  const pairs = Array.from({ length: PLAN_PAIRS }, (_, i) => syntheticPair(i));
  const occurrences = weekOf(MONDAY_9);
  const window = {
    now: MONDAY_9 - 24 * HOUR - 60_000,
    horizonMs: 2 * 24 * HOUR,
    lookbackMs: 2 * 24 * HOUR,
    recapGraceMs: 900_000,
  };
  const before = process.cpuUsage();
  const planned: PlannedReminder[] = [];
  for (const pair of pairs) planned.push(...planPairReminders(pair, occurrences, window));
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, jobs: planned.length };
}

/** Counts what reaches the store: each call is one request on Graph (a `putMany` one `$batch`). */
class CountingStore implements DocumentStore {
  requests = 0;
  constructor(private readonly inner: DocumentStore) {}
  get<T>(key: string) {
    this.requests++;
    return this.inner.get<T>(key);
  }
  put<T>(key: string, body: T, options?: PutOptions) {
    this.requests++;
    return this.inner.put(key, body, options);
  }
  putMany(writes: readonly PutRequest[]) {
    this.requests++;
    return this.inner.putMany(writes);
  }
  delete(key: string) {
    this.requests++;
    return this.inner.delete(key);
  }
  list(prefix: string) {
    this.requests++;
    return this.inner.list(prefix);
  }
}

interface MinuteCost {
  readonly storeRequests: number;
  readonly calendarReads: number;
  readonly cpuMs: number;
  readonly handedOver: number;
}

/**
 * The bot's planner at 100,000 pairs (memory store, a calendar answering from memory, both counted): one
 * minute of the old planner (reads every pair), then the change planner's first call (its reconciliation),
 * a minute with nothing changed, and a minute after one pair changed. Saturday noon: nothing falls due.
 */
async function plannerAtScale(): Promise<{
  before: MinuteCost;
  reconcile: MinuteCost;
  idle: MinuteCost;
  oneChange: MinuteCost;
}> {
  const clock = new FixedClock(new Date(MONDAY_9 - 45 * HOUR));
  const memory = new MemoryDocumentStore();
  for (let i = 0; i < PLAN_PAIRS; i++) await memory.put(keys.pair(`p${i}`), syntheticPair(i));
  const store = new CountingStore(memory);
  let calendarReads = 0;
  const calendar = {
    listOccurrences: async () => {
      calendarReads++;
      return weekOf(MONDAY_9);
    },
  } as unknown as Calendar;
  const deps = { store, calendar, clock, changes: { publish: () => undefined } } as unknown as TandemDeps;
  const { reminders } = createUseCases(deps);
  const window = { horizonMs: 5 * 60_000, lookbackMs: 2 * 24 * HOUR, recapGraceMs: 15 * 60_000 };
  const cost = async (work: () => Promise<readonly unknown[]>): Promise<MinuteCost> => {
    const [requests, reads, cpu] = [store.requests, calendarReads, process.cpuUsage()];
    const handedOver = (await work()).length;
    const used = process.cpuUsage(cpu);
    return {
      storeRequests: store.requests - requests,
      calendarReads: calendarReads - reads,
      cpuMs: (used.user + used.system) / 1000,
      handedOver,
    };
  };
  const before = await cost(() => reminders.plan(window));
  const planner = new ChangePlanner({ source: reminders, clock, ...window });
  const reconcile = await cost(() => planner.due());
  clock.advance(60_000);
  const idle = await cost(() => planner.due());
  clock.advance(60_000);
  planner.changed('p42');
  const oneChange = await cost(() => planner.due());
  return { before, reconcile, idle, oneChange };
}

export async function botScheduleBench(): Promise<SectionOutcome> {
  const delivery = await promptDelivery();
  const planning = planningCpu();
  console.log(
    formatTable(
      ['measure', 'value'],
      [
        ['prompts (10,000 pairs x 2, all due at once)', `${PROMPT_PAIRS * 2}`],
        ['simulated time to deliver all (s)', delivery.seconds.toFixed(0)],
        ['minimum the 50 rps tenant limit allows (s)', delivery.minimum.toFixed(0)],
        ['ratio', delivery.ratio.toFixed(3)],
        ['wall time of the simulation (ms)', delivery.wallMs.toFixed(0)],
        ['pairs planned', `${PLAN_PAIRS}`],
        ['jobs planned', `${planning.jobs}`],
        ['CPU time to plan (ms)', planning.cpuMs.toFixed(0)],
      ],
    ),
  );
  const scale = await plannerAtScale();
  console.log(
    formatTable(
      ['planner at 100,000 pairs', 'store requests', 'calendar reads', 'CPU ms', 'handed over'],
      Object.entries(scale).map(([name, c]) => [
        name,
        `${c.storeRequests}`,
        `${c.calendarReads}`,
        c.cpuMs.toFixed(0),
        `${c.handedOver}`,
      ]),
    ),
  );
  const figures = new Figures('bot-schedule');
  figures.figure({
    name: 'prompt delivery ÷ tenant-limit minimum',
    value: delivery.ratio,
    unit: '×',
    goal: `≤ ${MAX_RATIO}×`,
    ok: delivery.ratio <= MAX_RATIO,
  });
  figures.figure({
    name: 'planning CPU, 100,000 pairs (pure)',
    value: planning.cpuMs,
    unit: 'ms',
    goal: `≤ ${MAX_PLAN_CPU_MS} ms`,
    ok: planning.cpuMs <= MAX_PLAN_CPU_MS,
  });
  figures.figure({
    name: 'planner, idle minute at 100,000 pairs: store + calendar requests',
    value: scale.idle.storeRequests + scale.idle.calendarReads,
    unit: 'requests',
    goal: '~0 (before: every pair)',
    ok: scale.idle.storeRequests + scale.idle.calendarReads === 0,
  });
  figures.figure({
    name: 'planner, idle minute at 100,000 pairs: CPU',
    value: scale.idle.cpuMs,
    unit: 'ms',
    goal: '~0',
    ok: scale.idle.cpuMs < 50,
  });
  figures.figure({
    name: 'planner, minute after one pair changed: pairs read',
    value: scale.oneChange.calendarReads,
    unit: 'pairs',
    goal: '= 1 (that pair only)',
    // That pair's store reads: its document and its two people's prompt settings (people choose their prompts,
    // so planning a pair reads theirs); nothing of any other pair.
    ok: scale.oneChange.calendarReads === 1 && scale.oneChange.storeRequests <= 3,
  });
  return figures.outcome({ delivery, planning, plannerAtScale: scale });
}
