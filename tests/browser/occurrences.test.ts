import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { AgendaView } from '../../core/model/agenda-view';
import type { Me } from '../../core/use-cases/pairs';
import type { SessionListItem } from '../../core/use-cases/schedule';
import { repoRoot } from '../support/server-process';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

const DAY = 86_400_000;
const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('occurrences');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

async function sessions(): Promise<SessionListItem[]> {
  const from = new Date(Date.now() - 90 * DAY).toISOString();
  const to = new Date(Date.now() + 84 * DAY).toISOString();
  const answer = await blake.request('GET', `/api/pairs/avery-blake/sessions?from=${from}&to=${to}`);
  return jsonOf<{ sessions: SessionListItem[] }>(answer).sessions;
}
const byId = async (id: string) => (await sessions()).find((s) => s.id === id);

async function averysMeetings(): Promise<Page> {
  const page = await harness.standalone('avery');
  await page.getByRole('button', { name: 'Blake Diaz', exact: true }).click();
  await page.getByRole('table', { name: 'Meetings with Blake Diaz' }).waitFor();
  return page;
}

/** Saves a screenshot among the test's artifacts and, for the docs, under docs/screenshots. */
async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, name));
}

describe('the meetings of a 1:1 in the wide tab (embedded mode)', () => {
  it('skips a meeting weeks ahead after a confirmation, and undoes the skip', async () => {
    const page = await averysMeetings();
    const ahead = (await sessions()).filter((s) => s.status === 'upcoming')[3]!;
    const skips = page.getByRole('button', { name: /^Skip the meeting of/ });
    await eventually(async () => expect(await skips.count()).toBeGreaterThan(3));

    // Kept: the confirmation changes nothing until it is confirmed.
    await skips.nth(3).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click();
    expect((await byId(ahead.id))?.status).toBe('upcoming');

    await skips.nth(3).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Skip meeting' }).click();
    await page.getByText(/^Skipped the meeting of/).waitFor();
    expect(await byId(ahead.id)).toMatchObject({ status: 'skipped', undoable: true });
    await screenshot(page, 'wide-meetings-1280-light.png');

    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await page.getByText(/is back on\.$/).waitFor();
    expect((await byId(ahead.id))?.status).toBe('upcoming');
  });

  it('moves a meeting by keyboard, in the time zone the 1:1 shows', async () => {
    const page = await averysMeetings();
    const target = (await sessions()).filter((s) => s.status === 'upcoming')[1]!;
    await page.getByText('Times in UTC.', { exact: false }).waitFor();
    await page
      .getByRole('button', { name: /^Move the meeting of/ })
      .nth(1)
      .focus();
    await page.keyboard.press('Enter');
    const field = page.getByLabel('New date and time (UTC)');
    await field.waitFor();
    const day = new Date(Date.parse(target.start) + DAY).toISOString().slice(0, 10);
    await field.fill(`${day}T15:30`);
    await page.keyboard.press('Enter');
    await page.getByText(/^Moved to/).waitFor();
    expect(await byId(target.id)).toMatchObject({ start: `${day}T15:30:00.000Z`, moved: true });
  });

  it('opens a past meeting in the full agenda, read-only', async () => {
    const page = await averysMeetings();
    const held = (await sessions()).filter((s) => s.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /^Open the meeting of/ })
      .first()
      .click();
    const first = held[0]!;
    const view = jsonOf<AgendaView>(await blake.request('GET', `/api/pairs/avery-blake/sessions/${first.id}`));
    // The agenda of that meeting: held, with its recap, and no field to add to it.
    await page.getByTestId('recap').waitFor();
    await page.getByText('Held', { exact: true }).first().waitFor();
    expect(view.status).toBe('held');
    expect(await page.getByRole('textbox', { name: 'New topic' }).count()).toBe(0);
  });

  it('changes the day, time and time zone from the next meeting on, keeping what was held', async () => {
    const heldBefore = (await sessions()).filter((s) => s.status === 'held').map((s) => s.start);
    const page = await averysMeetings();
    await page.getByRole('button', { name: 'Change day, time or rhythm…' }).click();
    await page.getByLabel('Time', { exact: true }).fill('11:30');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wide-change-cadence-1280-light.png');
    await page.getByRole('button', { name: 'Change from the next meeting' }).click();
    await page.getByText(/the 1:1 follows its new rhythm\.$/).waitFor();
    await page.getByText('Times in Europe/Berlin.', { exact: false }).waitFor();

    const me = jsonOf<Me>(await blake.request('GET', '/api/me'));
    expect(me.pairs.find((p) => p.id === 'avery-blake')?.cadence).toMatchObject({
      time: '11:30',
      timeZone: 'Europe/Berlin',
    });
    const after = await sessions();
    expect(after.filter((s) => s.status === 'held').map((s) => s.start)).toEqual(heldBefore);
    const next = after.find((s) => s.status === 'upcoming')!;
    expect(new Date(next.start).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' })).toBe('11:30:00');
  });
});
