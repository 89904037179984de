import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import type { StoredDocument } from '../../core/ports/document-store';
import type { JobDocument, JobExecutor, JobPlan, JobSpec } from '../../core/ports/jobs';
import { NotInstalledError, ThrottledError } from '../../core/ports/messenger';
import type { JobStore } from './job-store';
import type { Lease } from './lease';
import type { RateLimiter } from './rate-limiter';

export interface JobRunnerOptions {
  readonly jobs: JobStore;
  readonly lease: Lease;
  readonly executor: JobExecutor;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Longest sleep between ticks; also how soon jobs written by other instances are seen. */
  readonly pollMs: number;
  readonly rescanMs?: number;
  readonly maxAttempts?: number;
  /** Sends in flight at once (each waits on the connector). */
  readonly concurrency?: number;
  readonly random?: () => number;
  /** Plans jobs (idempotently) while the lease is held, every `planEveryMs`. */
  readonly planner?: () => Promise<readonly JobSpec[]>;
  readonly planEveryMs?: number;
}

type Doc = StoredDocument<JobDocument>;

const BASE_BACKOFF_MS = 2_000;
/** A job waiting for the bot to be installed is looked at again this often. */
const RECHECK_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Runs due jobs while holding the lease. Per job: the 'sending' state is written (conditionally, so two
 * instances never both take it) before the send, and the done mark after it. A crash inside that window
 * leaves a 'sending' job that the next holder sends again: at-least-once, the window being one connector
 * call (the Bot Connector has no idempotent send). Graceful shutdown waits for sends in flight, so a normal
 * restart neither loses nor repeats a message.
 */
export class JobRunner {
  private readonly cache = new Map<string, Doc>();
  /** Conversation of a job once planned, so a throttled job is not re-planned on every tick. */
  private readonly threadOf = new Map<string, string>();
  private lastScan = Number.NEGATIVE_INFINITY;
  private lastPlan = Number.NEGATIVE_INFINITY;
  /** Keys finished by this process: replanning them costs no store round trip. */
  private readonly finished = new Set<string>();
  private dirty = true;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private tickWaiters: Array<() => void> = [];

  constructor(private readonly o: JobRunnerOptions) {}

  /**
   * Idempotent: a job already pending or done under this key is left as it is — except that a pending job
   * planned earlier now (its meeting moved earlier) is brought forward.
   */
  async enqueue(spec: JobSpec): Promise<boolean> {
    const cached = this.cache.get(spec.key);
    if (cached && cached.body.state === 'pending' && spec.dueAt < cached.body.dueAt) {
      await this.bringForward(spec.key, spec.dueAt);
      return false;
    }
    if (cached || this.finished.has(spec.key)) return false;
    const created = await this.o.jobs.enqueue(spec);
    if (created) this.dirty = true;
    return created;
  }

  async bringForward(key: string, dueAt: string): Promise<void> {
    if (await this.o.jobs.bringForward(key, dueAt)) this.dirty = true;
  }

