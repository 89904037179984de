import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { AgendaView } from '../../core/model/agenda-view';
import type { Me } from '../../core/use-cases/pairs';
import { repoRoot } from '../support/server-process';
import { sessionIdAt, startOfSession } from '../support/demo';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
const PROMPT = 'What’s the biggest obstacle you’re facing this week?';
let harness: TabHarness;
let blake: TandemClient;

beforeAll(async () => {
  harness = await TabHarness.start('templates');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
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
  await page.screenshot({ path: file });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(SCREENSHOTS, name));
}

const agendaOf = async (sessionId: string) =>
  jsonOf<AgendaView>(await blake.request('GET', `/api/pairs/avery-blake/sessions/${sessionId}`));

describe('templates in the wide tab (embedded mode)', () => {
  it('applies a template edit from the next session: the current one keeps its sections', async () => {
    const me = await blake.getJson<Me>('/api/me');
    const current = me.pairs.find((p) => p.id === 'avery-blake')!.nextSession!.id;
    const following = sessionIdAt(new Date(startOfSession(current).getTime() + 7 * 86_400_000));

    const page = await harness.standalone('avery');
    await page.getByRole('button', { name: 'Blake Diaz', exact: true }).click();
    await page.getByRole('button', { name: 'Template…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Start from' }).waitFor();

    // Add a section of her own with a prompt, and bring it to the top with the keyboard.
    await dialog.getByRole('button', { name: 'Add a section' }).click();
    const title = dialog.getByRole('textbox', { name: 'Title of section 8' });
    await title.fill('Obstacles');
    await dialog.getByRole('button', { name: 'Add a prompt under Obstacles' }).click();
    await dialog.getByRole('textbox', { name: 'Prompt 1 under Obstacles' }).fill(PROMPT);
    await dialog.getByRole('button', { name: 'Move Obstacles up' }).focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('Enter');
    await dialog.getByText('Obstacles moved to position 1 of 8').waitFor();
    await dialog.getByRole('checkbox', { name: 'Hide Progress' }).check();
    await dialog.getByRole('spinbutton', { name: 'Deep dive timebox (minutes)' }).fill('20');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'wide-template-1280-light.png');
    await dialog.getByRole('button', { name: 'Use from the next session' }).click();
    await page.getByText('Saved. The next session follows this template.').waitFor();

    // The current session is unchanged, on screen and in the service.
    await page.reload();
    await page.getByRole('button', { name: 'Blake Diaz', exact: true }).click();
    await page.locator('[data-section="topics"]').first().waitFor();
    expect(await page.locator('[data-section^="x-"]').count()).toBe(0);
    expect((await agendaOf(current)).sections.some((s) => s.id.startsWith('x-'))).toBe(false);

    // The next session shows the new section first, with its prompt, and no Progress.
    const opens = page.getByRole('button', { name: /^Open the meeting of/ });
    await eventually(async () => expect(await opens.count()).toBeGreaterThan(1));
    const pressed = await opens.evaluateAll((buttons) =>
      buttons.findIndex((b) => b.getAttribute('aria-pressed') === 'true'),
    );
    await opens.nth(pressed + 1).click();
    const obstacles = page.locator('[data-section^="x-"]');
    await obstacles.waitFor();
    await expect(obstacles.getByRole('heading', { name: 'Obstacles' }).isVisible()).resolves.toBe(true);
    await obstacles.getByRole('button', { name: 'Obstacles', exact: true }).click();
    await obstacles.getByRole('list', { name: 'Prompts for Obstacles' }).getByText(PROMPT).waitFor();
    expect(await page.locator('[data-section="progress"]').count()).toBe(0);
    await obstacles.scrollIntoViewIfNeeded();
    await screenshot(page, 'wide-template-agenda-1280-light.png');
    const next = await agendaOf(following);
    expect(next.sections[0]).toMatchObject({ title: 'Obstacles', prompts: [{ text: PROMPT }] });
    expect(next.deepDiveMinutes).toBe(20);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
