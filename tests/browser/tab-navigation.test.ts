import type { Frame, FrameLocator, Page } from 'playwright-core';
import { BROWSER_TEST_MS, STEP_MS } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * What opening the tab in the fake Teams host waits for (docs/pages.md, Navigation): the frame loads while the
 * host looks up the meeting, and the sign-in is asked for once, as soon as Teams has answered initialize.
 */
let harness: TabHarness;

beforeAll(async () => {
  harness = await TabHarness.start('tab-navigation');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

const tab = (page: Page): FrameLocator => page.frameLocator('#frame');
const isTabPage = (url: string) => /^\/tab\/?$/.test(new URL(url).pathname);

/** Opens the side panel in the fake host with `initScript` in every frame; the tab's frame once the agenda shows. */
async function panelOpenedWith(initScript: string): Promise<Frame> {
  const context = await harness.context();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
  await tab(page).getByRole('checkbox').first().waitFor();
  return page.frames().find((f) => isTabPage(f.url()))!;
}

describe('opening the tab in a Teams meeting (fake host)', () => {
  it("loads the tab's page while the host is still finding the meeting", async () => {
    const context = await harness.context();
    let tabAsked!: () => void;
    const tabRequested = new Promise<'the tab first'>((resolve) => (tabAsked = () => resolve('the tab first')));
    context.on('request', (request) => isTabPage(request.url()) && tabAsked());
    // The host's own look-up of the meeting (the demo user's 1:1s) is held until the tab's page is asked for;
    // the bound only keeps a host that waits for it from hanging the test.
    const released: string[] = [];
    await context.route(/\/api\/me$/, async (route) => {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<'the bound'>(
        (resolve) => (timer = setTimeout(() => resolve('the bound'), STEP_MS / 2)),
      );
      released.push(await Promise.race([tabRequested, bound]));
      clearTimeout(timer);
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
    await tab(page).getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    expect(released).toEqual(['the tab first']);
  });

  it("starts the handshake with Teams and the settings request while the app's script is still on its way", async () => {
    const context = await harness.context();
    const page = await context.newPage();
    let settingsAsked!: () => void;
    const settingsRequested = new Promise<void>((resolve) => (settingsAsked = resolve));
    context.on('request', (request) => new URL(request.url()).pathname === '/api/client-config' && settingsAsked());
    // The app's script (React, Fluent, the agenda) is held until the host has been asked to initialize and the
    // service for its settings: the boot script, loaded beside it, starts both (docs/pages.md, Navigation). The
    // bound only keeps a page that waits for the app's script from hanging the test.
    const released: string[] = [];
    await context.route(/\/tab\/main\.\w+\.js$/, async (route) => {
      const initialize = page.waitForFunction(
        () =>
          (globalThis as unknown as { teamsHost?: { requests: string[] } }).teamsHost?.requests.includes('initialize'),
        undefined,
        { timeout: STEP_MS / 2 },
      );
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<'the bound'>(
        (resolve) => (timer = setTimeout(() => resolve('the bound'), STEP_MS / 2)),
      );
      const both = Promise.all([initialize, settingsRequested]).then(() => 'asked first' as const);
      both.catch(() => undefined); // the host page's wait times out with the bound
      released.push(await Promise.race([both, bound]).catch(() => 'the bound' as const));
      clearTimeout(timer);
      await route.continue();
    });
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
    await tab(page).getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    await tab(page).getByRole('checkbox').first().waitFor();
    expect(released).toEqual(['asked first']);
  });

  it("asks for the meeting's session as soon as Teams has answered, before the tab first renders", async () => {
    // In the tab's frame: the moment the app first renders anything, on the same clock as the requests'
    // resource timings.
    const frame = await panelOpenedWith(`new MutationObserver((_, observer) => {
      if (!document.getElementById('root')?.firstChild) return;
      window.__panelRenderedAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, characterData: true });`);
    const [renderedAt, lookUpAt] = (await frame.evaluate(`[
      window.__panelRenderedAt,
      performance.getEntriesByType('resource').find((e) => e.name.includes('/api/meetings/session'))?.startTime,
    ]`)) as [number | undefined, number | undefined];
    expect(renderedAt).toBeDefined();
    expect(lookUpAt).toBeDefined();
    expect(lookUpAt!).toBeLessThan(renderedAt!);
  });

  it('draws the agenda first: "Connecting…" and "Finding this 1:1…" show only after half a second without it', async () => {
    // In the tab's frame: when each waiting text first appears, on the resource timings' clock.
    const frame = await panelOpenedWith(`window.__waitingShownAt = {};
      new MutationObserver(() => {
        for (const text of ['Connecting to Microsoft Teams', 'Finding this 1:1'])
          if (document.body?.textContent?.includes(text)) window.__waitingShownAt[text] ??= performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });`);
    const [shownAt, appArrivedAt] = (await frame.evaluate(`[
      window.__waitingShownAt,
      performance.getEntriesByType('resource').find((e) => /\\/main\\.\\w+\\.js$/.test(e.name))?.responseEnd,
    ]`)) as [Record<string, number>, number | undefined];
    expect(appArrivedAt).toBeDefined();
    // On a quiet machine neither shows; on a busy one either may, but never sooner than the wait after the
    // app's script has run (it runs after it arrived).
    for (const at of Object.values(shownAt)) expect(at - appArrivedAt!).toBeGreaterThanOrEqual(500);
  });

  it('says "Finding this 1:1…" while the service has not answered which session the meeting is', async () => {
    const context = await harness.context();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/api\/meetings\/session\?/, async (route) => {
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
    await tab(page).getByText('Finding this 1:1…').waitFor();
    release();
    await tab(page).getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    await expect(tab(page).getByText('Finding this 1:1…').count()).resolves.toBe(0);
  });

  it('asks Teams for the token right after initialize, and Teams answers it from its cache', async () => {
    const context = await harness.context();
    const tokenRequests: string[] = [];
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/dev/token') tokenRequests.push(request.method());
    });
    const page = await context.newPage();
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery`);
    await tab(page).getByRole('checkbox').first().waitFor();
    const asked = (await page.evaluate('window.teamsHost.requests')) as string[];
    // Before the context, the meeting's details and the first render: not after them.
    expect(asked.indexOf('authentication.getAuthToken')).toBeGreaterThan(asked.indexOf('initialize'));
    expect(asked.indexOf('authentication.getAuthToken')).toBeLessThan(asked.indexOf('getContext'));
    // The meeting's details beside the context, not after its answer (its start is on the agenda's path).
    expect(asked.indexOf('meeting.getMeetingDetails')).toBeGreaterThan(asked.indexOf('initialize'));
    expect(asked.indexOf('meeting.getMeetingDetails')).toBeLessThan(asked.indexOf('getContext'));
    // One token for the host's look-up and the tab's calls (the tab's own cache shares it among its calls).
    expect(tokenRequests).toEqual(['POST']);
  });
});
