import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { PreconditionFailedError } from '../../core/ports/document-store';
import { describeDocumentStoreContract } from '../../tests/contracts/document-store-contract';
import {
  closeFileStoresUnder,
  FileDocumentCache,
  FileDocumentStore,
  FilePersonalDocumentStores,
  prepareDataFolder,
} from './file-document-store';
import { JOURNAL_FOLDER } from './write-journal';

async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'tandem-file-store-'));
}

async function removeDir(dir: string): Promise<void> {
  // Writes answered just before are still being put in their files: let them finish and unlock the folder.
  await closeFileStoresUnder(dir);
  await fs.rm(dir, { recursive: true, force: true });
}

/** Every file below `dir` but the store's journal, as paths relative to it with '/' separators. */
async function walkFiles(dir: string, relative = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (relative === '' && entry.name === JOURNAL_FOLDER) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await walkFiles(dir, child)));
    else files.push(child);
  }
  return files;
}

describeDocumentStoreContract('FileDocumentStore', async () => {
  const dir = await makeTempDir();
  return { store: new FileDocumentStore(dir), cleanup: () => removeDir(dir) };
});

describe('FileDocumentStore on disk', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await removeDir(dir);
  });

  it('stores key a/b/c as <root>/a/b/c.json holding the JSON body', async () => {
    const store = new FileDocumentStore(dir);

    await store.put('a/b/c', { hello: 'world' });
    await store.settled();

    expect(await walkFiles(dir)).toEqual(['a/b/c.json']);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'a', 'b', 'c.json'), 'utf8'))).toEqual({ hello: 'world' });
  });

  it('derives the ETag from the content, so equal content gives an equal quoted ETag', async () => {
    const store = new FileDocumentStore(dir);

    const first = await store.put('a/b', { same: true });
    const second = await store.put('a/c', { same: true });

    expect(first).toMatch(/^"[0-9a-f]{32}"$/);
    expect(second).toBe(first);
  });

  it('notices a change made to the file outside the store while the store was closed', async () => {
    const store = new FileDocumentStore(dir);
    const etag = await store.put('a/b', { version: 1 });
    await store.close();

    await fs.writeFile(path.join(dir, 'a', 'b.json'), JSON.stringify({ version: 'edited by hand' }));

    expect((await store.get('a/b'))?.etag).not.toBe(etag);
    await expect(store.put('a/b', { version: 2 }, { ifMatch: etag })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('ignores temp files and anything else it did not write', async () => {
    const store = new FileDocumentStore(dir);
    await store.put('pairs/p1/agenda', { real: true });
    await store.settled();
    const folder = path.join(dir, 'pairs', 'p1');
    await fs.writeFile(path.join(folder, `.notes.json.${process.pid}.0a1b2c3d4e5f.tmp`), '{"half":');
    await fs.writeFile(path.join(folder, `.agenda.json.${process.pid}.0a1b2c3d4e5f.tmp`), '{"half":');
    await fs.writeFile(path.join(folder, '.hidden.json'), '{}');
    await fs.writeFile(path.join(folder, 'bad name.json'), '{}');
    await fs.writeFile(path.join(folder, 'readme.txt'), 'not a document');
    await fs.mkdir(path.join(folder, '.trash'));
    await fs.writeFile(path.join(folder, '.trash', 'old.json'), '{}');

    await expect(store.list('pairs')).resolves.toEqual(['pairs/p1/agenda']);
    await expect(store.get('pairs/p1/notes')).resolves.toBeUndefined();
    expect((await store.get('pairs/p1/agenda'))?.body).toEqual({ real: true });
  });

  it('leaves no temp file behind after writes and deletes', async () => {
    const store = new FileDocumentStore(dir);

    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(`a/k${i % 3}`, { i })));
    await store.delete('a/k0');

    expect((await walkFiles(dir)).sort()).toEqual(['a/k1.json', 'a/k2.json']);
  });

  it('never touches anything outside its root for an invalid key', async () => {
    const root = path.join(dir, 'root');
    const store = new FileDocumentStore(root);

    await expect(store.put('../escape', { x: 1 })).rejects.toThrow(TypeError);
    await expect(store.put('a/../../escape', { x: 1 })).rejects.toThrow(TypeError);

    expect(await walkFiles(dir)).toEqual([]);
  });

  it('rejects a body that has no JSON representation', async () => {
    const store = new FileDocumentStore(dir);

    await expect(store.put('a/b', undefined)).rejects.toThrow(TypeError);
    await expect(store.get('a/b')).resolves.toBeUndefined();
  });

  it('serialises conditional writes between two store instances over the same folder', async () => {
    // The same folder spelled differently: the lock is on the resolved file path.
    const first = new FileDocumentStore(dir);
    const second = new FileDocumentStore(path.relative(process.cwd(), dir));
    await first.put('shared/list', { items: [] as string[] });

    const append = async (item: string, store: FileDocumentStore): Promise<void> => {
      for (;;) {
        const read = await store.get<{ items: string[] }>('shared/list');
        if (read === undefined) throw new Error('shared/list disappeared');
        try {
          await store.put('shared/list', { items: [...read.body.items, item] }, { ifMatch: read.etag });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(`item-${i}`, i % 2 === 0 ? first : second)));

    expect((await second.get<{ items: string[] }>('shared/list'))?.body.items).toHaveLength(20);
  });
});

