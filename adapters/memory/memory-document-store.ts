import { createHash } from 'node:crypto';

import {
  assertValidDocumentKey,
  isValidDocumentKey,
  PreconditionFailedError,
  putOneByOne,
  type DeleteOptions,
  type DocumentStore,
  type PersonalDocumentStores,
  type PutOptions,
  type PutOutcome,
  type PutRequest,
  type StoredDocument,
} from '../../core/ports/document-store';

/**
 * A DocumentStore in memory for fast tests, with the file store's semantics: the ETag derives from the
 * content, conditional writes check it atomically, bodies are stored as JSON text so nothing the caller
 * keeps can change what is stored (and what get() returns is the caller's own copy).
 */
export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, string>();

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    const text = this.documents.get(key);
    if (text === undefined) return undefined;
    return { key, etag: etagOf(text), body: JSON.parse(text) as T };
  }

  async put<T>(key: string, body: T, options: PutOptions = {}): Promise<string> {
    assertValidDocumentKey(key);
    const text: unknown = JSON.stringify(body);
    if (typeof text !== 'string') throw new TypeError(`document ${key} has no JSON representation`);
    // Check and write with no await in between: one step, as the file store's mutex makes it.
    const current = this.documents.get(key);
    const currentEtag = current === undefined ? undefined : etagOf(current);
    if (options.ifMatch !== undefined && options.ifMatch !== currentEtag) throw new PreconditionFailedError(key);
    if (options.ifNoneMatch === '*' && currentEtag !== undefined) throw new PreconditionFailedError(key);
    this.documents.set(key, text);
    return etagOf(text);
  }

  /** One write after another, stopping at the first failed condition (the port's putMany). */
  putMany(writes: readonly PutRequest[]): Promise<PutOutcome[]> {
    return putOneByOne(this, writes);
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    const current = this.documents.get(key);
    if (options.ifMatch !== undefined && (current === undefined || etagOf(current) !== options.ifMatch)) {
      throw new PreconditionFailedError(key);
    }
    return this.documents.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    assertValidDocumentKey(prefix);
    const folder = `${prefix}/`;
    return [...this.documents.keys()].filter((key) => key.startsWith(folder)).sort();
  }

  /** Every key, sorted (for assertions about what was written where). */
  keys(): string[] {
    return [...this.documents.keys()].sort();
  }
}

/** One MemoryDocumentStore per user, kept for the life of this object. */
export class MemoryPersonalDocumentStores implements PersonalDocumentStores {
  private readonly stores = new Map<string, MemoryDocumentStore>();

  forUser(userId: string): MemoryDocumentStore {
    if (userId.includes('/') || !isValidDocumentKey(userId)) {
      throw new TypeError(`invalid user id for a personal store: ${JSON.stringify(userId)}`);
    }
    let store = this.stores.get(userId);
    if (!store) {
      store = new MemoryDocumentStore();
      this.stores.set(userId, store);
    }
    return store;
  }

  /** Users who have a store (whether or not it holds anything). */
  users(): string[] {
    return [...this.stores.keys()].sort();
  }
}

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;
}
