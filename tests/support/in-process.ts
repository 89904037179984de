import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import { startTandem, type RunningTandem } from '../../server/app';
import { parseConfig } from '../../server/config';
import { makeDataDir, removeDataDir } from './data-dir';
import { repoRoot } from './server-process';

export interface InProcessTandem {
  readonly tandem: RunningTandem;
  /** Base URL on the loopback address. */
  readonly url: string;
  readonly dataDir: string;
  /** Closes the server and removes its data folder. */
  close(): Promise<void>;
}

/** The real service in this process, on a free port, over a fresh data folder seeded with the demo data. */
export async function startInProcess(
  label: string,
  options: { env?: Record<string, string>; clock?: Clock; dataDir?: string; logger?: Logger } = {},
): Promise<InProcessTandem> {
  const dataDir = options.dataDir ?? (await makeDataDir(label));
  const env = { PORT: '0', TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env };
  const tandem = await startTandem(parseConfig(env, repoRoot()), {
    ...(options.clock && { clock: options.clock }),
    ...(options.logger && { logger: options.logger }),
  });
  return {
    tandem,
    url: `http://127.0.0.1:${tandem.port}`,
    dataDir,
    close: async () => {
      await tandem.close();
      await removeDataDir(dataDir);
    },
  };
}

/**
 * After the simulated clock moved: two whole ticks of the bot's job runner, the first planning what became
 * due (a recap fans out into its sends), the second sending what that planned. A message that should not
 * exist would have been sent by then.
 */
export async function jobsCaughtUp(tandem: RunningTandem): Promise<void> {
  await tandem.jobs.nextTick();
  await tandem.jobs.nextTick();
}