describe('FileDocumentStore permissions and leftovers', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await removeDir(dir);
  });

  const modeOf = async (p: string) => (await fs.stat(p)).mode & 0o777;

  it('creates documents 0600 in folders 0700, whatever the umask allows', async () => {
    const root = path.join(dir, 'data');
    const personal = new FilePersonalDocumentStores(root).forUser('blake');
    await personal.put('pairs/p1/sessions/s1', { notes: ['private'] });
    await personal.settled();

    expect(await modeOf(path.join(root, 'blake', 'pairs', 'p1', 'sessions', 's1.json'))).toBe(0o600);
    for (const folder of ['', 'blake', 'blake/pairs', 'blake/pairs/p1', 'blake/pairs/p1/sessions']) {
      expect({ folder, mode: await modeOf(path.join(root, folder)) }).toEqual({ folder, mode: 0o700 });
    }
  });

  it('at start removes temp files a killed writer left, and makes what an older version wrote private', async () => {
    const store = new FileDocumentStore(dir);
    await store.put('pairs/p1/pair', { id: 'p1' });
    await store.settled();
    const folder = path.join(dir, 'pairs', 'p1');
    // As a writer killed between open and rename leaves it (writeAtomically's naming).
    const left = path.join(folder, `.pair.json.4242.${'ab12'.repeat(3)}.tmp`);
    await fs.writeFile(left, '{"id": "p1", "half');
    await fs.chmod(path.join(folder, 'pair.json'), 0o644);
    await fs.chmod(folder, 0o755);

    await expect(prepareDataFolder(dir)).resolves.toEqual({ removedTempFiles: 1 });

    expect(await walkFiles(dir)).toEqual(['pairs/p1/pair.json']);
    expect(await modeOf(path.join(folder, 'pair.json'))).toBe(0o600);
    expect(await modeOf(folder)).toBe(0o700);
    await expect(store.get('pairs/p1/pair')).resolves.toMatchObject({ body: { id: 'p1' } });
  });
});

