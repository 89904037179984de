import { createHash, randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

import {
  assertValidDocumentKey,
  DeleteOptions,
  DocumentStore,
  isValidDocumentKey,
  PersonalDocumentStores,
  PreconditionFailedError,
  PutOptions,
  StoredDocument,
} from '../../core/ports/document-store';
import { KeyedMutex } from '../../core/concurrency/keyed-mutex';

const EXTENSION = '.json';

/**
 * Shared by every file store in the process by default: the lock key is the absolute file path, so two
 * stores over the same (or overlapping) folders still serialise their conditional writes.
 */
const processWideMutex = new KeyedMutex();

/**
 * Documents as JSON files under a data folder: key `a/b/c` is `<root>/a/b/c.json`.
 *
 * Writes go to a temp file in the target folder, are fsynced and then renamed over the target, so a crash
 * leaves either the old or the new document under the real name, never a torn one. Temp files start with a
 * dot (keys never do) and end in `.tmp`, so get() and list() never see them; a crash can leave one behind.
 *
 * Conditional writes are safe between concurrent writers in this process only (one Node process owns the
 * data folder in embedded mode).
 */
export class FileDocumentStore implements DocumentStore {
  private readonly root: string;

  constructor(
    root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
  ) {
    this.root = path.resolve(root);
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    const bytes = await readIfExists(this.fileFor(key));
    if (bytes === undefined) return undefined;
    return { key, etag: etagOf(bytes), body: JSON.parse(bytes.toString('utf8')) as T };
  }

  async put<T>(key: string, body: T, options: PutOptions = {}): Promise<string> {
    assertValidDocumentKey(key);
    const text: unknown = JSON.stringify(body);
    // JSON.stringify yields undefined for undefined, functions and symbols: nothing we could store.
    if (typeof text !== 'string') throw new TypeError(`document ${key} has no JSON representation`);
    const bytes = Buffer.from(text, 'utf8');
    const file = this.fileFor(key);

    return this.mutex.run(file, async () => {
      if (options.ifMatch !== undefined || options.ifNoneMatch !== undefined) {
        const current = await readIfExists(file);
        const currentEtag = current === undefined ? undefined : etagOf(current);
        if (options.ifMatch !== undefined && options.ifMatch !== currentEtag) throw new PreconditionFailedError(key);
        if (options.ifNoneMatch === '*' && currentEtag !== undefined) throw new PreconditionFailedError(key);
      }
      await writeAtomically(file, bytes);
      return etagOf(bytes);
    });
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    const file = this.fileFor(key);

    return this.mutex.run(file, async () => {
      if (options.ifMatch !== undefined) {
        const current = await readIfExists(file);
        // A missing document does not match any ETag, as with HTTP If-Match.
        if (current === undefined || etagOf(current) !== options.ifMatch) throw new PreconditionFailedError(key);
      }
      try {
        await fs.unlink(file);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return false;
        throw error;
      }
      await syncDirectory(path.dirname(file));
      return true;
    });
  }

  async list(prefix: string): Promise<string[]> {
    assertValidDocumentKey(prefix);
    const keys: string[] = [];
    await collectKeys(path.join(this.root, ...prefix.split('/')), prefix, keys);
    // Sort the full keys: a folder walk's order differs from string order ('a/b-c' < 'a/b/c').
    return keys.sort();
  }

  private fileFor(key: string): string {
    // Validated segments contain no separators and are never '.' or '..', so this stays under the root.
    return path.join(this.root, ...key.split('/')) + EXTENSION;
  }
}

/** Each user's documents in their own folder: `<root>/<userId>/...`. */
export class FilePersonalDocumentStores implements PersonalDocumentStores {
  constructor(
    private readonly root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
  ) {}

  forUser(userId: string): DocumentStore {
    // One key segment, so a user id can never reach into another user's folder or out of the root.
    if (userId.includes('/') || !isValidDocumentKey(userId)) {
      throw new TypeError(`invalid user id for a personal store: ${JSON.stringify(userId)}`);
    }
    return new FileDocumentStore(path.join(this.root, userId), this.mutex);
  }
}

/** A quoted content hash: equal bytes give equal ETags, and any change of content changes it. */
function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const directory = path.dirname(file);
  const firstCreated = await fs.mkdir(directory, { recursive: true });
  // Bounded so the temp name stays within the 255-byte file name limit whatever the key's last segment.
  const base = path.basename(file).slice(0, 160);
  const temp = path.join(directory, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      // The content must be on disk before the rename makes it visible under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }

  // Persist the rename, and the entries of any folders just created, so the document survives a power loss.
  await syncDirectory(directory);
  if (firstCreated !== undefined) {
    const stop = path.dirname(firstCreated);
    for (let dir = directory; dir !== stop && dir !== path.dirname(dir); dir = path.dirname(dir)) {
      await syncDirectory(path.dirname(dir));
    }
  }
}

/** Best effort: some platforms and file systems cannot open or fsync a directory. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Durability of the directory entry is an optimisation here, not a correctness requirement.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function collectKeys(directory: string, prefix: string, keys: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    const code = errorCode(error);
    // A folder that does not exist (or vanished during the walk) holds no documents.
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (isValidDocumentKey(entry.name))
        await collectKeys(path.join(directory, entry.name), `${prefix}/${entry.name}`, keys);
    } else if (entry.isFile() && entry.name.endsWith(EXTENSION)) {
      // Temp files and anything else not written by this store have names that are not valid segments.
      const segment = entry.name.slice(0, -EXTENSION.length);
      if (isValidDocumentKey(segment)) keys.push(`${prefix}/${segment}`);
    }
  }
}

function errorCode(error: unknown): string | undefined {
  // Not `instanceof Error`: errors from Node's own modules come from another realm under Jest's sandbox.
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
