import type { RunningTandem } from '../../server/app';
import { signInDemo, type Demo } from './demo';
import { startInProcess, type InProcessTandem } from './in-process';
import { lateBound } from './late-bound';

export interface DemoServer extends Demo {
  /** Base URL on the loopback address. */
  readonly url: string;
  readonly dataDir: string;
  readonly tandem: RunningTandem;
}

/**
 * The embedded service in this process, seeded with the demo data, with Avery, Blake and Devon signed in: started
 * before the enclosing describe block's first test, closed (and its data folder removed) after its last.
 *
 *   const demo = useDemoServer('live');
 *   test('…', async () => { await demo.blake.post(sessionPath(demo.nextSessionId) + '/topics', …); });
 */
export function useDemoServer(label: string): DemoServer {
  let server: InProcessTandem | undefined;
  let current: DemoServer | undefined;
  beforeAll(async () => {
    server = await startInProcess(label);
    const { url, dataDir, tandem } = server;
    current = { ...(await signInDemo(url)), url, dataDir, tandem };
  });
  afterAll(async () => {
    await server?.close();
    server = current = undefined;
  });
  return lateBound(() => current, 'useDemoServer');
}
