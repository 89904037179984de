import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { jsonOf, TandemClient } from '../support/tandem-client';
import type { PairOverview } from '../../core/use-cases/pairs';
import { repoRoot } from '../support/server-process';
import { BROWSER_TEST_MS, eventually, hiddenHeadings, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/** Goals followed up inside the meeting: both people in the 320 px side panel. */
const PAIR = 'avery-blake';
const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('meeting-goals');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

const goalTitled = async (title: string) =>
  jsonOf<PairOverview>(await blake.request('GET', `/api/pairs/${PAIR}`)).goals.find((g) => g.title === title);

const panel = async (user: string): Promise<Page> => {
  const page = await harness.standalone(user, { view: 'panel', width: 320, height: 720 });
  await page.getByText('Live', { exact: true }).waitFor();
  return page;
};

/** Nothing in the panel is wider than the panel: no sideways scrolling. */
const scrollsSideways = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth') as Promise<boolean>;

describe('goals in the meeting side panel', () => {
  it('lets the report tick a milestone and add a goal, and the manager add a milestone to it, live for both', async () => {
    const [avery, blakePage] = [await panel('avery'), await panel('blake')];
    const goalsOf = (page: Page) => page.getByRole('list', { name: 'Goals and their milestones' });

    // The report ticks their own development item's milestone; the manager sees it ticked, read-only.
    await goalsOf(blakePage)
      .getByRole('checkbox', { name: /Shadow a review run by another team/ })
      .check();
    const ticked = goalsOf(avery).getByRole('checkbox', { name: /Shadow a review run by another team/ });
    await eventually(async () => expect(await ticked.isChecked()).toBe(true));
    expect(await ticked.isDisabled()).toBe(true);
    await eventually(async () =>
      expect(
        (await goalTitled('Lead a cross-team design review'))!.milestones.find((m) => m.id === 'seed-m1')!.doneAt,
      ).toEqual(expect.any(String)),
    );

    // The report adds a goal in a dialog that fits the panel.
    await blakePage.getByRole('button', { name: 'New goal' }).click();
    const dialog = blakePage.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Write the on-call runbook');
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(await seriousViolations(blakePage)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await goalsOf(avery).getByRole('listitem', { name: 'Write the on-call runbook' }).waitFor();
    await eventually(async () =>
      expect(await goalTitled('Write the on-call runbook')).toMatchObject({ kind: 'goal', status: 'active' }),
    );

    // The manager adds a milestone to the pair's goal; the report sees it to tick.
    await avery.getByRole('button', { name: 'More actions for goal Write the on-call runbook' }).click();
    await avery.getByRole('button', { name: 'Add milestone' }).click();
    const milestone = avery.getByRole('dialog', { name: 'Add a milestone to “Write the on-call runbook”' });
    await milestone.getByRole('textbox', { name: /^Title/ }).fill('Draft the first page');
    await milestone.getByLabel('Due').fill('2030-01-15');
    await milestone.getByRole('button', { name: 'Add' }).click();
    // The saved dialog gives the page back to assistive technology: nothing around the agenda stays
    // aria-hidden, so the next dialog is found by its role (the saving button kept the focus while busy).
    await milestone.waitFor({ state: 'detached' });
    await eventually(async () => expect(await hiddenHeadings(avery)).toBe(0));
    await goalsOf(avery)
      .getByRole('checkbox', { name: /Draft the first page/ })
      .waitFor();
    await goalsOf(blakePage)
      .getByRole('checkbox', { name: /Draft the first page/ })
      .waitFor();

    // After a reload the report still sees what the meeting changed.
    await blakePage.reload();
    await goalsOf(blakePage)
      .getByRole('checkbox', { name: /Draft the first page/ })
      .waitFor();
    await expect(
      goalsOf(blakePage)
        .getByRole('checkbox', { name: /Shadow a review run by another team/ })
        .isChecked(),
    ).resolves.toBe(true);

    expect(await scrollsSideways(blakePage)).toBe(false);
    expect(await scrollsSideways(avery)).toBe(false);
    await blakePage.getByRole('button', { name: 'More actions for goal Write the on-call runbook' }).click();
    await blakePage.getByRole('button', { name: 'Mark achieved' }).waitFor();
    expect(await seriousViolations(blakePage)).toEqual([]);
    await goalsOf(blakePage).scrollIntoViewIfNeeded();
    await blakePage.screenshot({ path: path.join(ARTIFACTS, 'meeting-panel-goals-320-light.png') });
    await blakePage.screenshot({ path: path.join(SCREENSHOTS, 'meeting-panel-goals-320-light.png') });
  });
});
