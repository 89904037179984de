import type { Route } from 'playwright-core';
import { BROWSER_TEST_MS, STEP_MS } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * The side panel's first screen in one answer (docs/pages.md, Navigation): the meeting's look-up brings the
 * session's agenda and its ETag, so the agenda shows without a read of its own; later reads go by that ETag.
 */
let harness: TabHarness;

beforeAll(async () => {
  harness = await TabHarness.start('tab-first-answer');
});

afterAll(async () => {
  await harness?.closeContexts();
  await harness?.stop();
});

/** `GET /api/pairs/:pairId/sessions/:sessionId`: the agenda's own read. */
const isAgendaRead = (url: URL) => /^\/api\/pairs\/[^/]+\/sessions\/[^/]+$/.test(url.pathname);

describe('the meeting side panel in the fake Teams host', () => {
  it("shows the agenda from the meeting's look-up, with no agenda read before it; later reads send its ETag", async () => {
    const context = await harness.context();
    const lookUps: string[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/meetings/session') lookUps.push(url.searchParams.get('include') ?? '');
    });
    // Every read of the agenda is held until the agenda is on screen: before, the panel waited for one.
    const held: Route[] = [];
    let holding = true;
    let firstRead!: () => void;
    const agendaRead = new Promise<void>((resolve) => (firstRead = resolve));
    await context.route(isAgendaRead, async (route) => {
      firstRead();
      if (holding) held.push(route);
      else await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
    const shown = await page
      .frameLocator('#frame')
      .getByRole('heading', { name: '1:1 with Blake Diaz' })
      .waitFor({ timeout: STEP_MS })
      .then(
        () => 'shown',
        () => 'not shown: it waited for its own read',
      );
    expect({ shown, lookUps }).toEqual({ shown: 'shown', lookUps: ['agenda'] });

    // Once live, the panel re-reads what may have changed since the look-up: by the ETag that answer gave.
    await agendaRead;
    const [read] = held;
    expect(await read!.request().headerValue('if-none-match')).toMatch(/^"[\w-]+"$/);
    holding = false;
    for (const route of held.splice(0)) await route.continue();
  });
});
