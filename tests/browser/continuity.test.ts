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
let clients: Record<'avery' | 'blake' | 'casey' | 'devon', TandemClient>;

beforeAll(async () => {
  harness = await TabHarness.start('continuity');
  const url = harness.server.url;
  clients = {
    avery: await TandemClient.signIn(url, 'avery'),
    blake: await TandemClient.signIn(url, 'blake'),
    casey: await TandemClient.signIn(url, 'casey'),
    devon: await TandemClient.signIn(url, 'devon'),
  };
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

/** Saves a screenshot among the test's artifacts and, for the docs, under docs/screenshots. */
async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, name));
}

describe('a 1:1 through a manager change (issue 13, continuity)', () => {
  it('shows the Manage menu; the report carries goals over, shares the earlier 1:1, and the new manager reads it', async () => {
    const { avery, casey, devon } = clients;
    for (const [id, kind, title] of [
      ['casey-g1', 'development', 'Present at the all-hands'],
      ['casey-g2', 'goal', 'Own the release notes'],
    ])
      expect((await casey.post('/api/pairs/avery-casey/goals', { id, kind, title })).status).toBe(201);

    // The Manage menu of a 1:1.
    const averys = await harness.standalone('avery');
    await averys.getByRole('button', { name: 'Casey Ng', exact: true }).click();
    await averys.getByRole('button', { name: 'Manage the 1:1 with Casey Ng' }).click();
    await averys.getByRole('menuitem', { name: 'Archive (read-only)' }).waitFor();
    await screenshot(averys, 'wide-manage-menu-1280-light.png');
    await averys.keyboard.press('Escape');

    // The directory says Casey now reports to Devon; Devon starts the new 1:1.
    expect((await avery.post('/api/demo/people/casey', { managerId: 'devon' })).status).toBe(200);
    const startDate = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    const cadence = { frequency: 'weekly', startDate, time: '09:30', timeZone: 'Europe/Berlin' };
    expect((await devon.post('/api/pairs', { id: 'devon-casey', reportId: 'casey', cadence })).status).toBe(201);

    // Avery's archived 1:1s, listed apart.
    await averys.reload();
    await averys.getByRole('heading', { name: 'Archived' }).waitFor();
    await screenshot(averys, 'wide-archived-1280-light.png');

    // Casey picks what carries over, with checkboxes.
    const caseys = await harness.standalone('casey');
    await caseys.getByText('Choose what carries over to your 1:1 with Devon Park').waitFor();
    await caseys.getByRole('checkbox', { name: 'Development: Present at the all-hands' }).check();
    expect(await caseys.getByRole('checkbox', { name: 'Goal: Own the release notes' }).isChecked()).toBe(false);
    expect(await seriousViolations(caseys)).toEqual([]);
    await screenshot(caseys, 'wide-proposal-carry-over-1280-light.png');
    await caseys.getByRole('button', { name: 'Carry over 1 item' }).click();
    await caseys.getByText('1 item is now in your 1:1 with Devon Park.').waitFor();
    const overview = jsonOf<{ goals: Array<{ title: string }> }>(await devon.get('/api/pairs/devon-casey'));
    expect(overview.goals.map((g) => g.title)).toEqual(['Present at the all-hands']);

    // Nothing is shared until Casey says so.
    expect((await devon.get('/api/pairs/avery-casey/shared-history')).status).toBe(404);
    await caseys.getByRole('button', { name: 'Avery Chen', exact: true }).click();
    const share = caseys.getByRole('switch', { name: 'Let your new manager read this 1:1' });
    expect(await share.isChecked()).toBe(false);
    await share.click();
    await caseys.getByText('Your new manager can read this 1:1.').waitFor();
    expect(await seriousViolations(caseys)).toEqual([]);
    await screenshot(caseys, 'wide-share-earlier-1on1-1280-light.png');

    // Devon reads it, read-only.
    const devons = await harness.standalone('devon');
    await devons.getByRole('heading', { name: 'Earlier 1:1s shared with you' }).waitFor();
    await devons.getByRole('button', { name: 'Read it' }).click();
    await devons.getByText('Goal: Own the release notes').waitFor();
    expect(await seriousViolations(devons)).toEqual([]);

    // Casey takes it back.
    await share.click();
    await caseys.getByText('Only you and your former manager can read this 1:1.').waitFor();
    await eventually(async () => expect((await devon.get('/api/pairs/avery-casey/shared-history')).status).toBe(404));
  });
});

describe('a topic for a meeting that has just ended', () => {
  it('says so in people’s words and adds it to the next meeting with one click', async () => {
    const { blake } = clients;
    const me = jsonOf<Me>(await blake.get('/api/me'));
    const meeting = me.pairs.find((p) => p.id === 'avery-blake')!.nextSession!;
    const from = new Date(Date.now() - DAY).toISOString();
    const to = new Date(Date.now() + 40 * DAY).toISOString();
    const following = jsonOf<{ sessions: SessionListItem[] }>(
      await blake.get(`/api/pairs/avery-blake/sessions?from=${from}&to=${to}`),
    ).sessions.find((s) => s.start > meeting.start && s.status === 'upcoming')!;

    // A window that has not caught up: its live stream is cut, so it does not know the meeting ended.
    const page = await (await harness.context()).newPage();
    await page.route(/\/events(\?|$)/, (route) => route.abort());
    await page.goto(`${harness.server.url}/tab/?user=blake&view=wide&theme=default`);
    const field = page.getByRole('textbox', { name: 'New topic' });
    await field.fill('Travel budget');
    const session = `/api/pairs/avery-blake/sessions/${meeting.id}`;
    expect((await blake.post(`${session}/start`)).status).toBeLessThan(300);
    expect((await blake.post(`${session}/end`)).status).toBeLessThan(300);
    await field.press('Enter');

    await page.getByText('This meeting has already ended. Add it to the next one?').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/sessionId|this session is held/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wide-add-to-next-1280-light.png');
    await page.getByRole('button', { name: 'Add it to the next one' }).click();
    await page.getByText(/^Added to the next meeting, /).waitFor();

    const next = jsonOf<AgendaView>(await blake.get(`/api/pairs/avery-blake/sessions/${following.id}`));
    expect(next.sections.flatMap((s) => s.topics).map((t) => t.title)).toContain('Travel budget');
    const held = jsonOf<AgendaView>(await blake.get(session));
    expect(held.sections.flatMap((s) => s.topics).map((t) => t.title)).not.toContain('Travel budget');
  });
});
