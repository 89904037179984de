/** [window in ms, sends allowed in it] */
export type Limits = ReadonlyArray<readonly [number, number]>;

/** Teams Bot Connector, per bot per thread, for sends (docs/graph-facts.md, Bot rate limits). */
export const PER_THREAD_LIMITS: Limits = [
  [1_000, 7],
  [2_000, 8],
  [30_000, 60],
  [3_600_000, 1_800],
];
/** Per app per tenant. */
export const PER_TENANT_LIMITS: Limits = [[1_000, 50]];

class Window {
  private readonly sent: number[] = [];
  blockedUntil = 0;

  constructor(private readonly limits: Limits) {}

  /** Earliest time a send is allowed. */
  earliest(now: number): number {
    let at = Math.max(now, this.blockedUntil);
    for (const [ms, max] of this.limits) {
      const inWindow = this.countSince(at - ms);
      if (inWindow >= max) at = Math.max(at, this.sent[this.sent.length - max]! + ms);
    }
    return at;
  }

  record(at: number): void {
    this.sent.push(at);
    const longest = this.limits[this.limits.length - 1]![0];
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop]! <= at - longest) drop++;
    if (drop > 0) this.sent.splice(0, drop);
  }

  /** Nothing in its longest window and not blocked: it can be forgotten. */
  idleAt(now: number): boolean {
    const longest = this.limits[this.limits.length - 1]![0];
    const last = this.sent[this.sent.length - 1];
    return (last === undefined || last <= now - longest) && this.blockedUntil <= now;
  }

  private countSince(from: number): number {
    let count = 0;
    for (let i = this.sent.length - 1; i >= 0 && this.sent[i]! > from; i--) count++;
    return count;
  }
}

/**
 * Sliding-window limits per thread and per tenant, on whatever time the caller passes (so the simulated
 * clock of tests and the benchmark works): ask `earliest`, send only when it is now, then `record`.
 */
export class RateLimiter {
  private readonly threads = new Map<string, Window>();
  private readonly tenant: Window;
  private recorded = 0;

  constructor(
    private readonly threadLimits: Limits = PER_THREAD_LIMITS,
    tenantLimits: Limits = PER_TENANT_LIMITS,
  ) {
    this.tenant = new Window(tenantLimits);
  }

  earliest(thread: string, now: number): number {
    return Math.max(this.tenant.earliest(now), this.threads.get(thread)?.earliest(now) ?? now);
  }

  /** When the tenant-wide limit next allows any send. */
  tenantEarliest(now: number): number {
    return this.tenant.earliest(now);
  }

  record(thread: string, at: number): void {
    this.tenant.record(at);
    this.window(thread).record(at);
    // Every thread ever written to would otherwise stay in memory: drop the idle ones now and then.
    if (++this.recorded % 10_000 === 0) {
      for (const [key, w] of this.threads) if (w.idleAt(at)) this.threads.delete(key);
    }
  }

  get threadCount(): number {
    return this.threads.size;
  }

  /** After a 429: nothing more to this thread (or the whole tenant) until `until`. */
  block(thread: string | undefined, until: number): void {
    const w = thread === undefined ? this.tenant : this.window(thread);
    w.blockedUntil = Math.max(w.blockedUntil, until);
  }

  private window(thread: string): Window {
    let w = this.threads.get(thread);
    if (!w) {
      w = new Window(this.threadLimits);
      this.threads.set(thread, w);
    }
    return w;
  }
}