describe('FilePersonalDocumentStores', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await removeDir(dir);
  });

  it("keeps each user's documents apart", async () => {
    const stores = new FilePersonalDocumentStores(dir);
    const alice = stores.forUser('alice');
    const bob = stores.forUser('bob');

    await alice.put('notes/n-1', { text: 'for alice only' });

    await expect(bob.get('notes/n-1')).resolves.toBeUndefined();
    await expect(bob.list('notes')).resolves.toEqual([]);

    await bob.put('notes/n-1', { text: 'for bob only' });

    expect((await alice.get('notes/n-1'))?.body).toEqual({ text: 'for alice only' });
    expect((await bob.get('notes/n-1'))?.body).toEqual({ text: 'for bob only' });
    await bob.settled();
    expect((await walkFiles(dir)).sort()).toEqual(['alice/notes/n-1.json', 'bob/notes/n-1.json']);
  });

  it('gives the same documents to every store of one user, with conditional writes serialised', async () => {
    const stores = new FilePersonalDocumentStores(dir);
    await stores.forUser('alice').put('notes/list', { items: [] as string[] }, { ifNoneMatch: '*' });

    const append = async (item: string): Promise<void> => {
      // A fresh store per call, as a request handler would get one.
      const store = stores.forUser('alice');
      for (;;) {
        const read = await store.get<{ items: string[] }>('notes/list');
        if (read === undefined) throw new Error('notes/list disappeared');
        try {
          await store.put('notes/list', { items: [...read.body.items, item] }, { ifMatch: read.etag });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(`item-${i}`)));

    expect((await stores.forUser('alice').get<{ items: string[] }>('notes/list'))?.body.items).toHaveLength(20);
  });

  it.each(['', 'a/b', '.', '..', '../bob', 'a b', '.hidden', 'x\\y', '/alice', 'alice/'])(
    'rejects the user id %j',
    (userId) => {
      const stores = new FilePersonalDocumentStores(dir);

      expect(() => stores.forUser(userId)).toThrow(TypeError);
    },
  );
});

