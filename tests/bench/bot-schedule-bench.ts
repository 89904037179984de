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
import { formatTable, writeArtifact, type SectionOutcome } from './bench-report';

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
  const problems: string[] = [];
  if (delivery.ratio > MAX_RATIO) problems.push(`prompt delivery ratio ${delivery.ratio.toFixed(3)} > ${MAX_RATIO}`);
  if (planning.cpuMs > MAX_PLAN_CPU_MS) problems.push(`planning took ${planning.cpuMs.toFixed(0)} ms of CPU`);
  const artifact = writeArtifact('bot-schedule.json', { delivery, planning });
  return { ok: problems.length === 0, problems, artifact };
}
