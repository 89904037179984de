import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { makeDataDir } from '../support/data-dir';
import { repoRoot, ServerProcess } from '../support/server-process';

/** The built service started a second time on a data folder another one runs on. */
function startSecond(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'server', 'main.js')], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', PORT: '0', TANDEM_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('one service per data folder', () => {
  let first: ServerProcess | undefined;
  afterAll(async () => {
    await first?.stop();
  });

  it('refuses a second one in one line naming the process that holds the folder, and leaves the first running', async () => {
    const dataDir = await makeDataDir('data-folder-lock');
    first = await ServerProcess.start({ dataDir });
    const second = await startSecond(dataDir);
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toMatch(
      new RegExp(`^the data folder .* is in use by process ${first.pid} \\(.*lock\\)$`),
    );
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });
});
