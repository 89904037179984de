import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, from the source tree (tests/support) or the build (dist/tests/support). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server', 'main.ts'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
}

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface StartOptions {
  readonly dataDir: string;
  /** Extra environment (over PORT=0, TANDEM_DATA_DIR and LOG_LEVEL=info). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** What the built server logs once it listens (server/main.ts). */
interface ListeningLine {
  readonly msg: 'listening';
  readonly url: string;
  readonly port: number;
  readonly seeded: boolean;
}

function listeningLine(line: string): ListeningLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as Partial<ListeningLine>;
    return parsed.msg === 'listening' && typeof parsed.port === 'number' ? (parsed as ListeningLine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built service (`node dist/server/main.js`) as a child process on a free port, for tests that stop,
 * restart or kill it. `start` resolves once the process has said where it listens and `/healthz` answers.
 */
export class ServerProcess {
  private stdout = '';
  private stderr = '';
  private readonly exited: Promise<ServerExit>;
  private exit: ServerExit | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    // Never outlive the test process, whatever happens to it.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        process.removeListener('exit', reap);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  /** Base URL on the loopback address the service binds (not `localhost`, which may resolve to ::1 first). */
  url = '';
  port = 0;
  /** Whether this start seeded the demo data (it should only into an empty folder). */
  seeded = false;

  static async start(options: StartOptions): Promise<ServerProcess> {
    const root = repoRoot();
    const main = path.join(root, 'dist', 'server', 'main.js');
    if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        TZ: 'UTC',
        PORT: '0',
        LOG_LEVEL: 'info',
        TANDEM_DATA_DIR: options.dataDir,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, options.dataDir);
    try {
      // Room for a loaded machine: start-up is a condition (listening, then /healthz), this only bounds a hang.
      await server.waitUntilReady(options.timeoutMs ?? 90_000);
    } catch (error) {
      await server.kill();
      throw error;
    }
    return server;
  }

  get output(): string {
    return `--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get exitStatus(): ServerExit | undefined {
    return this.exit;
  }

  /** SIGTERM (graceful shutdown); resolves with how the process ended. Kills it if it hangs. */
  async stop(timeoutMs = 10_000): Promise<ServerExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), timeoutMs);
    });
    const outcome = await Promise.race([this.exited, hung]);
    clearTimeout(timer);
    if (outcome === 'hung') {
      await this.kill();
      throw new Error(`the server did not stop within ${timeoutMs} ms of SIGTERM\n${this.output}`);
    }
    return outcome;
  }

  /** SIGKILL: no shutdown, no flushing; resolves once the process is gone. */
  async kill(): Promise<ServerExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGKILL');
    return this.exited;
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.port === 0) {
      if (this.exit)
        throw new Error(`the server exited (${JSON.stringify(this.exit)}) before listening\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the server did not say where it listens\n${this.output}`);
      const line = this.stdout.split('\n').map(listeningLine).find(Boolean);
      if (line) {
        this.port = line.port;
        this.seeded = line.seeded;
        this.url = `http://127.0.0.1:${line.port}`;
      } else {
        await sleep(25);
      }
    }
    for (;;) {
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)})\n${this.output}`);
      try {
        const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
        await response.text();
        if (response.status === 200) return;
      } catch {
        // Not answering yet.
      }
      if (Date.now() > deadline) throw new Error(`/healthz did not answer 200 in time\n${this.output}`);
      await sleep(25);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