describe('FileDocumentStore cache', () => {
  let dir: string;
  let cache: FileDocumentCache;
  let store: FileDocumentStore;

  beforeEach(async () => {
    dir = await makeTempDir();
    cache = new FileDocumentCache();
    store = new FileDocumentStore(dir, undefined, cache);
  });

  afterEach(async () => {
    await store.close();
    await removeDir(dir);
  });

  const fileOf = (key: string): string => path.join(dir, ...key.split('/')) + '.json';

  it('answers gets and ETag checks from memory, absent documents included', async () => {
    const first = await store.put('notes/n-1', { text: 'cached' });

    await store.get('notes/n-1');
    await store.get('notes/n-1');
    const second = await store.put('notes/n-1', { text: 'again' }, { ifMatch: first });
    await expect(store.delete('notes/n-1', { ifMatch: second })).resolves.toBe(true);
    await expect(store.get('notes/n-1')).resolves.toBeUndefined();

    // No file was read: what was just written, and then its absence, came from memory.
    expect(cache.stats).toMatchObject({ misses: 0, entries: 1 });
  });

  it('fills the cache from a read, so a store over existing files reads each one once', async () => {
    const etag = await store.put('notes/n-1', { text: 'on disk' });
    await store.close();
    const fresh = new FileDocumentCache();
    const other = new FileDocumentStore(dir, undefined, fresh);

    expect(await other.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag, body: { text: 'on disk' } });
    expect(await other.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag, body: { text: 'on disk' } });
    expect(fresh.stats).toMatchObject({ hits: 1, misses: 1, entries: 1 });
    await other.close();
  });

  it('keeps the ETag stable: put, cached get, and the same bytes read afresh after a restart', async () => {
    const etag = await store.put('notes/n-1', { text: 'stable', list: [1, 2, 3] });
    expect((await store.get('notes/n-1'))?.etag).toBe(etag);
    await store.close();

    // The same bytes in a new file (a new inode), written while the store was closed.
    const bytes = await fs.readFile(fileOf('notes/n-1'));
    await fs.writeFile(`${fileOf('notes/n-1')}.copy`, bytes);
    await fs.rename(`${fileOf('notes/n-1')}.copy`, fileOf('notes/n-1'));

    expect((await store.get('notes/n-1'))?.etag).toBe(etag);
    await expect(store.put('notes/n-1', { text: 'next' }, { ifMatch: etag })).resolves.toEqual(expect.any(String));
  });

  it('sees what was edited or deleted by hand while it was closed', async () => {
    const etag = await store.put('notes/n-1', { text: 'aaaa' });
    await store.put('notes/n-2', { text: 'gone soon' });
    await store.close();

    await fs.writeFile(fileOf('notes/n-1'), JSON.stringify({ text: 'bbbb' }));
    await fs.unlink(fileOf('notes/n-2'));

    const read = await store.get<{ text: string }>('notes/n-1');
    expect(read?.body).toEqual({ text: 'bbbb' });
    await expect(store.put('notes/n-1', { text: 'lost' }, { ifMatch: etag })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(store.get('notes/n-2')).resolves.toBeUndefined();
    await expect(store.put('notes/n-2', { text: 'again' }, { ifNoneMatch: '*' })).resolves.toEqual(expect.any(String));
  });

  it('forgets a deleted document', async () => {
    const etag = await store.put('notes/n-1', { text: 'first' });
    await store.get('notes/n-1');

    await store.delete('notes/n-1');
    await expect(store.get('notes/n-1')).resolves.toBeUndefined();
    await expect(store.put('notes/n-1', { text: 'x' }, { ifMatch: etag })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(store.delete('notes/n-1')).resolves.toBe(false);
    await store.put('notes/n-1', { text: 'second' }, { ifNoneMatch: '*' });
    expect((await store.get('notes/n-1'))?.body).toEqual({ text: 'second' });
  });

  it('hands out a fresh body on every get, and keeps nothing of what the caller passed to put', async () => {
    const written = { title: 'agenda', topics: [{ id: 't-1', votes: 1 }] };
    await store.put('pairs/p-1/agenda', written);
    written.topics[0]!.votes = 99;
    written.topics.push({ id: 't-2', votes: 0 });

    const first = await store.get<typeof written>('pairs/p-1/agenda');
    first!.body.topics[0]!.votes = 42;
    first!.body.title = 'changed by a caller';
    const second = await store.get<typeof written>('pairs/p-1/agenda');

    expect(second?.body).toEqual({ title: 'agenda', topics: [{ id: 't-1', votes: 1 }] });
    expect(second?.body).not.toBe(first?.body);
    expect(second?.body.topics).not.toBe(first?.body.topics);
    expect(cache.stats.misses).toBe(0);
  });

  it('keeps its memory within bounds, evicting the least recently used documents', async () => {
    // Each document is ~1,000 characters, counted as ~2,300 bytes with its file name: four fit in 10,000.
    const small = new FileDocumentCache(10_000);
    const bounded = new FileDocumentStore(dir, undefined, small);
    const body = (n: number) => ({ n, filler: 'x'.repeat(980) });
    for (let n = 0; n < 4; n++) await bounded.put(`docs/d${n}`, body(n));
    expect(small.stats).toMatchObject({ entries: 4 });

    await bounded.get('docs/d0'); // now the most recently used
    await bounded.put('docs/d4', body(4)); // evicts d1, the least recently used
    await bounded.settled();

    expect(small.stats.entries).toBe(4);
    expect(small.stats.bytes).toBeLessThanOrEqual(10_000);
    const { hits, misses } = small.stats;
    await bounded.get('docs/d0');
    expect((await bounded.get<{ n: number }>('docs/d1'))?.body.n).toBe(1);
    expect(small.stats).toMatchObject({ hits: hits + 1, misses: misses + 1 });

    // A document above a quarter of the budget is served but not kept.
    await bounded.put('docs/big', { filler: 'x'.repeat(3_000) });
    await bounded.settled();
    expect((await bounded.get<{ filler: string }>('docs/big'))?.body.filler).toHaveLength(3_000);
    expect(small.stats.entries).toBe(4);
    expect(small.stats.bytes).toBeLessThanOrEqual(10_000);
  });

  it("is shared by a user's stores, made afresh per request", async () => {
    const stores = new FilePersonalDocumentStores(dir, undefined, cache);
    const etag = await stores.forUser('alice').put('notes/n-1', { text: 'mine' });

    expect((await stores.forUser('alice').get('notes/n-1'))?.etag).toBe(etag);
    await stores.forUser('alice').put('notes/n-1', { text: 'still mine' }, { ifMatch: etag });

    expect(cache.stats).toMatchObject({ misses: 0 });
  });
});

