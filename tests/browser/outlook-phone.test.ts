import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Me } from '../../core/use-cases/pairs';
import { demoAppointment } from '../../outlook-addin/sandbox/demo-appointment';
import type { FakeAppointmentConfig, FakeAppointmentState } from '../../outlook-addin/sandbox/fake-office';
import { repoRoot } from '../support/server-process';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, seriousViolations } from './assertions';
import { TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * Outlook on a phone (the add-in only manifest reaches iOS and Android) and event-based activation: the task
 * pane at 375 px wide, and the background launch page offering a Tandem 1:1, both against the real service
 * with `office.js` routed to the fake.
 */
const FAKE_OFFICE = path.join(repoRoot(), 'dist', 'web', 'outlook-addin', 'fake-office.js');
const SCREENSHOTS = path.join(repoRoot(), 'docs', 'screenshots');
const PHONE = { width: 375, height: 812 };

let harness: TabHarness;
let joinUrl: string;
let start: string;

beforeAll(async () => {
  harness = await TabHarness.start('outlook-phone');
  if (!fs.existsSync(FAKE_OFFICE)) throw new Error(`${FAKE_OFFICE} is missing: run npm run build:web`);
  const avery = await TandemClient.signIn(harness.server.url, 'avery');
  const pair = jsonOf<Me>(await avery.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
  joinUrl = pair.joinUrl!;
  start = pair.nextSession!.start;
});

afterAll(async () => {
  await harness?.stop();
});

async function open(page: string, config: FakeAppointmentConfig, size: { width: number; height: number }) {
  const context = await harness.context(size);
  await context.route('**/office.js', (route) => route.fulfill({ path: FAKE_OFFICE, contentType: 'text/javascript' }));
  await context.addInitScript((c) => {
    (globalThis as unknown as { __tandemFakeOffice: unknown }).__tandemFakeOffice = c;
  }, config);
  const tab = await context.newPage();
  await tab.goto(`${harness.server.url}/outlook-addin/${page}`);
  return tab;
}

/** Nothing wider than the screen: the page never scrolls sideways. */
const horizontalOverflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

describe('the task pane at phone width (375 px)', () => {
  it.each([
    ['attendee', 'read'],
    ['organizer', 'compose'],
  ] as const)('as the %s: the agenda fits, no sideways scrolling, no axe violations', async (role, mode) => {
    const page = await open('taskpane.html', demoAppointment({ mode, role, start, joinUrl }), PHONE);
    await page.getByRole('heading', { name: /^1:1 with/ }).waitFor();
    await page.getByRole('textbox', { name: 'New topic' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, `outlook-phone-375-${role}.png`), fullPage: true });
  });

  it('an event that is not a 1:1 yet: the form to make it one fits too', async () => {
    const casey = { displayName: 'Casey Ng', emailAddress: 'casey@tandem.example' };
    // A Teams meeting no 1:1 uses yet: the organizer is offered the form that makes it one.
    const chatId = `19:meeting_phone${Date.now()}@thread.v2`;
    const other = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%7d`;
    const config = demoAppointment({ mode: 'compose', role: 'organizer', start, attendee: casey, joinUrl: other });
    const page = await open('taskpane.html', config, PHONE);
    await page.getByRole('heading', { name: 'Not a Tandem 1:1 yet' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'outlook-phone-375-link.png'), fullPage: true });
  });
});

describe('event-based activation (launch.html)', () => {
  const fire = (page: Page, actionId: string) =>
    page.evaluate(
      (id) =>
        (
          globalThis as unknown as { __tandemFakeOfficeLaunch: (a: string) => Promise<boolean> }
        ).__tandemFakeOfficeLaunch(id),
      actionId,
    );
  const notifications = async (page: Page) =>
    (
      await page.evaluate(
        () => (globalThis as unknown as { __tandemFakeOfficeState: FakeAppointmentState }).__tandemFakeOfficeState,
      )
    ).notifications ?? {};

  it('offers a Tandem 1:1 when the organizer invites one direct report, and nothing for anyone else', async () => {
    const blakeOnly = demoAppointment({ mode: 'compose', role: 'organizer', start });
    const page = await open('launch.html', { ...blakeOnly, subject: '', body: '' }, { width: 400, height: 300 });
    expect(await fire(page, 'onNewAppointmentOrganizer')).toBe(true);
    const offer = (await notifications(page)).tandemOneOnOne;
    expect(offer?.message).toContain('Blake Diaz');
    expect(offer?.actions?.[0]).toMatchObject({ actionType: 'showTaskPane', commandId: 'openAgenda' });

    const devon = { displayName: 'Devon Park', emailAddress: 'devon@tandem.example' };
    const other = demoAppointment({ mode: 'compose', role: 'organizer', start, attendee: devon });
    const second = await open('launch.html', { ...other, subject: '', body: '' }, { width: 400, height: 300 });
    expect(await fire(second, 'onAppointmentAttendeesChanged')).toBe(true);
    expect(await notifications(second)).toEqual({});
  });
});
