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

export interface DeleteOptions {
  readonly ifMatch?: string;
}

export interface DocumentStore {
  /** The body is the caller's own copy: it may change it freely (Documents.mutate relies on that). */
  get<T>(key: string): Promise<StoredDocument<T> | undefined>;
  /** Returns the new ETag. Throws PreconditionFailedError when a condition does not hold. */
  put<T>(key: string, body: T, options?: PutOptions): Promise<string>;
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

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function isValidDocumentKey(key: string): boolean {
  if (key.length === 0 || key.length > 400) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
}

export function assertValidDocumentKey(key: string): void {
  if (!isValidDocumentKey(key)) throw new TypeError(`invalid document key: ${JSON.stringify(key)}`);
}
