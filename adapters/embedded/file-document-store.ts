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
  putOneByOne,
  type PutOutcome,
  type PutRequest,
  StoredDocument,
} from '../../core/ports/document-store';
import { KeyedMutex } from '../../core/concurrency/keyed-mutex';
import { type JournalTicket, WriteJournal } from './write-journal';

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

interface CacheEntry {
  /** Null: the file is known not to exist. */
  readonly document: KnownDocument | null;
  /** What the entry counts against the budget: V8 keeps a string in at most two bytes per character. */
  readonly cost: number;
}

export interface FileDocumentCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
}

/** Counted for an entry besides its text: the key, the ETag and the map's own bookkeeping. */
const ENTRY_OVERHEAD = 200;

/**
 * The content and ETag of recently used document files, or that they do not exist, so that get() and the
 * ETag checks of conditional writes touch no file while the document is known. Authoritative because the
 * process holding a root's journal lock is the only writer of its files (WriteJournal): every change goes
 * through the store, which updates the entry under the file's mutex. A file edited by hand while the
 * service runs is therefore not seen until the entry is evicted or the service restarts; edit data folders
 * with the service stopped. Closing a store (or opening a root's journal again) forgets the root's entries.
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

  /** The document in `file` (null: none) if known. */
  lookup(file: string): KnownDocument | null | undefined {
    const entry = this.entries.get(file);
    if (entry === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.entries.delete(file);
    this.entries.set(file, entry);
    this.hits += 1;
    return entry.document;
  }

  /** Records that `file` holds `document`, or (null) that it does not exist. */
  remember(file: string, document: KnownDocument | null): void {
    this.forget(file);
    const cost = (document?.text.length ?? 0) * 2 + file.length * 2 + ENTRY_OVERHEAD;
    if (cost > this.maxBytes / 4) return;
    this.entries.set(file, { document, cost });
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

  /** Forgets every file below `folder`. */
  forgetBelow(folder: string): void {
    const prefix = folder + path.sep;
    for (const file of [...this.entries.keys()]) if (file.startsWith(prefix)) this.forget(file);
  }

  /** For tests and diagnostics. */
  get stats(): FileDocumentCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}

/** Shared like the mutex, so stores made per request (FilePersonalDocumentStores) still benefit. */
const processWideCache = new FileDocumentCache();

/** Documents acknowledged (durable in the journal) but not yet in their files: read from here meanwhile. */
const unapplied = new Map<string, KnownDocument>();

/** One journal per root in the process, opened (locked and replayed) on first use, like the mutex. */
const journals = new Map<string, Promise<WriteJournal>>();

function journalFor(root: string, cache: FileDocumentCache): Promise<WriteJournal> {
  let journal = journals.get(root);
  if (journal === undefined) {
    // Whatever was known of the root before this process (again) holds its lock may have changed since.
    cache.forgetBelow(root);
    journal = WriteJournal.open(root);
    journals.set(root, journal);
    // A failed open (the folder is locked by another process) is tried again by the next call.
    journal.catch(() => journals.delete(root));
  }
  return journal;
}

/**
 * Documents as JSON files under a data folder: key `a/b/c` is `<root>/a/b/c.json`.
 *
 * A write is first appended to the root's WriteJournal and answered only after the fdatasync covering it
 * (writes arriving together share one: group commit), then goes to a temp file in the target folder that is
 * renamed over the target, so readers and a crash see either the old or the new document under the real
 * name, never a torn one; the journal holds it until a checkpoint has fsynced the file, and replays it at the
 * next start if the process or the machine stopped before. Temp files start with a dot (keys never do) and
 * end in `.tmp`, and the journal is in the dot folder `.journal`, so get() and list() never see them.
 *
 * One process writes a data folder: the journal's lock refuses a second one while the first is alive.
 * Conditional writes are safe between concurrent writers in this process. Reads and ETag checks go through a
 * FileDocumentCache, checked against a stat() of the file each time, so files edited by hand (while no write
 * of the same document is under way) are still seen as they are.
 */
export class FileDocumentStore implements DocumentStore {
  private readonly root: string;
  private readonly journalRoot: string;

  constructor(
    root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
    private readonly cache: FileDocumentCache = processWideCache,
    /** The folder whose journal this store's writes go to: its own root unless it is part of a larger one. */
    journalRoot: string = root,
  ) {
    this.root = path.resolve(root);
    this.journalRoot = path.resolve(journalRoot);
  }

  /** Resolves once every write acknowledged so far is in its document file (the bench counts that work too). */
  async settled(): Promise<void> {
    await (await journalFor(this.journalRoot, this.cache)).settled();
  }

  /** Checkpoints the journal of this store's root and releases its lock, so another process may open it. */
  async close(): Promise<void> {
    const journal = journals.get(this.journalRoot);
    if (journal === undefined) return;
    journals.delete(this.journalRoot);
    await (await journal).close();
    this.cache.forgetBelow(this.journalRoot);
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    await journalFor(this.journalRoot, this.cache);
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

    return new Promise<string>((resolve, reject) => {
      // The file's mutex is held until the document is in its file, so the next change of the same document
      // (and its ETag check) comes after; the caller is answered as soon as the change is durable.
      void this.mutex.run(file, async () => {
        const document = { etag: etagOf(bytes), text };
        let ticket: JournalTicket;
        try {
          const journal = await journalFor(this.journalRoot, this.cache);
          if (options.ifMatch !== undefined || options.ifNoneMatch !== undefined) {
            const currentEtag = (await this.current(file))?.etag;
            if (options.ifMatch !== undefined && options.ifMatch !== currentEtag)
              throw new PreconditionFailedError(key);
            if (options.ifNoneMatch === '*' && currentEtag !== undefined) throw new PreconditionFailedError(key);
          }
          // Durable from here on: replayed at the next start if the file below is not on disk by then.
          ticket = await journal.append({ file, text });
        } catch (error) {
          reject(error);
          return;
        }
        // Readers get it from memory until it is in its file, whatever the cache evicts meanwhile.
        unapplied.set(file, document);
        this.cache.remember(file, document);
        resolve(document.etag);
        try {
          await writeAtomically(file, bytes, ticket);
        } catch (error) {
          // Acknowledged but not in its file: kept in memory and in the journal, which refuses further writes
          // and keeps its generation for the replay at the next start.
          ticket.failed(error);
          return;
        }
        if (unapplied.get(file) === document) unapplied.delete(file);
        ticket.applied();
      });
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
      const journal = await journalFor(this.journalRoot, this.cache);
      if (options.ifMatch !== undefined) {
        // A missing document does not match any ETag, as with HTTP If-Match.
        if ((await this.current(file))?.etag !== options.ifMatch) throw new PreconditionFailedError(key);
      }
      const ticket = await journal.append({ file });
      let deleted = false;
      try {
        await fs.unlink(file);
        deleted = true;
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return false;
        throw error;
      } finally {
        if (deleted) this.cache.remember(file, null);
        else this.cache.forget(file);
        ticket.applied();
      }
      return true;
    });
  }

  async list(prefix: string): Promise<string[]> {
    assertValidDocumentKey(prefix);
    // The folders as they are once every acknowledged write is in its file.
    await (await journalFor(this.journalRoot, this.cache)).settled();
    const keys: string[] = [];
    await collectKeys(path.join(this.root, ...prefix.split('/')), prefix, keys);
    // Sort the full keys: a folder walk's order differs from string order ('a/b-c' < 'a/b/c').
    return keys.sort();
  }

  private fileFor(key: string): string {
    // Validated segments contain no separators and are never '.' or '..', so this stays under the root.
    return path.join(this.root, ...key.split('/')) + EXTENSION;
  }

  /** The document in `file` as it is now: from the cache while known, else read (and then known). */
  private async current(file: string): Promise<KnownDocument | undefined> {
    const acknowledged = unapplied.get(file);
    if (acknowledged !== undefined) return acknowledged;
    const known = this.cache.lookup(file);
    if (known !== undefined) return known ?? undefined;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      this.cache.remember(file, null);
      return undefined;
    }
    const document = { etag: etagOf(bytes), text: bytes.toString('utf8') };
    this.cache.remember(file, document);
    return document;
  }
}

