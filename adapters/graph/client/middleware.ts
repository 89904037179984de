import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { KeyedConcurrencyLimiter } from './concurrency-limiter';

const RETRIABLE = new Set([429, 503, 504]);

export interface RetryPolicy {
  readonly maxRetries: number;
  /** Backoff when the answer has no Retry-After: base × 2^attempt. */
  readonly baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller gets the error at once. */
  readonly maxDelayMs: number;
  readonly onRetry?: (status: number, delayMs: number) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

abstract class ChainedMiddleware implements Middleware {
  protected next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  abstract execute(context: Context): Promise<void>;

  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('middleware chain ends without an HTTP handler');
    await this.next.execute(context);
  }
}

/** Holds one of the mailbox's slots for the whole request, retries included, so a retry never jumps the queue. */
export class ConcurrencyMiddleware extends ChainedMiddleware {
  constructor(
    private readonly limiter: KeyedConcurrencyLimiter,
    private readonly key: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    await this.limiter.run(this.key, () => this.forward(context));
  }
}

/**
 * Retries 429, 503 and 504 honouring Retry-After, and dropped connections, a bounded number of times. Every
 * write Tandem sends is safe to repeat: creates carry a transactionId, document writes an If-Match or
 * If-None-Match, so a repeated write that already landed fails its precondition instead of duplicating.
 */
export class RetryMiddleware extends ChainedMiddleware {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let status = 0;
      let retryAfter: string | null = null;
      try {
        await this.forward(context);
        status = context.response?.status ?? 0;
        retryAfter = context.response?.headers.get('retry-after') ?? null;
        if (!RETRIABLE.has(status) || attempt >= this.policy.maxRetries) return;
      } catch (error) {
        // The connection dropped (fetch rejected): retry that too, then give up with it.
        if (attempt >= this.policy.maxRetries) throw error;
      }
      const delay = this.delayFor(retryAfter, attempt);
      if (delay > this.policy.maxDelayMs) return;
      // Drain the refused answer so its socket goes back to the pool.
      await context.response?.arrayBuffer().catch(() => undefined);
      this.policy.onRetry?.(status, delay);
      await this.sleep(delay);
    }
  }

  private delayFor(retryAfter: string | null, attempt: number): number {
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(0, date - Date.now());
    }
    return this.policy.baseDelayMs * 2 ** attempt;
  }
}
