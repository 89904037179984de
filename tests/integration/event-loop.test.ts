import { monitorEventLoopDelay } from 'node:perf_hooks';
import { signInDemo, PAIR, sessionPath, type Demo } from '../support/demo';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { jsonOf, type ApiResponse, type ProblemBody } from '../support/tandem-client';

jest.setTimeout(120_000);

const DAY = 86_400_000;
/** The bound: no request may hold the event loop longer than this. */
const MAX_BLOCK_MS = 50;
/**
 * A lag monitor sees the longest synchronous stretch plus whatever else delayed the loop (another process on
 * the CPU, a GC pause). Noise only ever adds delay, so one quiet measurement bounds the request's own blocking
 * from above: measure until one attempt is under the bound, a few attempts at most. A request that really
 * blocks for longer fails every attempt.
 */
const ATTEMPTS = 8;

/**
 * Requests that used to expand the recurrence from the series start (seconds for a far-future id) run with
 * the service in this process, so its event loop is the one measured.
 */
describe('no request blocks the event loop', () => {
  let server: InProcessTandem;
  let demo: Demo;

  beforeAll(async () => {
    server = await startInProcess('event-loop');
    demo = await signInDemo(server.url);
    // Warm up: the first requests compile code paths; that is start-up, not a request's cost.
    await demo.blake.get(sessionPath(demo.nextSessionId));
    await demo.avery.get(`/api/pairs/${PAIR}/health`);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** The smallest, over a few attempts, of the longest loop delay seen while the request ran. */
  async function longestBlock(request: () => Promise<ApiResponse>): Promise<{ ms: number; response: ApiResponse }> {
    let best = Infinity;
    let response: ApiResponse | undefined;
    for (let i = 0; i < ATTEMPTS && best >= MAX_BLOCK_MS; i++) {
      const histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
      response = await request();
      histogram.disable();
      // The monitor's own timer granularity is in the figure; it is far below the bound.
      best = Math.min(best, histogram.max / 1e6);
    }
    return { ms: best, response: response! };
  }

  const year = (n: number) => new Date(Date.now() + n * 365 * DAY);
  const q = (from: Date, to: Date) => `?from=${from.toISOString()}&to=${to.toISOString()}`;

  it.each([
    ['a session id in the year 9999', () => sessionPath('99991230T100000Z'), 'sessionId'],
    ['a sessions window in the year 9999', () => `/api/pairs/${PAIR}/sessions${q(year(7000), year(7000.1))}`, 'from'],
    ['a health period in the year 9999', () => `/api/pairs/${PAIR}/health${q(year(7000), year(7000.1))}`, 'from'],
    ['a sessions window from the epoch', () => `/api/pairs/${PAIR}/sessions${q(year(-56), year(-55.9))}`, 'from'],
  ])('refuses %s at once with a 400 naming the horizon', async (_what, path, field) => {
    const { ms, response } = await longestBlock(() => demo.blake.get(path()));

    expect(response.status).toBe(400);
    const problem = jsonOf<ProblemBody>(response);
    expect(problem.errors).toEqual([{ field, reason: 'must be within 10 years before and 5 years after today' }]);
    expect(ms).toBeLessThan(MAX_BLOCK_MS);
  });

  it('answers the farthest allowed windows and session within the bound', async () => {
    const edge = new Date(year(5).getTime() - DAY);
    const window = q(new Date(edge.getTime() - 399 * DAY), edge);

    const sessions = await longestBlock(() => demo.blake.get(`/api/pairs/${PAIR}/sessions${window}`));
    expect(sessions.response.status).toBe(200);
    expect(sessions.ms).toBeLessThan(MAX_BLOCK_MS);
    const list = jsonOf<{ sessions: Array<{ id: string }> }>(sessions.response).sessions;
    expect(list.length).toBeGreaterThan(50);

    const health = await longestBlock(() => demo.avery.get(`/api/pairs/${PAIR}/health${window}`));
    expect(health.response.status).toBe(200);
    expect(health.ms).toBeLessThan(MAX_BLOCK_MS);

    const farthest = await longestBlock(() => demo.blake.get(sessionPath(list.at(-1)!.id)));
    expect(farthest.response.status).toBe(200);
    expect(farthest.ms).toBeLessThan(MAX_BLOCK_MS);
  });
});
