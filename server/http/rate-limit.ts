import type { Clock } from '../../core/clock';
import { problemUri } from '../../core/contract/problem';
import { HttpProblem } from './problem';

/**
 * Token buckets by key (a user, a client address): `perMinute` requests a minute with a burst as large.
 * Full buckets are forgotten, so memory follows the callers active in the last minute, not all callers ever.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    /** What is limited, for the problem's detail ("requests", "dev tokens"). */
    private readonly what: string,
  ) {}

  /** Takes one token or throws a 429 problem with Retry-After (whole seconds until the next token). */
  take(key: string): void {
    const now = this.clock.now().getTime();
    const ratePerMs = this.perMinute / 60_000;
    const current = this.buckets.get(key);
    const tokens = current
      ? Math.min(this.perMinute, current.tokens + Math.max(0, now - current.at) * ratePerMs)
      : this.perMinute;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      const retryAfter = Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000));
      throw new HttpProblem(
        {
          type: problemUri('rate-limited'),
          title: 'Too many requests',
          status: 429,
          detail: `at most ${this.perMinute} ${this.what} a minute; try again in ${retryAfter} s`,
        },
        { 'retry-after': String(retryAfter) },
      );
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.sweep(now);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at >= 60_000) this.buckets.delete(key);
    }
  }
}
