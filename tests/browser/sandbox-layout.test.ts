import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { repoRoot } from '../support/server-process';
import { AgentsPlayground, freePort, playgroundServiceUrls } from '../support/agents-playground';
import { BROWSER_TEST_MS, eventually, HEAVY_MS } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');

/** Whether the point at the middle of `target` (inside `frame`) is the element itself, not something laid over it. */
interface Box {
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  contains(other: Box): boolean;
}
const uncovered = (target: Locator): Promise<boolean> =>
  target.evaluate((el: Box) => {
    const r = el.getBoundingClientRect();
    const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): Box | null } })
      .document;
    const top = doc.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (el.contains(top) || top.contains(el));
  });

/** The part of `target` (in a frame) that lies inside the frame element `frame` on the page, 0 to 1 vertically. */
async function shownInside(page: Page, frame: string, target: Locator): Promise<number> {
  const outer = (await page.locator(frame).boundingBox())!;
  const box = (await target.boundingBox())!;
  const visible = Math.min(box.y + box.height, outer.y + outer.height) - Math.max(box.y, outer.y);
  return Math.max(0, visible) / box.height;
}

/**
 * The sandbox on a laptop screen (1366×768, issue 15): the Outlook pane shows the add-in's task pane without
 * scrolling below the invite, and the Agents Playground's chat input is not covered by its log panel.
 */
describe('the sandbox at 1366×768', () => {
  let harness: TabHarness;
  let playground: AgentsPlayground;

  beforeAll(async () => {
    const playgroundPort = await freePort();
    harness = await TabHarness.start('sandbox-layout', {
      TANDEM_BOT_SERVICE_URLS: playgroundServiceUrls(playgroundPort),
    });
    playground = await AgentsPlayground.start(
      `${harness.server.url}/api/messages`,
      'personal-e2e',
      HEAVY_MS,
      playgroundPort,
    );
  });

  afterAll(async () => {
    await playground?.stop();
    await harness?.stop();
  });

  it('shows all three panes usable: the task pane in view, the chat input free', async () => {
    const page = await (await harness.context({ width: 1366, height: 768 })).newPage();
    await page.goto(`${harness.server.url}/?playground=${encodeURIComponent(playground.url)}`);

    // Outlook: the task pane's agenda and its add row are in the pane's view, not below the invite.
    const outlook: FrameLocator = page.frameLocator('#outlook');
    const heading = outlook.getByRole('heading', { name: '1:1 with Blake Diaz' });
    await heading.waitFor();
    expect(await shownInside(page, '#outlook', heading)).toBe(1);
    expect(await shownInside(page, '#outlook', outlook.getByRole('textbox', { name: 'New topic' }))).toBe(1);

    // Teams: the side panel's agenda.
    await page
      .frameLocator('#teams')
      .frameLocator('#frame')
      .getByRole('heading', { name: '1:1 with Blake Diaz' })
      .waitFor();

    // The chat: the Playground's message box is in view and nothing lies over it.
    // (Its message box is a rich-text editor: an editable element, not an input.)
    const input = page.frameLocator('#chat').locator('[contenteditable="true"]').last();
    await input.waitFor();
    const pane = (await page.locator('#chat').locator('..').boundingBox())!;
    await eventually(async () =>
      expect((await page.locator('#chat').boundingBox())!.width).toBeLessThanOrEqual(pane.width),
    );
    await eventually(async () => expect(await uncovered(input)).toBe(true));
    expect(await shownInside(page, '#chat', input)).toBe(1);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'sandbox-1366x768.png') });
  });
});