  /** Runs what is due now; returns when the next job could go (ms since the epoch). */
  async tick(): Promise<number> {
    const now = this.o.clock.now().getTime();
    if (!(await this.o.lease.hold())) {
      this.cache.clear();
      this.dirty = true;
      return now + this.o.pollMs;
    }
    if (this.o.planner && now - this.lastPlan >= (this.o.planEveryMs ?? 60_000)) {
      this.lastPlan = now;
      if (this.dirty) await this.rescan(now);
      for (const spec of await this.o.planner()) await this.enqueue(spec);
    }
    if (this.dirty || now - this.lastScan >= (this.o.rescanMs ?? 30_000)) await this.rescan(now);
    const due = [...this.cache.values()]
      .filter((d) => this.readyAt(d, now) <= now)
      .sort((a, b) => a.body.dueAt.localeCompare(b.body.dueAt) || a.body.key.localeCompare(b.body.key));
    const inFlight = new Set<Promise<void>>();
    for (const doc of due) {
      const thread = this.threadOf.get(doc.body.key);
      if (thread !== undefined && this.o.limiter.earliest(thread, now) > now) continue;
      // The tenant limit holds for every thread: nothing more can go this tick.
      if (this.o.limiter.tenantEarliest(now) > now) break;
      const run = this.runOne(doc, now).catch((error: unknown) =>
        this.o.logger.error({ err: error, job: doc.body.key }, 'job failed unexpectedly'),
      );
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
      if (inFlight.size >= (this.o.concurrency ?? 8)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return this.nextWake(this.o.clock.now().getTime());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async (): Promise<void> => {
      const waiters = this.tickWaiters.splice(0);
      let next: number;
      try {
        next = await this.tick();
      } catch (error) {
        this.o.logger.error({ err: error }, 'job runner tick failed');
        next = this.o.clock.now().getTime() + this.o.pollMs;
      }
      for (const done of waiters) done();
      if (!this.running) return;
      const delay = Math.min(Math.max(next - this.o.clock.now().getTime(), 10), this.o.pollMs);
      this.timer = setTimeout(() => (this.current = loop()), delay);
    };
    this.current = loop();
  }

  /**
   * Resolves once a whole tick of the started loop has run after this call: what was due or planned at the
   * clock's time then has been looked at. Tests on a simulated clock wait on it instead of on a duration.
   */
  nextTick(): Promise<void> {
    return new Promise((resolve) => this.tickWaiters.push(resolve));
  }

  /** Stops the loop, waits for the sends in flight, and releases the lease for the next instance. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
    for (const done of this.tickWaiters.splice(0)) done();
    await this.o.lease.release();
  }

  get pendingCount(): number {
    return this.cache.size;
  }

  private async rescan(now: number): Promise<void> {
    // Cleared before the read, not after: a job enqueued while the list is read marks it dirty again.
    this.dirty = false;
    this.cache.clear();
    const pending = await this.o.jobs.pending().catch((error: unknown) => {
      this.dirty = true;
      throw error;
    });
    for (const doc of pending) {
      if (doc.body.state === 'sending') {
        this.o.logger.warn({ job: doc.body.key, since: doc.body.sendingSince }, 'resending a job interrupted mid-send');
      }
      this.cache.set(doc.body.key, doc);
    }
    this.lastScan = now;
  }

  private readyAt(doc: Doc, now: number): number {
    const due = Math.max(Date.parse(doc.body.dueAt), doc.body.notBefore ? Date.parse(doc.body.notBefore) : 0);
    const thread = this.threadOf.get(doc.body.key);
    return thread === undefined || due > now ? due : Math.max(due, this.o.limiter.earliest(thread, now));
  }

  private nextWake(now: number): number {
    let next = now + this.o.pollMs;
    for (const doc of this.cache.values()) {
      const ready = this.readyAt(doc, now);
      next = Math.min(next, ready > now ? ready : this.o.limiter.tenantEarliest(now));
    }
    return next;
  }

  private async runOne(doc: Doc, now: number): Promise<void> {
    const { key } = doc.body;
    if (await this.o.jobs.isDone(key)) return this.drop(doc, () => this.o.jobs.discard(doc));
    let plan;
    try {
      plan = await this.o.executor.plan(doc.body);
    } catch (error) {
      return this.retry(doc, error, now);
    }
    if (plan.type === 'skip') {
      this.o.logger.info({ job: key, reason: plan.reason }, 'job skipped');
      return this.drop(doc, () => this.o.jobs.finish(doc, { outcome: 'skipped', at: iso(now), reason: plan.reason }));
    }
    if (plan.type === 'wait') return this.wait(doc, plan, now);
    if (plan.type === 'fan-out') {
      for (const spec of plan.jobs) await this.enqueue(spec);
      return this.drop(doc, () => this.o.jobs.finish(doc, { outcome: 'sent', at: iso(now), reason: 'fanned out' }));
    }
    this.threadOf.set(key, plan.thread);
    if (this.o.limiter.earliest(plan.thread, now) > now) return;
    // Counted before the await, so concurrent sends in this tick see it.
    this.o.limiter.record(plan.thread, now);
    const sending = await this.o.jobs.replace(doc, {
      ...doc.body,
      state: 'sending',
      sendingSince: iso(now),
      holder: this.o.lease.holder,
    });
    if (!sending) return this.drop(doc, async () => undefined);
    this.cache.set(key, sending);
    let activityId: string | undefined;
    try {
      activityId = await plan.send();
    } catch (error) {
      if (error instanceof NotInstalledError) {
        this.o.logger.warn(
          { job: key, thread: plan.thread },
          'not sent: the app is not installed in this conversation',
        );
        return this.drop(sending, () =>
          this.o.jobs.finish(sending, { outcome: 'skipped', at: iso(now), reason: 'not installed' }),
        );
      }
      if (error instanceof ThrottledError) {
        const wait = error.retryAfterMs ?? this.backoff(doc.body.attempts);
        this.o.limiter.block(plan.thread, now + wait);
        this.o.logger.warn({ job: key, thread: plan.thread, waitMs: wait }, 'throttled (429): backing off');
      }
      return this.retry(sending, error, now);
    }
    await this.drop(sending, () =>
      this.o.jobs.finish(sending, {
        outcome: 'sent',
        at: iso(this.o.clock.now().getTime()),
        ...(activityId && { activityId }),
      }),
    );
  }

  /** Kept for later (moved later, or not installed yet), until it stops being worth sending. */
  private async wait(doc: Doc, plan: Extract<JobPlan, { type: 'wait' }>, now: number): Promise<void> {
    const { key } = doc.body;
    if (plan.keepUntil && now >= Date.parse(plan.keepUntil)) {
      this.o.logger.info({ job: key, reason: plan.reason, keptUntil: plan.keepUntil }, 'job dropped: kept long enough');
      return this.drop(doc, () =>
        this.o.jobs.finish(doc, {
          outcome: 'skipped',
          at: iso(now),
          reason: `${plan.reason}; kept until ${plan.keepUntil}`,
        }),
      );
    }
    const retryAt = plan.until ?? iso(now + RECHECK_MS);
    this.o.logger.info({ job: key, reason: plan.reason, retryAt, keepUntil: plan.keepUntil }, 'job kept for later');
    const { notBefore: _n, ...rest } = doc.body;
    const next = await this.o.jobs.replace(doc, {
      ...rest,
      ...(plan.until ? { dueAt: plan.until } : { notBefore: retryAt }),
      ...(plan.payload && { payload: plan.payload }),
    });
    if (next) this.cache.set(key, next);
    else this.cache.delete(key);
  }

  private async retry(doc: Doc, error: unknown, now: number): Promise<void> {
    const attempts = doc.body.attempts + 1;
    const throttled = error instanceof ThrottledError;
    if (!throttled && attempts >= (this.o.maxAttempts ?? 8)) {
      this.o.logger.error({ err: error, job: doc.body.key, attempts }, 'job failed for good');
      return this.drop(doc, () =>
        this.o.jobs.finish(doc, { outcome: 'failed', at: iso(now), reason: String(error).slice(0, 300) }),
      );
    }
    if (!throttled) this.o.logger.warn({ err: error, job: doc.body.key, attempts }, 'job failed: will retry');
    const wait = throttled ? (error.retryAfterMs ?? this.backoff(doc.body.attempts)) : this.backoff(doc.body.attempts);
    const { sendingSince: _s, holder: _h, ...rest } = doc.body;
    const next = await this.o.jobs.replace(doc, {
      ...rest,
      state: 'pending',
      attempts: throttled ? doc.body.attempts : attempts,
      notBefore: iso(now + wait),
    });
    if (next) this.cache.set(doc.body.key, next);
    else this.cache.delete(doc.body.key);
  }

  /** Exponential backoff with full jitter. */
  private backoff(attempts: number): number {
    const cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempts);
    return Math.round(cap / 2 + ((this.o.random ?? Math.random)() * cap) / 2);
  }

  private async drop(doc: Doc, finish: () => Promise<unknown>): Promise<void> {
    await finish();
    if (this.finished.size > 100_000) this.finished.clear();
    this.finished.add(doc.body.key);
    this.cache.delete(doc.body.key);
    this.threadOf.delete(doc.body.key);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