/** Each user's documents in their own folder: `<root>/<userId>/...`. */
export class FilePersonalDocumentStores implements PersonalDocumentStores {
  constructor(
    private readonly root: string,
    private readonly mutex: KeyedMutex = processWideMutex,
    private readonly cache: FileDocumentCache = processWideCache,
  ) {}

  forUser(userId: string): FileDocumentStore {
    // One key segment, so a user id can never reach into another user's folder or out of the root.
    if (userId.includes('/') || !isValidDocumentKey(userId)) {
      throw new TypeError(`invalid user id for a personal store: ${JSON.stringify(userId)}`);
    }
    return new FileDocumentStore(path.join(this.root, userId), this.mutex, this.cache, this.root);
  }
}

/** Resolves once every write acknowledged so far under `folder` by this process is in its file. */
export async function settleFileStoresUnder(folder: string): Promise<void> {
  const root = path.resolve(folder);
  for (const [journalRoot, journal] of [...journals]) {
    if (journalRoot !== root && !journalRoot.startsWith(root + path.sep)) continue;
    await (await journal.catch(() => undefined))?.settled();
  }
}

/**
 * At an orderly stop: waits for the writes under `folder` to reach their files, checkpoints the journals of
 * the stores under it and releases their locks. A store used afterwards opens its journal again.
 */
export async function closeFileStoresUnder(folder: string): Promise<void> {
  const root = path.resolve(folder);
  for (const [journalRoot, journal] of [...journals]) {
    if (journalRoot !== root && !journalRoot.startsWith(root + path.sep)) continue;
    journals.delete(journalRoot);
    await (await journal.catch(() => undefined))?.close();
    processWideCache.forgetBelow(journalRoot);
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
 * Writes `bytes` to a temp file renamed over `file`, without fsync: the journal already holds them, and its
 * checkpoint fsyncs the file and the folders created here (reported to it).
 */
async function writeAtomically(file: string, bytes: Buffer, ticket: JournalTicket): Promise<void> {
  const directory = path.dirname(file);
  // Bounded so the temp name stays within the 255-byte file name limit whatever the key's last segment.
  const base = path.basename(file).slice(0, 160);
  const temp = path.join(directory, `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temp, 'wx', FILE_MODE);
  } catch (error) {
    // The folder is made on the first write into it, not asked for on every write.
    if (errorCode(error) !== 'ENOENT') throw error;
    const firstCreated = await fs.mkdir(directory, { recursive: true, mode: FOLDER_MODE });
    if (firstCreated !== undefined) {
      const created: string[] = [];
      for (let dir = directory; dir !== path.dirname(firstCreated); dir = path.dirname(dir)) created.push(dir);
      ticket.created(created);
    }
    handle = await fs.open(temp, 'wx', FILE_MODE);
  }
  try {
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
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
