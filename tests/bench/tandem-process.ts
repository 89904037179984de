import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root, from both `tests/bench` (ts) and `dist/tests/bench` (built). */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..',
);

export interface TandemProcess {
  readonly url: string;
  readonly pid: number;
  /** The server's fresh data folder (removed by stop()). */
  readonly dataDir: string;
  /** CPU seconds (user + system) the server process has used so far; undefined where /proc is missing. */
  cpuSeconds(): number | undefined;
  /** The last lines the server wrote, for diagnostics. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The built service (`dist/server/main.js`) in its own process, embedded mode with the demo data in a fresh
 * temp folder, so a load generator does not share its event loop. Resolves once /healthz answers.
 */
export async function startTandemProcess(nodeArgs: readonly string[] = [], timeoutMs = 20_000): Promise<TandemProcess> {
  const main = path.join(REPO_ROOT, 'dist', 'server', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TANDEM_MODE: 'embedded',
      HOST: '127.0.0.1',
      PORT: String(port),
      TANDEM_DATA_DIR: dataDir,
      TANDEM_SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      // The load generator is one address and two users: the rate limits would answer 429 to the load.
      TANDEM_RATE_USER_PER_MINUTE: '1000000',
      TANDEM_RATE_ADDRESS_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const pid = child.pid ?? -1;
  return { url, pid, dataDir, cpuSeconds: () => cpuSecondsOf(pid), output: () => output, stop };
}
