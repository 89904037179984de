import { createHash, randomBytes } from 'node:crypto';
import type { BigIntStats, Dirent } from 'node:fs';
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
  putOneByOne,
  type PutOutcome,
  type PutRequest,
  StoredDocument,
} from '../../core/ports/document-store';
import { KeyedMutex } from '../../core/concurrency/keyed-mutex';

const EXTENSION = '.json';
/** Private notes and ratings live here: only the service's own account may read them. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
/** The temp names writeAtomically makes: `.<file>.<pid>.<12 hex>.tmp`. */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Shared by every file store in the process by default: the lock key is the absolute file path, so two
 * stores over the same (or overlapping) folders still serialise their conditional writes.
 */
const processWideMutex = new KeyedMutex();

/** What the store knows of one document's current content. */
interface KnownDocument {
  readonly etag: string;
  /** The file's content, decoded. Each get() parses it afresh, so every caller gets objects of its own. */
  readonly text: string;
}

interface CacheEntry extends KnownDocument {
  /** The file as it was when `text` was its content: any change to the file changes one of these. */
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
  /** What the entry counts against the budget: V8 keeps a string in at most two bytes per character. */
  readonly cost: number;
}

export interface FileDocumentCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
}

/**
 * The last known content and ETag of recently used document files, so that get() and the ETag checks of
 * conditional writes need only a stat() while a file is unchanged, instead of reading and hashing it (and a
 * get() parses the cached text rather than decoding the file again).
 *
 * An entry is used only while stat() shows the file with the same device, inode, size, mtime and ctime as
 * when the entry was made. This store replaces a file by renaming a new one over it (new inode, new times),
 * and an edit by hand or by another process changes the size, the times or the inode. What could go unseen
 * is a change of the same size within the same file-system clock tick (a few milliseconds) as the change
 * before it, on the same or a reused inode: another program rewriting a file within milliseconds of this
 * store writing it. Linux 6.13+ (multigrain timestamps on ext4, xfs, btrfs, tmpfs) gives an in-place change
 * made after a stat a fresh timestamp, which rules out even that for in-place rewrites. File systems with
 * whole-second timestamps are not cached at all.
 *
 * Least recently used entries are evicted beyond `maxBytes`; a document above a quarter of it is not kept.
 */
export class FileDocumentCache {
  // Map order is the LRU order: least recently used first.
  private readonly entries = new Map<string, CacheEntry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly maxBytes = 32 * 1024 * 1024) {}

  /** The entry for `file` if `stats` (of the file as it is now) shows it unchanged since. */
  lookup(file: string, stats: BigIntStats): KnownDocument | undefined {
    const entry = this.entries.get(file);
    if (
      entry !== undefined &&
      entry.ino === stats.ino &&
      entry.dev === stats.dev &&
      entry.size === stats.size &&
      entry.mtimeNs === stats.mtimeNs &&
      entry.ctimeNs === stats.ctimeNs
    ) {
      this.entries.delete(file);
      this.entries.set(file, entry);
      this.hits += 1;
      return entry;
    }
    if (entry !== undefined) this.forget(file);
    this.misses += 1;
    return undefined;
  }

  /** Records that `file`, as `stats` shows it, holds `document`. */
  remember(file: string, document: KnownDocument, stats: BigIntStats): void {
    this.forget(file);
    const cost = document.text.length * 2;
    // Whole-second timestamps (FAT, HFS+, some network file systems) could hide a change made in that second.
    if (!stats.isFile() || stats.mtimeNs % 1_000_000_000n === 0n || cost > this.maxBytes / 4) return;
    const { dev, ino, size, mtimeNs, ctimeNs } = stats;
    this.entries.set(file, { etag: document.etag, text: document.text, dev, ino, size, mtimeNs, ctimeNs, cost });
    this.bytes += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.cost;
    }
  }

  forget(file: string): void {
    const entry = this.entries.get(file);
    if (entry === undefined) return;
    this.entries.delete(file);
    this.bytes -= entry.cost;
  }

  /** For tests and diagnostics. */
  get stats(): FileDocumentCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}

/** Shared like the mutex, so stores made per request (FilePersonalDocumentStores) still benefit. */
const processWideCache = new FileDocumentCache();

/**
 * Documents as JSON files under a data folder: key `a/b/c` is `<root>/a/b/c.json`.
 *
 * Writes go to a temp file in the target folder, are fsynced and then renamed over the target, so a crash
 * leaves either the old or the new document under the real name, never a torn one. Temp files start with a
 * dot (keys never do) and end in `.tmp`, so get() and list() never see them; a crash can leave one behind.
 *
 * Conditional writes are safe between concurrent writers in this process only (one Node process owns the
 * data folder in embedded mode). Reads and ETag checks go through a FileDocumentCache, checked against a
 * stat() of the file each time, so files edited by hand are still seen as they are.
 */
export class FileDocumentStore implements DocumentStore {
  private readonly root: string;

