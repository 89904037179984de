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
export async function startInProcess(label: string): Promise<InProcessTandem> {
  const dataDir = await makeDataDir(label);
  const config = parseConfig({ PORT: '0', TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, repoRoot());
  const tandem = await startTandem(config);
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
