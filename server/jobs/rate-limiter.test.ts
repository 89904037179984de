import { PER_TENANT_LIMITS, PER_THREAD_LIMITS, RateLimiter } from './rate-limiter';

/** Sends as fast as the limiter allows, on simulated time; returns the send times. */
function drain(limiter: RateLimiter, threads: string[], start = 0): number[] {
  const times: number[] = [];
  let now = start;
  for (const thread of threads) {
    now = limiter.earliest(thread, now);
    limiter.record(thread, now);
    times.push(now);
  }
  return times;
}

describe('RateLimiter', () => {
  it('allows 7 sends to one thread in a second and 8 in two seconds, then waits', () => {
    const times = drain(new RateLimiter(), Array(9).fill('a'));
    expect(times.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(times[7]).toBe(1000);
    expect(times[8]).toBe(2000);
  });

  it('holds 60 sends per 30 s on one thread', () => {
    const times = drain(new RateLimiter(), Array(61).fill('a'));
    expect(times[59]).toBeLessThan(30_000);
    expect(times[60]).toBeGreaterThanOrEqual(30_000);
  });

  it('limits the tenant to 50 per second across threads, and other threads are not slowed by a busy one', () => {
    const limiter = new RateLimiter(PER_THREAD_LIMITS, PER_TENANT_LIMITS);
    const times = drain(
      limiter,
      Array.from({ length: 101 }, (_, i) => `t${i}`),
    );
    expect(times.filter((t) => t === 0)).toHaveLength(50);
    expect(times[50]).toBe(1000);
    expect(times[100]).toBe(2000);
  });

  it('blocks a thread after a 429 until Retry-After, leaving other threads alone', () => {
    const limiter = new RateLimiter();
    limiter.block('a', 5_000);
    expect(limiter.earliest('a', 0)).toBe(5_000);
    expect(limiter.earliest('b', 0)).toBe(0);
    limiter.block(undefined, 3_000);
    expect(limiter.earliest('b', 0)).toBe(3_000);
  });

  it('forgets threads idle for longer than its longest window', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 9_999; i++) limiter.record(`t${i}`, 0);
    expect(limiter.threadCount).toBe(9_999);
    limiter.record('late', 3_600_001);
    expect(limiter.threadCount).toBe(1);
  });
});