// ---- Crash safety: SIGKILL a child process in the middle of a burst of writes. ----

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const WRITERS = 4;

interface BurstDocument {
  readonly writer: number;
  readonly round: number;
  readonly length: number;
  readonly filler: string;
}

/**
 * Compiles `entries` and every module they import (relative imports, followed) to plain CommonJS under
 * `outDir`, at their paths relative to the repository root, and gives `outDir` its own package.json.
 *
 * The writer processes run this snapshot, not the working tree: a fresh `node --require swc-register` child
 * reads the repository's package.json (Node's package-scope lookups) and compiles core/ and server/ sources
 * as it starts, three times per test. A file caught half-written at that moment (package.json rewritten by
 * npm or an editor, a source file being edited) kills the writer before its first write, and the test fails
 * with "writer exited before the kill (1): SyntaxError: Error parsing .../package.json: Unterminated string
 * in JSON at position 1024". The snapshot is taken once, like Jest's own load of the modules under test, and
 * the children then touch nothing outside `outDir` and the data folder.
 */
async function compileForChild(entries: readonly string[], outDir: string): Promise<void> {
  const { transformSync } = await import('@swc/core');
  const done = new Set<string>();
  const compile = async (source: string): Promise<void> => {
    if (done.has(source)) return;
    done.add(source);
    const relative = path.relative(REPO_ROOT, source);
    if (relative.startsWith('..') || !source.endsWith('.ts')) throw new Error(`not a source in the repo: ${source}`);
    const { code } = transformSync(await fs.readFile(source, 'utf8'), {
      filename: source,
      swcrc: false,
      module: { type: 'commonjs' },
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    });
    const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, code);
    for (const [, request] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (request === undefined || request.startsWith('node:')) continue;
      // Anything from node_modules would be loaded from the working tree again.
      if (!request.startsWith('.')) throw new Error(`${relative} requires ${request}: not snapshotted for the child`);
      await compile(path.resolve(path.dirname(source), `${request}.ts`));
    }
  };
  for (const entry of entries) await compile(entry);
  // Node's package-scope lookups for the compiled files stop here instead of reaching the repository.
  await fs.writeFile(path.join(outDir, 'package.json'), JSON.stringify({ type: 'commonjs', private: true }));
}

/** Four writers each rewrite (and now and then delete) their own ~20 KB document; one more bumps a counter. */
const CHILD_SOURCE = [
  "'use strict';",
  "const { FileDocumentStore } = require('./adapters/embedded/file-document-store');",
  "const { PreconditionFailedError } = require('./core/ports/document-store');",
  '',
  'const store = new FileDocumentStore(process.argv[2]);',
  'let writes = 0;',
  'const wrote = () => {',
  '  writes += 1;',
  "  process.stdout.write('wrote ' + writes + '\\n');",
  '};',
  '',
  'async function writer(n) {',
  "  const key = 'burst/k' + n;",
  '  for (let round = 0; ; round++) {',
  '    const length = 10000 + Math.floor(Math.random() * 20000);',
  '    if (round % 7 === 6) await store.delete(key);',
  "    else await store.put(key, { writer: n, round, length, filler: 'x'.repeat(length) });",
  '    wrote();',
  '  }',
  '}',
  '',
  'async function counter() {',
  '  for (;;) {',
  "    const read = await store.get('burst/counter');",
  '    try {',
  '      const body = { count: (read ? read.body.count : 0) + 1 };',
  "      await store.put('burst/counter', body, read ? { ifMatch: read.etag } : { ifNoneMatch: '*' });",
  "      process.stdout.write('counter ' + body.count + '\\n');",
  '      wrote();',
  '    } catch (error) {',
  '      if (!(error instanceof PreconditionFailedError)) throw error;',
  '    }',
  '  }',
  '}',
  '',
  'const fail = (error) => {',
  '  console.error(error);',
  '  process.exit(1);',
  '};',
  `for (let n = 0; n < ${WRITERS}; n++) writer(n).catch(fail);`,
  'counter().catch(fail);',
  '',
].join('\n');

