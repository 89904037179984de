import { ContentionError } from '../errors';
import {
  PreconditionFailedError,
  type DocumentStore,
  type PutRequest,
  type StoredDocument,
} from '../ports/document-store';

export interface Mutation<T, R> {
  /** The new document; omit to write nothing (the operation was already applied, or only read). */
  readonly write?: T;
  readonly result: R;
}

type Apply<T, R> = (current: T | undefined) => Mutation<T, R>;

/** One document of `mutateInOrder`: made with `step()`, which keeps its types together. */
export interface Step {
  readonly key: string;
  readonly apply: Apply<unknown, unknown>;
  /** The document as just read (a private copy), or undefined when it was just found absent. */
  readonly basis: StoredDocument<unknown> | undefined;
}

export function step<T, R>(key: string, apply: Apply<T, R>, basis: StoredDocument<T> | undefined): Step {
  return { key, apply: apply as Apply<unknown, unknown>, basis: basis as StoredDocument<unknown> | undefined };
}

interface Pending<T> {
  readonly apply: Apply<T, unknown>;
  readonly basis?: StoredDocument<T>;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** How many queued operations on one document are committed together in one write. */
const MAX_BATCH = 64;

/**
 * The concurrency rule (docs/architecture.md, Writes and concurrency): read → apply the operation → conditional put with the ETag read; on a
 * precondition failure re-read and re-apply, a bounded number of times.
 *
 * Operations on the same document in this process queue up and are committed in batches: one read, every
 * queued operation applied in arrival order, one conditional put. So 100 people adding topics to one pair at
 * once cost a handful of writes instead of 100 writes or a storm of retries. An operation that throws is
 * failed alone: the batch is re-applied from the document as read without it, so it leaves nothing behind.
 * ETags still guard against other processes and instances.
 *
 * `apply` must treat its argument as its own (it is a private copy) and must not keep it.
 */
export class Documents {
  private readonly queues = new Map<string, Array<Pending<unknown>>>();

  constructor(
    readonly store: DocumentStore,
    private readonly maxAttempts = 12,
  ) {}

  async read<T>(key: string): Promise<StoredDocument<T> | undefined> {
    return this.store.get<T>(key);
  }

  /**
   * `basis`: the document as this request has just read it (a private copy), used for the first attempt instead
   * of reading it again; the conditional put still checks its ETag, so a stale basis only costs a retry.
   */
  mutate<T, R>(key: string, apply: Apply<T, R>, basis?: StoredDocument<T>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const pending = { apply, resolve, reject, ...(basis && { basis }) } as unknown as Pending<unknown>;
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(key, [pending]);
      void this.drain(key);
    });
  }

  /**
   * Several documents changed in order with one `putMany` (one round trip on Graph): each step is applied to
   * the basis its caller just read and written conditionally on it (If-Match, or If-None-Match: * when it was
   * absent); steps that change nothing are left out. `putMany` stops at the first failed condition, so from
   * that step on each goes through `mutate` (read, apply, conditional put, retries) one after another: the
   * order holds and nothing is lost. An `apply` that throws stops the steps after it. Results in step order.
   */
  async mutateInOrder(steps: readonly Step[]): Promise<unknown[]> {
    const results: unknown[] = [];
    const writes: Array<PutRequest & { readonly index: number }> = [];
    for (const [index, s] of steps.entries()) {
      const mutation = s.apply(s.basis?.body);
      results.push(mutation.result);
      if (mutation.write === undefined) continue;
      const options = s.basis ? { ifMatch: s.basis.etag } : { ifNoneMatch: '*' as const };
      writes.push({ key: s.key, body: mutation.write, options, index });
    }
    const outcomes = await this.store.putMany(writes);
    const unmade = outcomes.findIndex((o) => !('etag' in o));
    if (unmade === -1) return results;
    for (const s of steps.slice(writes[unmade]!.index)) {
      results[steps.indexOf(s)] = await this.mutate(s.key, s.apply);
    }
    return results;
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      await this.commit(key, batch);
    }
    this.queues.delete(key);
  }

  private async commit(key: string, batch: Array<Pending<unknown>>): Promise<void> {
    let live = batch;
    try {
      let attempts = 0;
      while (live.length > 0) {
        if (++attempts > this.maxAttempts)
          throw new ContentionError(`too many concurrent changes to ${key}; try again`);
        const basis = attempts === 1 ? live[0]!.basis : undefined;
        const current = basis ?? (await this.store.get<unknown>(key));
        const outcome = this.applyAll(current, live);
        if (outcome.failed) {
          // Its changes may be half-made on the copy: reject it alone and start over from a fresh read.
          outcome.failed.pending.reject(outcome.failed.error);
          live = live.filter((p) => p !== outcome.failed!.pending);
          attempts--;
          continue;
        }
        if (outcome.changed) {
          try {
            await this.store.put(key, outcome.document, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
          } catch (error) {
            if (error instanceof PreconditionFailedError) continue;
            throw error;
          }
        }
        live.forEach((p, i) => p.resolve(outcome.results[i]));
        return;
      }
    } catch (error) {
      live.forEach((p) => p.reject(error));
    }
  }

  /** Applies the batch in order to the document as read (a private copy from the store). */
  private applyAll(
    current: StoredDocument<unknown> | undefined,
    batch: Array<Pending<unknown>>,
  ):
    | { failed: { pending: Pending<unknown>; error: unknown } }
    | { failed?: undefined; changed: boolean; document: unknown; results: unknown[] } {
    let document: unknown = current?.body;
    let changed = false;
    const results: unknown[] = [];
    for (const pending of batch) {
      try {
        const mutation = pending.apply(document);
        results.push(mutation.result);
        if (mutation.write !== undefined) {
          document = mutation.write;
          changed = true;
        }
      } catch (error) {
        return { failed: { pending, error } };
      }
    }
    return { changed, document, results };
  }
}
