import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { hashTree, makeDataDir } from '../support/data-dir';
import { startInProcess, type InProcessTandem } from '../support/in-process';

jest.setTimeout(60_000);

describe('the embedded data folder', () => {
  let server: InProcessTandem | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is private to the service and loses what a writer killed mid-write left behind when the service starts', async () => {
    const dataDir = await makeDataDir('data-folder');
    const leftover = path.join(dataDir, 'shared', 'pairs', 'avery-blake', `.pair.json.777.${'0f'.repeat(6)}.tmp`);
    await fs.mkdir(path.dirname(leftover), { recursive: true });
    await fs.writeFile(leftover, '{"half": ');

    server = await startInProcess('data-folder', { dataDir });

    await expect(fs.access(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
    const files = Object.keys(await hashTree(dataDir));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect({ file, mode: (await fs.stat(path.join(dataDir, file))).mode & 0o777 }).toEqual({ file, mode: 0o600 });
    }
    expect((await fs.stat(path.join(dataDir, 'private'))).mode & 0o777).toBe(0o700);
  });
});