/**
 * Starts the writer, waits until it has made `afterWrites` writes, then SIGKILLs it mid-burst. Returns the
 * highest counter value whose write was acknowledged.
 */
async function killMidBurst(script: string, root: string, afterWrites: number): Promise<number> {
  const child: ChildProcess = spawn(process.execPath, [script, root], {
    cwd: path.dirname(script),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });

  let acknowledged = 0;
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      let writes = 0;
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        for (const [, count] of output.matchAll(/^counter (\d+)$/gm))
          acknowledged = Math.max(acknowledged, Number(count));
        writes += chunk.toString().split('\n').length - 1;
        if (writes >= afterWrites) resolve();
      });
      child.once('error', reject);
      void exited.then((how) => reject(new Error(`writer exited before the kill (${String(how)}): ${stderr}`)));
    });
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  // What the writer printed before it died: every acknowledged write was printed after it was answered.
  for (const [, count] of output.matchAll(/^counter (\d+)$/gm)) acknowledged = Math.max(acknowledged, Number(count));
  return acknowledged;
}

describe('FileDocumentStore crash safety', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir();
  });

  afterAll(async () => {
    await removeDir(dir);
  });

  it('leaves only whole documents when the writing process is killed mid-burst', async () => {
    const root = path.join(dir, 'data');
    const program = path.join(dir, 'program');
    await compileForChild(
      [path.join(__dirname, 'file-document-store.ts'), path.join(REPO_ROOT, 'core', 'ports', 'document-store.ts')],
      program,
    );
    const script = path.join(program, 'burst-writer.js');
    await fs.writeFile(script, CHILD_SOURCE);

    // Kill at different points of the burst; later rounds overwrite what earlier ones left.
    for (const afterWrites of [1, 40, 300]) {
      const acknowledged = await killMidBurst(script, root, afterWrites);

      // Opening the store replays what the writer acknowledged but had not yet put in its file.
      const store = new FileDocumentStore(root);
      const keys = await store.list('burst');

      // Every document under its real name is complete JSON; leftover temp files are allowed.
      const files = await walkFiles(root);
      const documents = files.filter((file) => file.endsWith('.json') && !path.posix.basename(file).startsWith('.'));
      expect(documents.length).toBeGreaterThan(0);
      for (const file of documents) {
        const body = JSON.parse(await fs.readFile(path.join(root, file), 'utf8')) as Partial<BurstDocument>;
        if (file !== 'burst/counter.json') expect(body.filler?.length).toBe(body.length);
      }

      // The store itself reads every listed key, and lists nothing but real keys.
      expect(keys).toEqual(documents.map((file) => file.slice(0, -'.json'.length)).sort());
      for (const key of keys) {
        expect(key).toMatch(/^burst\/(k\d|counter)$/);
        const read = await store.get<Partial<BurstDocument> & { count?: number }>(key);
        expect(read).toBeDefined();
        // Every acknowledged increment survived the kill (replayed from the journal if not yet in the file).
        if (key === 'burst/counter') expect(read?.body.count).toBeGreaterThanOrEqual(acknowledged);
        else expect(read?.body.filler?.length).toBe(read?.body.length);
      }

      // And it keeps working on top of whatever the crash left behind.
      const counter = await store.get<{ count: number }>('burst/counter');
      if (counter !== undefined) {
        await store.put('burst/counter', { count: counter.body.count + 1 }, { ifMatch: counter.etag });
      }
      // Lets the next writer process take the folder's lock.
      await store.close();
    }
  }, 60_000);
});