  constructor(
    root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
    private readonly cache: FileDocumentCache = processWideCache,
  ) {
    this.root = path.resolve(root);
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    const current = await this.current(this.fileFor(key));
    if (current === undefined) return undefined;
    return { key, etag: current.etag, body: JSON.parse(current.text) as T };
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
        const currentEtag = (await this.current(file))?.etag;
        if (options.ifMatch !== undefined && options.ifMatch !== currentEtag) throw new PreconditionFailedError(key);
        if (options.ifNoneMatch === '*' && currentEtag !== undefined) throw new PreconditionFailedError(key);
      }
      const etag = etagOf(bytes);
      let written: BigIntStats | undefined;
      try {
        written = await writeAtomically(file, bytes);
      } finally {
        if (written === undefined) this.cache.forget(file);
        else this.cache.remember(file, { etag, text }, written);
      }
      return etag;
    });
  }

  /** One write after another, stopping at the first failed condition (the port's putMany). */
  putMany(writes: readonly PutRequest[]): Promise<PutOutcome[]> {
    return putOneByOne(this, writes);
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    const file = this.fileFor(key);

    return this.mutex.run(file, async () => {
      if (options.ifMatch !== undefined) {
        // A missing document does not match any ETag, as with HTTP If-Match.
        if ((await this.current(file))?.etag !== options.ifMatch) throw new PreconditionFailedError(key);
      }
      try {
        await fs.unlink(file);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return false;
        throw error;
      } finally {
        this.cache.forget(file);
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

  /** The document in `file` as it is now: from the cache while a stat() shows the file unchanged, else read. */
  private async current(file: string): Promise<KnownDocument | undefined> {
    let stats: BigIntStats;
    try {
      stats = await fs.stat(file, { bigint: true });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      this.cache.forget(file);
      return undefined;
    }
    return this.cache.lookup(file, stats) ?? this.read(file);
  }

  private async read(file: string): Promise<KnownDocument | undefined> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      // Deleted since the stat.
      if (errorCode(error) !== 'ENOENT') throw error;
      this.cache.forget(file);
      return undefined;
    }
    try {
      // The stat and the bytes of the same inode, whatever replaces the file meanwhile.
      const stats = await handle.stat({ bigint: true });
      const bytes = await handle.readFile();
      const document = { etag: etagOf(bytes), text: bytes.toString('utf8') };
      this.cache.remember(file, document, stats);
      return document;
    } finally {
      await handle.close();
    }
  }
}

/** Each user's documents in their own folder: `<root>/<userId>/...`. */
export class FilePersonalDocumentStores implements PersonalDocumentStores {
  constructor(
    private readonly root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
    private readonly cache: FileDocumentCache = processWideCache,
  ) {}

  forUser(userId: string): DocumentStore {
    // One key segment, so a user id can never reach into another user's folder or out of the root.
    if (userId.includes('/') || !isValidDocumentKey(userId)) {
      throw new TypeError(`invalid user id for a personal store: ${JSON.stringify(userId)}`);
    }
    return new FileDocumentStore(path.join(this.root, userId), this.mutex, this.cache);
  }
}

/**
 * Readies a data folder before anything uses it: creates it private to this account, makes what an older
 * version left readable by others private too (files 0600, folders 0700), and removes temp files a writer
 * killed mid-write left behind. Call it once at start, before any store writes: it cannot tell a live
 * writer's temp file from a dead one's.
 */
export async function prepareDataFolder(root: string): Promise<{ removedTempFiles: number }> {
  await fs.mkdir(root, { recursive: true, mode: FOLDER_MODE });
  let removedTempFiles = 0;
  const walk = async (directory: string): Promise<void> => {
    await fs.chmod(directory, FOLDER_MODE);
    for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        await fs.rm(full, { force: true });
        removedTempFiles++;
      } else if (entry.isFile()) await fs.chmod(full, FILE_MODE);
    }
  };
  await walk(path.resolve(root));
  return { removedTempFiles };
}

/** A quoted content hash: equal bytes give equal ETags, and any change of content changes it. */
function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

/**
 * Returns the file's stat() right after the rename if it still shows the inode written (for the cache), or
 * undefined if something else replaced or changed it in between, or it could not be taken.
 */
async function writeAtomically(file: string, bytes: Buffer): Promise<BigIntStats | undefined> {
  const directory = path.dirname(file);
  const firstCreated = await fs.mkdir(directory, { recursive: true, mode: FOLDER_MODE });
  // Bounded so the temp name stays within the 255-byte file name limit whatever the key's last segment.
  const base = path.basename(file).slice(0, 160);
  const temp = path.join(directory, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  const handle = await fs.open(temp, 'wx', FILE_MODE);
  let written: BigIntStats;
  try {
    try {
      await handle.writeFile(bytes);
      // The content must be on disk before the rename makes it visible under the real name.
      await handle.sync();
      written = await handle.stat({ bigint: true });
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // The rename changes the ctime, not the inode, size or mtime.
  const renamed = await fs.stat(file, { bigint: true }).catch(() => undefined);

  // Persist the rename, and the entries of any folders just created, so the document survives a power loss.
  await syncDirectory(directory);
  if (firstCreated !== undefined) {
    const stop = path.dirname(firstCreated);
    for (let dir = directory; dir !== stop && dir !== path.dirname(dir); dir = path.dirname(dir)) {
      await syncDirectory(path.dirname(dir));
    }
  }
  return renamed !== undefined &&
    renamed.dev === written.dev &&
    renamed.ino === written.ino &&
    renamed.size === written.size &&
    renamed.mtimeNs === written.mtimeNs
    ? renamed
    : undefined;
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
