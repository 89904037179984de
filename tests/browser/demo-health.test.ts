import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { repoRoot } from '../support/server-process';
import { BROWSER_TEST_MS, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

let harness: TabHarness;

beforeAll(async () => {
  harness = await TabHarness.start('demo-health');
});

afterAll(async () => {
  await harness?.stop();
});

describe('meeting health in a fresh demo', () => {
  it('shows Avery the pooled views above the threshold, her own rating beside them and what to try', async () => {
    const page = await harness.standalone('avery');
    await page.getByRole('tab', { name: 'Meeting health' }).click();
    // Last quarter's ratings, released from the seeded sessions (nothing written by hand).
    await page
      .getByText(/average usefulness/)
      .first()
      .waitFor();
    await page
      .getByTestId('rating-gap')
      .first()
      .getByText(/^Your own rating /)
      .waitFor();
    await page.getByText(/of the time recorded in your 1:1s went to your reports’ topics/).waitFor();
    await page.getByText('Planned every two weeks, really monthly:').waitFor();
    await page.getByText('Topics raised by the report:').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const name = 'wide-health-demo-1280-light.png';
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
    await fs.copyFile(path.join(ARTIFACTS, name), path.join(repoRoot(), 'docs', 'screenshots', name));
  });
});
