import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { closedRatingPeriods } from '../../core/model/rating-periods';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { repoRoot } from '../support/server-process';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/** Screens of issue 16 that are kept with the docs. */
const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('attention');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

async function shoot(page: import('playwright-core').Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  await fs.copyFile(path.join(ARTIFACTS, name), path.join(SCREENSHOTS, name));
}

describe('people’s attention and meeting health in the wide tab', () => {
  it('lets a person choose their reminders by keyboard; the service keeps the choice', async () => {
    const page = await harness.standalone('blake');
    await page.getByRole('button', { name: 'Reminders' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your reminders' });
    const nudges = dialog.getByRole('switch', { name: 'Remind me the day before an action item of mine is due' });
    await nudges.waitFor();
    await nudges.press('Space');
    await dialog.getByRole('combobox', { name: 'How long before' }).selectOption({ label: '2 hours before' });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'wide-reminders-1280-light.png');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await eventually(async () =>
      expect(jsonOf(await blake.request('GET', '/api/me/attention'))).toMatchObject({
        nudges: false,
        promptHoursBefore: 2,
        prompt: true,
      }),
    );
  });

  it("shows the manager's own rating beside the pooled one with what to try, and the export menu", async () => {
    // A released quarter, as the service writes it once three reports have rated (Avery has three).
    const [period] = closedRatingPeriods(new Date(), 1);
    const releases = path.join(harness.dataDir, 'shared', 'insights', 'ratings');
    await fs.mkdir(releases, { recursive: true });
    await fs.writeFile(
      path.join(releases, 'avery.json'),
      JSON.stringify({ schema: 1, releases: [{ period, available: true, average: 3.4, managerAverage: 4.6 }] }),
    );
    const page = await harness.standalone('avery');
    await page.getByRole('tab', { name: 'Meeting health' }).click();
    const gap = page.getByTestId('rating-gap');
    await gap.getByText('Your own rating 4.6 · your reports’ pooled rating 3.4').waitFor();
    await gap.getByText(/ask each report what would make the next one more useful/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'wide-health-advice-1280-light.png');

    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByRole('button', { name: 'Export my 1:1 with Blake Diaz' }).click();
    await page.getByRole('menuitem', { name: /Markdown/ }).waitFor();
    await shoot(page, 'wide-export-menu-1280-light.png');
  });
});
