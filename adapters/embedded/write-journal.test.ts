import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { closeFileStoresUnder, FileDocumentStore } from './file-document-store';
import { JOURNAL_FOLDER, parse } from './write-journal';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-journal-'));
});

afterEach(async () => {
  await closeFileStoresUnder(dir);
  await fs.rm(dir, { recursive: true, force: true });
});

const journalFiles = async (root: string) =>
  (await fs.readdir(path.join(root, JOURNAL_FOLDER))).filter((name) => name.endsWith('.log'));

/** A journal line as the journal writes it (checksum, space, JSON). */
async function journalLine(json: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return `${createHash('sha256').update(json).digest('hex').slice(0, 16)} ${json}\n`;
}

describe('WriteJournal', () => {
  it('makes writes to many folders that arrive together share an fdatasync', async () => {
    const store = new FileDocumentStore(dir);
    await store.put('warm/up', { n: 0 });
    const handle = await fs.open(path.join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as { datasync: () => Promise<void> };
    await handle.close();
    let syncs = 0;
    const datasync = prototype.datasync;
    prototype.datasync = function (this: unknown) {
      syncs++;
      return datasync.call(this);
    };
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.put(`pairs/p${i}/pair`, { i })));
    } finally {
      prototype.datasync = datasync;
    }

    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThan(40);
    await store.settled();
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, 'pairs', `p${i}`, 'pair.json');
      expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ i });
    }
    await store.close();
  });

  it('replays at start what was acknowledged but not yet in its file, and ignores a torn last line', async () => {
    // As a process killed after the journal's fdatasync and before the file was written leaves it: the
    // document file is older than the journal, and the last line was cut short by the kill.
    await fs.mkdir(path.join(dir, 'pairs', 'p1'), { recursive: true });
    await fs.writeFile(path.join(dir, 'pairs', 'p1', 'pair.json'), JSON.stringify({ v: 1 }));
    await fs.writeFile(path.join(dir, 'pairs', 'p1', 'gone.json'), JSON.stringify({ v: 1 }));
    await fs.mkdir(path.join(dir, JOURNAL_FOLDER));
    const lines = [
      await journalLine(JSON.stringify({ f: 'pairs/p1/pair.json', t: JSON.stringify({ v: 2 }) })),
      await journalLine(JSON.stringify({ f: 'pairs/p2/pair.json', t: JSON.stringify({ v: 1 }) })),
      await journalLine(JSON.stringify({ f: 'pairs/p1/gone.json' })),
      await journalLine(JSON.stringify({ f: 'pairs/p1/pair.json', t: JSON.stringify({ v: 3 }) })),
    ];
    const torn = (await journalLine(JSON.stringify({ f: 'pairs/p1/pair.json', t: JSON.stringify({ v: 4 }) }))).slice(
      0,
      40,
    );
    await fs.writeFile(path.join(dir, JOURNAL_FOLDER, '000000000007.log'), lines.join('') + torn);

    const store = new FileDocumentStore(dir);

    expect((await store.get('pairs/p1/pair'))?.body).toEqual({ v: 3 });
    expect((await store.get('pairs/p2/pair'))?.body).toEqual({ v: 1 });
    await expect(store.get('pairs/p1/gone')).resolves.toBeUndefined();
    // In the files themselves, and the replayed generation is gone (a new, empty one took its place).
    expect(JSON.parse(await fs.readFile(path.join(dir, 'pairs', 'p1', 'pair.json'), 'utf8'))).toEqual({ v: 3 });
    await expect(fs.access(path.join(dir, 'pairs', 'p1', 'gone.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await journalFiles(dir)).toEqual(['000000000008.log']);
    await store.close();
  });

  it('stops a replay at a damaged line: what follows it was never acknowledged', () => {
    const good = JSON.stringify({ f: 'a.json', t: '{}' });
    const text = `${'0'.repeat(16)} ${good}\n`;
    expect(parse(text)).toEqual([]);
  });

  it('keeps everything in the journal until a checkpoint, and the checkpoint empties it', async () => {
    const store = new FileDocumentStore(dir);
    await store.put('a/b', { n: 1 });
    await store.put('a/b', { n: 2 });
    const [generation] = await journalFiles(dir);
    const entries = parse(await fs.readFile(path.join(dir, JOURNAL_FOLDER, generation!), 'utf8'));
    expect(entries.map((e) => e.t)).toEqual([JSON.stringify({ n: 1 }), JSON.stringify({ n: 2 })]);

    await store.close();

    expect(await journalFiles(dir)).toEqual([]);
    await expect(fs.access(path.join(dir, JOURNAL_FOLDER, 'lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await new FileDocumentStore(dir).get('a/b'))?.body).toEqual({ n: 2 });
    await new FileDocumentStore(dir).close();
  });

  it('refuses a data folder another live process holds, and takes it over once that process is gone', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => other.once('exit', resolve));
    try {
      await fs.mkdir(path.join(dir, JOURNAL_FOLDER));
      await fs.writeFile(path.join(dir, JOURNAL_FOLDER, 'lock'), `${other.pid}\n`);

      const store = new FileDocumentStore(dir);
      await expect(store.get('a/b')).rejects.toThrow(`in use by process ${other.pid}`);
      await expect(store.put('a/b', { n: 1 })).rejects.toThrow(`in use by process ${other.pid}`);

      other.kill('SIGKILL');
      await exited;
      await store.put('a/b', { n: 1 });
      expect((await store.get('a/b'))?.body).toEqual({ n: 1 });
      expect((await fs.readFile(path.join(dir, JOURNAL_FOLDER, 'lock'), 'utf8')).trim()).toBe(String(process.pid));
      await store.close();
    } finally {
      other.kill('SIGKILL');
    }
  });
});
