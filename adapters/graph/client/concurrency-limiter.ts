/**
 * At most `limit` tasks at once per key. Outlook allows 4 concurrent requests per app and mailbox; more
 * are answered with 429 (docs/graph-facts.md, Throttling), so queueing here is cheaper than retrying there.
 */
export class KeyedConcurrencyLimiter {
  private readonly slots = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { active: 0, waiting: [] };
      this.slots.set(key, slot);
    }
    if (slot.active >= this.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active++;
    try {
      return await task();
    } finally {
      slot.active--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.active === 0) this.slots.delete(key);
    }
  }

  /** Requests running for `key` right now (for tests). */
  active(key: string): number {
    return this.slots.get(key)?.active ?? 0;
  }
}
