import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** The journal's folder inside a store's root: a dot name is never a document key, so list() skips it. */
export const JOURNAL_FOLDER = '.journal';
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
/** A generation is checkpointed (its files fsynced, then it is deleted) once it holds this much. */
const DEFAULT_CHECKPOINT_BYTES = 16 * 1024 * 1024;
const GENERATION = /^(\d{12})\.log$/;

/** Another live process holds the data folder: what a person starting a second service is told, no more. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
}

/** One change to one document file: its new content, or its deletion (`text` undefined). */
export interface JournalEntry {
  /** The document file's absolute path; stored relative to the journal's root. */
  readonly file: string;
  readonly text?: string;
}

/** Returned by `append`: call `applied()` once the change is in the document file (or failed to be). */
export interface JournalTicket {
  /** Folders `mkdir` just created for the change: their entries in their parents are fsynced with it. */
  created(folders: readonly string[]): void;
  applied(): void;
  /**
   * The change could not be put in its file: the journal acknowledges nothing more, and keeps this generation
   * on disk for the replay at the next start.
   */
  failed(error: unknown): void;
}

interface Generation {
  readonly number: number;
  readonly file: string;
  readonly handle: fs.FileHandle;
  bytes: number;
  /** Files and folders changed under this generation: fsynced before it is deleted. */
  readonly files: Set<string>;
  readonly folders: Set<string>;
  /** Appends acknowledged but not yet applied to their document files. */
  unapplied: number;
  whenApplied?: () => void;
  /** A change of it never reached its file: only the replay at the next start may delete it. */
  keep?: boolean;
}

interface Waiting {
  readonly line: string;
  /** With the generation the line was written to and the line's acknowledgement number. */
  readonly resolve: (written: { generation: Generation; sequence: number }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for a file store: the one append-only journal of a store root. A change is appended and
 * answered once an fdatasync covers it; changes arriving while one fdatasync runs are written and synced
 * together by the next, so writes to many documents (in many folders) share one flush instead of paying a
 * file fsync and a folder fsync each. The store then writes the document file (temp file and rename, without
 * fsync): readers see it at once, and the journal holds it until a checkpoint has fsynced it.
 *
 * Lines are `<16 hex of sha256(json)> <json>\n`; replay stops at the first line that is short or does not
 * match its checksum (a torn tail, never acknowledged). `open` takes the root's lock (one process writes a
 * data folder), replays what the last process left (every document named in it rewritten and fsynced with its
 * last content, deletions made), then starts an empty generation. A checkpoint starts a new generation, waits
 * until every change of the old one is in its file, fsyncs those files and their folders, then deletes it.
 */
export class WriteJournal {
  private readonly folder: string;
  private current!: Generation;
  /** How many changes were acknowledged, and which of them are not yet in their files. */
  private acknowledged = 0;
  private readonly unappliedSequences = new Set<number>();
  private waiting: Waiting[] = [];
  private flushing = false;
  private checkpoints: Promise<void> = Promise.resolve();
  private closed = false;
  /** A failed append: nothing more is acknowledged until the process restarts and replays. */
  private broken: unknown;

  private constructor(
    readonly root: string,
    private readonly checkpointBytes: number,
  ) {
    this.folder = path.join(root, JOURNAL_FOLDER);
  }

  /** Locks `root`, replays its journal and opens a new generation. */
  static async open(root: string, checkpointBytes = DEFAULT_CHECKPOINT_BYTES): Promise<WriteJournal> {
    const journal = new WriteJournal(path.resolve(root), checkpointBytes);
    await journal.start();
    return journal;
  }

  /** Resolves once `entry` is durable in the journal (after the fdatasync covering it). */
  async append(entry: JournalEntry): Promise<JournalTicket> {
    if (this.closed) throw new Error(`the journal of ${this.root} is closed`);
    if (this.broken !== undefined) throw this.broken;
    const json = JSON.stringify(
      entry.text === undefined ? { f: this.relative(entry.file) } : { f: this.relative(entry.file), t: entry.text },
    );
    const line = `${checksum(json)} ${json}\n`;
    const { generation, sequence } = await new Promise<{ generation: Generation; sequence: number }>(
      (resolve, reject) => {
        this.waiting.push({ line, resolve, reject });
        if (!this.flushing) void this.flush();
      },
    );
    generation.files.add(entry.file);
    generation.folders.add(path.dirname(entry.file));
    this.unappliedSequences.add(sequence);
    const done = (): void => {
      if (!this.unappliedSequences.delete(sequence)) return;
      if (--generation.unapplied === 0) generation.whenApplied?.();
    };
    return {
      created: (folders) => {
        for (const folder of folders) generation.folders.add(path.dirname(folder));
      },
      applied: done,
      failed: (error) => {
        this.broken ??= error;
        generation.keep = true;
        done();
      },
    };
  }

