/**
 * Where Tandem keeps its JSON documents. Every adapter (file, Graph drive, Azure Blob) passes the same
 * contract suite: tests/contracts/document-store-contract.ts.
 *
 * Keys are slash-separated paths of segments made of letters, digits, '.', '_' and '-' (no empty segment,
 * no '.' or '..'), e.g. `pairs/p-1/sessions/20261124T090000Z`. The adapter maps them to its own storage.
 */
export interface StoredDocument<T> {
  readonly key: string;
  readonly etag: string;
  readonly body: T;
}

export interface PutOptions {
  /** Write only if the stored document still has this ETag. */
  readonly ifMatch?: string;
  /** '*': write only if no document exists under the key. */
  readonly ifNoneMatch?: '*';
}

/** One write of `putMany`. */
export interface PutRequest {
  readonly key: string;
  readonly body: unknown;
  readonly options?: PutOptions;
}

/** What became of one write of `putMany`: its new ETag, its failed condition, or not tried. */
export type PutOutcome =
  { readonly etag: string } | { readonly failed: PreconditionFailedError } | { readonly skipped: true };

export interface DeleteOptions {
  readonly ifMatch?: string;
}

export interface DocumentStore {
  /** The body is the caller's own copy: it may change it freely (Documents.mutate relies on that). */
  get<T>(key: string): Promise<StoredDocument<T> | undefined>;
  /** Returns the new ETag. Throws PreconditionFailedError when a condition does not hold. */
  put<T>(key: string, body: T, options?: PutOptions): Promise<string>;
  /**
   * Several writes in the order given, each conditional on its own options, in as few round trips as the
   * storage allows (one `$batch` on Graph). Not atomic: a write is made only after every write before it was
   * made, so the first failed condition leaves that write and every later one unmade (`failed`, then
   * `skipped`) while the earlier ones stay. The caller recovers from the first unmade write on, e.g. by
   * re-reading it (Documents.mutateInOrder). Other errors throw; earlier writes may have been made.
   */
  putMany(writes: readonly PutRequest[]): Promise<PutOutcome[]>;
  /** True when a document was deleted, false when there was none. */
  delete(key: string, options?: DeleteOptions): Promise<boolean>;
  /** Keys directly or indirectly below `prefix` (a folder path without trailing slash), sorted. */
  list(prefix: string): Promise<string[]>;
}

/** Per-user stores for what only that user may read (private notes): the author's own OneDrive in M365. */
export interface PersonalDocumentStores {
  forUser(userId: string): DocumentStore;
}

export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(readonly key: string) {
    super(`precondition failed for document ${key}`);
  }
}

/** `putMany` for a store whose writes are single calls: one after another, stopping at the first failed condition. */
export async function putOneByOne(store: DocumentStore, writes: readonly PutRequest[]): Promise<PutOutcome[]> {
  const outcomes: PutOutcome[] = [];
  for (const write of writes) {
    if (outcomes.some((o) => !('etag' in o))) {
      outcomes.push({ skipped: true });
      continue;
    }
    try {
      outcomes.push({ etag: await store.put(write.key, write.body, write.options) });
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      outcomes.push({ failed: error });
    }
  }
  return outcomes;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function isValidDocumentKey(key: string): boolean {
  if (key.length === 0 || key.length > 400) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
}

export function assertValidDocumentKey(key: string): void {
  if (!isValidDocumentKey(key)) throw new TypeError(`invalid document key: ${JSON.stringify(key)}`);
}
