import type { RunningTandem } from '../../server/app';
import { signInDemo, type Demo } from './demo';
import { startInProcess, type InProcessTandem } from './in-process';

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
  let running: { server: InProcessTandem; demo: Demo } | undefined;
  beforeAll(async () => {
    const server = await startInProcess(label);
    running = { server, demo: await signInDemo(server.url) };
  });
  afterAll(async () => {
    await running?.server.close();
    running = undefined;
  });
  const current = () => {
    if (!running) throw new Error('useDemoServer: the server runs only inside its describe block’s tests');
    return running;
  };
  return {
    get url() {
      return current().server.url;
    },
    get dataDir() {
      return current().server.dataDir;
    },
    get tandem() {
      return current().server.tandem;
    },
    get avery() {
      return current().demo.avery;
    },
    get blake() {
      return current().demo.blake;
    },
    get devon() {
      return current().demo.devon;
    },
    get nextSessionId() {
      return current().demo.nextSessionId;
    },
    get heldSessionId() {
      return current().demo.heldSessionId;
    },
  };
}
