import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { PreconditionFailedError } from '../../core/ports/document-store';
import { describeDocumentStoreContract } from '../../tests/contracts/document-store-contract';
import { FileDocumentStore, FilePersonalDocumentStores } from './file-document-store';

async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'tandem-file-store-'));
}

async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Every file below `dir`, as paths relative to it with '/' separators. */
async function walkFiles(dir: string, relative = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
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

  it('notices a change made to the file outside the store', async () => {
    const store = new FileDocumentStore(dir);
    const etag = await store.put('a/b', { version: 1 });

    await fs.writeFile(path.join(dir, 'a', 'b.json'), JSON.stringify({ version: 'edited by hand' }));

    expect((await store.get('a/b'))?.etag).not.toBe(etag);
    await expect(store.put('a/b', { version: 2 }, { ifMatch: etag })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('ignores temp files and anything else it did not write', async () => {
    const store = new FileDocumentStore(dir);
    await store.put('pairs/p1/agenda', { real: true });
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

// ---- Crash safety: SIGKILL a child process in the middle of a burst of writes. ----

const SWC_REGISTER = path.resolve(__dirname, '..', '..', 'scripts', 'swc-register.js');
const STORE_MODULE = path.resolve(__dirname, 'file-document-store');
const WRITERS = 4;

interface BurstDocument {
  readonly writer: number;
  readonly round: number;
  readonly length: number;
  readonly filler: string;
}

/** Four writers each rewrite (and now and then delete) their own ~20 KB document; one more bumps a counter. */
const CHILD_SOURCE = [
  `import { FileDocumentStore } from ${JSON.stringify(STORE_MODULE)};`,
  `import { PreconditionFailedError } from ${JSON.stringify(path.resolve(__dirname, '..', '..', 'core', 'ports', 'document-store'))};`,
  '',
  'const store = new FileDocumentStore(process.argv[2] as string);',
  'let writes = 0;',
  'const wrote = (): void => {',
  '  writes += 1;',
  "  process.stdout.write('wrote ' + writes + '\\n');",
  '};',
  '',
  'async function writer(n: number): Promise<void> {',
  "  const key = 'burst/k' + n;",
  '  for (let round = 0; ; round++) {',
  '    const length = 10000 + Math.floor(Math.random() * 20000);',
  '    if (round % 7 === 6) await store.delete(key);',
  "    else await store.put(key, { writer: n, round, length, filler: 'x'.repeat(length) });",
  '    wrote();',
  '  }',
  '}',
  '',
  'async function counter(): Promise<void> {',
  '  for (;;) {',
  "    const read = await store.get<{ count: number }>('burst/counter');",
  '    try {',
  '      const body = { count: (read?.body.count ?? 0) + 1 };',
  "      await store.put('burst/counter', body, read ? { ifMatch: read.etag } : { ifNoneMatch: '*' });",
  '      wrote();',
  '    } catch (error) {',
  '      if (!(error instanceof PreconditionFailedError)) throw error;',
  '    }',
  '  }',
  '}',
  '',
  'const fail = (error: unknown): void => {',
  '  console.error(error);',
  '  process.exit(1);',
  '};',
  `for (let n = 0; n < ${WRITERS}; n++) writer(n).catch(fail);`,
  'counter().catch(fail);',
  '',
].join('\n');

/** Starts the writer, waits until it has made `afterWrites` writes, then SIGKILLs it mid-burst. */
async function killMidBurst(script: string, root: string, afterWrites: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--require', SWC_REGISTER, script, root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      let writes = 0;
      child.stdout?.on('data', (chunk: Buffer) => {
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
    const script = path.join(dir, 'burst-writer.ts');
    await fs.writeFile(script, CHILD_SOURCE);

    // Kill at different points of the burst; later rounds overwrite what earlier ones left.
    for (const afterWrites of [1, 40, 300]) {
      await killMidBurst(script, root, afterWrites);

      // Every document under its real name is complete JSON; leftover temp files are allowed.
      const files = await walkFiles(root);
      const documents = files.filter((file) => file.endsWith('.json') && !path.posix.basename(file).startsWith('.'));
      expect(documents.length).toBeGreaterThan(0);
      for (const file of documents) {
        const body = JSON.parse(await fs.readFile(path.join(root, file), 'utf8')) as Partial<BurstDocument>;
        if (file !== 'burst/counter.json') expect(body.filler?.length).toBe(body.length);
      }

      // The store itself reads every listed key, and lists nothing but real keys.
      const store = new FileDocumentStore(root);
      const keys = await store.list('burst');
      expect(keys).toEqual(documents.map((file) => file.slice(0, -'.json'.length)).sort());
      for (const key of keys) {
        expect(key).toMatch(/^burst\/(k\d|counter)$/);
        const read = await store.get<Partial<BurstDocument> & { count?: number }>(key);
        expect(read).toBeDefined();
        if (key === 'burst/counter') expect(read?.body.count).toBeGreaterThan(0);
        else expect(read?.body.filler?.length).toBe(read?.body.length);
      }

      // And it keeps working on top of whatever the crash left behind.
      const counter = await store.get<{ count: number }>('burst/counter');
      if (counter !== undefined) {
        await store.put('burst/counter', { count: counter.body.count + 1 }, { ifMatch: counter.etag });
      }
    }
  }, 60_000);
});
