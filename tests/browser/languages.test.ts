import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Me } from '../../core/use-cases/pairs';
import type { FakeAppointmentConfig, FakeAppointmentState } from '../../outlook-addin/sandbox/fake-office';
import { demoAppointment } from '../../outlook-addin/sandbox/demo-appointment';
import { repoRoot } from '../support/server-process';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, seriousViolations } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/** Committed: the screens in German, Japanese and Arabic (right to left, English text until a catalog exists). */
const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
const FAKE_OFFICE = path.join(repoRoot(), 'dist', 'web', 'outlook-addin', 'fake-office.js');

let harness: TabHarness;
let joinUrl: string;
let start: string;

beforeAll(async () => {
  harness = await TabHarness.start('languages');
  const avery = await TandemClient.signIn(harness.server.url, 'avery');
  const pair = jsonOf<Me>(await avery.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
  joinUrl = pair.joinUrl!;
  start = pair.nextSession!.start;
});

afterAll(async () => {
  await harness?.stop();
});

afterEach(() => harness.closeContexts());

/** The tab in the fake Teams host as a personal tab (wide), with the Teams context's locale. */
async function tabIn(locale: string): Promise<Page> {
  const page = await harness.inTeams('avery', { frameContext: 'content', locale, width: 1280 });
  return page;
}

const tabFrame = (page: Page) => page.frameLocator('#frame');

/** The task pane as Outlook with the given display language shows it to the organizer composing the invite. */
async function taskPaneIn(displayLanguage: string): Promise<Page> {
  const config: FakeAppointmentConfig = {
    ...demoAppointment({ mode: 'compose', role: 'organizer', start, joinUrl }),
    displayLanguage,
  };
  const context = await harness.context({ width: 360, height: 900 });
  await context.route('**/office.js', (route) => route.fulfill({ path: FAKE_OFFICE, contentType: 'text/javascript' }));
  await context.addInitScript((c) => {
    (globalThis as unknown as { __tandemFakeOffice: unknown }).__tandemFakeOffice = c;
  }, config);
  const page = await context.newPage();
  await page.goto(`${harness.server.url}/outlook-addin/taskpane.html`);
  return page;
}

const body = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __tandemFakeOfficeState: FakeAppointmentState }).__tandemFakeOfficeState.body,
  );

describe('the tab speaks the Teams context’s language', () => {
  it.each([
    ['de-DE', 'Meine 1:1s', 'Aufgaben', 'Dein Teammitglied', 'tab-de-1280.png', 'Ziele', 'Ziele und Entwicklungsplan'],
    ['ja-JP', '自分の 1on1', 'アクションアイテム', 'メンバー', 'tab-ja-1280.png', '目標', '目標と育成計画'],
  ])('%s', async (locale, sessions, actions, role, shot, goals, goalsHeading) => {
    const page = await tabIn(locale);
    const tab = tabFrame(page);
    await tab.getByRole('tab', { name: sessions }).waitFor();
    await tab.getByRole('tab', { name: actions }).waitFor();
    await tab.getByText(role).first().waitFor();
    expect(await tab.locator('html').getAttribute('lang')).toBe(locale);
    expect(await tab.getByRole('tab', { name: 'My 1:1s' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, shot), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // The wide views speak it too: the goals view, its buttons and the agenda's sections.
    await tab.getByRole('tab', { name: goals }).click();
    await tab.getByRole('heading', { name: goalsHeading }).waitFor();
    expect(await tab.getByRole('button', { name: 'New goal' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, shot.replace('-1280', '-goals-1280')), fullPage: true });
  });

  it('mirrors for Arabic, with English text until there is an Arabic catalog', async () => {
    const page = await tabIn('ar-SA');
    const tab = tabFrame(page);
    const first = tab.getByRole('tab', { name: 'My 1:1s' });
    const last = tab.getByRole('tab', { name: 'History' });
    await first.waitFor();
    expect(await tab.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await tab.locator('.fui-FluentProvider').first().getAttribute('dir')).toBe('rtl');
    // Right to left: the first tab sits to the right of the later ones.
    expect((await first.boundingBox())!.x).toBeGreaterThan((await last.boundingBox())!.x);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tab-ar-rtl-1280.png'), fullPage: true });
  });
});

describe('the Outlook add-in speaks Office’s display language', () => {
  it.each([
    [
      'de-DE',
      'Agenda in die Einladung einfügen',
      /Agenda in die Einladung eingefügt und als Datei angehängt/,
      '1:1-Agenda: Avery Chen und Blake Diaz',
      'outlook-de-360.png',
    ],
    [
      'ja-JP',
      'アジェンダを出席依頼に挿入',
      /出席依頼にアジェンダを挿入しました。ファイルも添付しました/,
      '1on1 アジェンダ: Avery Chen と Blake Diaz',
      'outlook-ja-360.png',
    ],
  ])('%s, and inserts the agenda in the organizer’s language', async (locale, button, done, title, shot) => {
    const page = await taskPaneIn(locale);
    await page.getByRole('button', { name: button }).click();
    await page.getByText(done).waitFor();
    expect(await body(page)).toContain(title);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    await page.screenshot({ path: path.join(SCREENSHOTS, shot), fullPage: true });
  });

  it('mirrors for Arabic', async () => {
    const page = await taskPaneIn('ar-EG');
    await page.getByRole('button', { name: 'Insert agenda into invite' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'outlook-ar-rtl-360.png'), fullPage: true });
  });
});