  /**
   * Resolves once every change acknowledged before the call is in its document file (not yet fsynced there);
   * later writes do not hold it up.
   */
  async settled(): Promise<void> {
    const mark = this.acknowledged;
    const pending = (): boolean => [...this.unappliedSequences].some((sequence) => sequence <= mark);
    while (pending()) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  /** Checkpoints what is in the journal and releases the lock (for tests and an orderly stop). */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing || this.waiting.length > 0) await new Promise((resolve) => setImmediate(resolve));
    this.closed = true;
    await this.checkpoint(false);
    await this.checkpoints;
    await fs.rm(path.join(this.folder, 'lock'), { force: true });
  }

  private async start(): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true, mode: FOLDER_MODE });
    await this.lock();
    const names = (await fs.readdir(this.folder)).filter((name) => GENERATION.test(name)).sort();
    const last = new Map<string, string | undefined>();
    for (const name of names) {
      for (const entry of parse(await fs.readFile(path.join(this.folder, name), 'utf8'))) {
        last.delete(entry.f);
        last.set(entry.f, entry.t);
      }
    }
    for (const [relative, text] of last) {
      const file = path.resolve(this.root, relative);
      if (!file.startsWith(this.root + path.sep)) continue;
      if (text === undefined) await fs.rm(file, { force: true });
      else await replaceDurably(file, text);
      await syncFolder(path.dirname(file));
    }
    const next = names.length === 0 ? 1 : Number(GENERATION.exec(names[names.length - 1]!)![1]) + 1;
    this.current = await this.openGeneration(next);
    // Only now that every change they held is durable in the document files.
    for (const name of names) await fs.rm(path.join(this.folder, name), { force: true });
    await syncFolder(this.folder);
  }

  /** One process per data folder: a lock held by a live process other than this one refuses the start. */
  private async lock(): Promise<void> {
    const lock = path.join(this.folder, 'lock');
    try {
      const holder = Number((await fs.readFile(lock, 'utf8')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataFolderInUseError(`the data folder ${this.root} is in use by process ${holder} (${lock})`);
      }
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    await fs.writeFile(lock, `${process.pid}\n`, { mode: FILE_MODE });
  }

  private async openGeneration(number: number): Promise<Generation> {
    const file = path.join(this.folder, `${String(number).padStart(12, '0')}.log`);
    const handle = await fs.open(file, 'a', FILE_MODE);
    // The new file's name must survive a power loss before anything appended to it is acknowledged.
    await syncFolder(this.folder);
    return { number, file, handle, bytes: 0, files: new Set(), folders: new Set(), unapplied: 0 };
  }

  /** Writes and syncs everything waiting, in groups, until nothing is waiting. */
  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      const generation = this.current;
      try {
        const bytes = Buffer.from(group.map((w) => w.line).join(''), 'utf8');
        await generation.handle.write(bytes);
        await generation.handle.datasync();
        generation.bytes += bytes.length;
        // Counted before anyone hears of it, so a checkpoint cannot miss one.
        generation.unapplied += group.length;
        group.forEach((w) => w.resolve({ generation, sequence: ++this.acknowledged }));
      } catch (error) {
        // Part of the group may be in the file: a later line after it would not be replayed, so stop here.
        this.broken = error;
        group.forEach((w) => w.reject(error));
        this.waiting.splice(0).forEach((w) => w.reject(error));
      }
      if (this.current.bytes >= this.checkpointBytes) await this.checkpoint(true);
    }
    this.flushing = false;
  }

  /** Starts a new generation (unless closing) and, in the background, makes the old one's changes durable. */
  private async checkpoint(next: boolean): Promise<void> {
    const old = this.current;
    if (next) this.current = await this.openGeneration(old.number + 1);
    const previous = this.checkpoints;
    this.checkpoints = (async () => {
      await previous;
      if (old.unapplied > 0) await new Promise<void>((resolve) => (old.whenApplied = resolve));
      for (const file of old.files) await syncFile(file);
      for (const folder of old.folders) await syncFolder(folder);
      await old.handle.close();
      if (old.keep) return;
      await fs.rm(old.file, { force: true });
      await syncFolder(this.folder);
    })().catch(() => {
      // The generation stays on disk and is replayed at the next start: nothing is lost, only space.
    });
  }

  private relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

/** The entries of one generation, up to its first torn or damaged line. */
export function parse(text: string): Array<{ f: string; t?: string }> {
  const entries: Array<{ f: string; t?: string }> = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    const json = line.slice(17);
    if (line[16] !== ' ' || checksum(json) !== line.slice(0, 16)) break;
    const entry = JSON.parse(json) as { f: string; t?: string };
    entries.push(entry);
  }
  return entries;
}

/** Temp file, fsync, rename, as the store's own synchronous writes. */
async function replaceDurably(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: FOLDER_MODE });
  // Named like the store's own temp files, so prepareDataFolder removes one a crash mid-replay leaves.
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file).slice(0, 160)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await fs.open(temp, 'w', FILE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}

async function syncFile(file: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    // Deleted since: its folder's fsync makes the deletion durable.
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Best effort: some platforms and file systems cannot open or fsync a directory. */
export async function syncFolder(directory: string): Promise<void> {
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
