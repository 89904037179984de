import { ContentionError } from '../errors';
import { PreconditionFailedError, type DocumentStore, type StoredDocument } from '../ports/document-store';
import { KeyedMutex } from './keyed-mutex';

export interface Mutation<T, R> {
  /** The new document; omit to write nothing (the operation was already applied, or only read). */
  readonly write?: T;
  readonly result: R;
}

/**
 * The concurrency rule of DESIGN.md: read → apply the operation → conditional put with the ETag read; on a
 * precondition failure re-read and re-apply, a bounded number of times. `apply` gets a private copy and may
 * throw a domain error, in which case nothing is written.
 */
export class Documents {
  private readonly lock = new KeyedMutex();

  constructor(
    readonly store: DocumentStore,
    private readonly maxAttempts = 12,
  ) {}

  async read<T>(key: string): Promise<StoredDocument<T> | undefined> {
    return this.store.get<T>(key);
  }

  async mutate<T, R>(key: string, apply: (current: T | undefined) => Mutation<T, R>): Promise<R> {
    return this.lock.run(key, async () => {
      for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
        const current = await this.store.get<T>(key);
        const outcome = apply(current ? structuredClone(current.body) : undefined);
        if (outcome.write === undefined) return outcome.result;
        try {
          await this.store.put(key, outcome.write, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
          return outcome.result;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
      throw new ContentionError(`too many concurrent changes to ${key}; try again`);
    });
  }
}
