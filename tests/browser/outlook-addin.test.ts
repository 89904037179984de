import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { AgendaView } from '../../core/model/agenda-view';
import type { Me } from '../../core/use-cases/pairs';
import type { FakeAppointmentConfig, FakeAppointmentState } from '../../outlook-addin/sandbox/fake-office';
import { demoAppointment, teamsMeetingBlock } from '../../outlook-addin/sandbox/demo-appointment';
import { repoRoot } from '../support/server-process';
import { jsonOf, TandemClient } from '../support/tandem-client';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

const FAKE_OFFICE = path.join(repoRoot(), 'dist', 'web', 'outlook-addin', 'fake-office.js');

let harness: TabHarness;
let avery: TandemClient;
let blake: TandemClient;
let joinUrl: string;
let start: string;
let sessionPath: string;

beforeAll(async () => {
  harness = await TabHarness.start('outlook-addin');
  if (!fs.existsSync(FAKE_OFFICE)) throw new Error(`${FAKE_OFFICE} is missing: run npm run build:web`);
  avery = await TandemClient.signIn(harness.server.url, 'avery');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
  const pair = jsonOf<Me>(await avery.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
  joinUrl = pair.joinUrl!;
  start = pair.nextSession!.start;
  sessionPath = `/api/pairs/${pair.id}/sessions/${pair.nextSession!.id}`;
});

afterAll(async () => {
  await harness?.stop();
});

const topicTitles = async (client: TandemClient) =>
  jsonOf<AgendaView>(await client.request('GET', sessionPath)).sections.flatMap((s) => s.topics.map((t) => t.title));

/**
 * The production task pane (taskpane.html, which loads Office.js from Microsoft's CDN) with `office.js`
 * routed to the fake, playing Outlook for the given appointment.
 */
async function openTaskPane(
  appointment: Partial<FakeAppointmentConfig> & Pick<FakeAppointmentConfig, 'mode'>,
  prepare?: (context: BrowserContext) => Promise<unknown>,
) {
  const role = appointment.mode === 'read' && !appointment.user ? 'attendee' : 'organizer';
  const config = { ...demoAppointment({ mode: appointment.mode, role, start, joinUrl }), ...appointment };
  const context = await harness.context({ width: 360, height: 900 });
  await prepare?.(context);
  await context.route('**/office.js', (route) => route.fulfill({ path: FAKE_OFFICE, contentType: 'text/javascript' }));
  await context.addInitScript((c) => {
    (globalThis as unknown as { __tandemFakeOffice: unknown }).__tandemFakeOffice = c;
  }, config);
  const page = await context.newPage();
  await page.goto(`${harness.server.url}/outlook-addin/taskpane.html`);
  return page;
}

const itemState = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { __tandemFakeOfficeState: FakeAppointmentState }).__tandemFakeOfficeState,
  );

describe('the Outlook add-in task pane', () => {
  it("the attendee adds a topic: it is saved to Tandem and shows in the organizer's Teams tab", async () => {
    const tab = await harness.standalone('avery', { width: 360, view: 'panel' });
    await tab.getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    const page = await openTaskPane({ mode: 'read' });
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    await page.getByText('Your topics are saved to Tandem').waitFor();
    expect(await page.getByRole('button', { name: 'Insert agenda into invite' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'New topic' }).fill('Raised from Outlook');
    await page.getByRole('button', { name: 'Add topic' }).click();

    await eventually(async () => expect(await topicTitles(avery)).toContain('Raised from Outlook'));
    await tab.getByRole('checkbox', { name: 'Raised from Outlook' }).waitFor();
    // The attendee's copy of the invite was never written to.
    expect((await itemState(page)).calls).not.toEqual(expect.arrayContaining(['body.set', 'body.prepend']));
  });

  it('the organizer inserts the agenda twice: one block, the Teams block untouched, one attachment', async () => {
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: 'Inserted into the invite' } });
    const page = await openTaskPane({ mode: 'compose' });
    const insert = page.getByRole('button', { name: 'Insert agenda into invite' });
    await insert.click();
    await page.getByText(/Agenda inserted into the invite and attached/).waitFor();
    await insert.click();
    await page.getByText(/Agenda updated in the invite and attached/).waitFor();

    const state = await itemState(page);
    expect(state.body.match(/id="tandem-agenda"/g)).toHaveLength(1);
    expect(state.body).toContain('Inserted into the invite');
    expect(state.body).toContain(teamsMeetingBlock(joinUrl));
    expect(state.body.indexOf('tandem-agenda')).toBeLessThan(state.body.indexOf('Microsoft Teams meeting'));
    expect(state.attachments.map((a) => a.name)).toEqual([`tandem-agenda-${start.slice(0, 10)}.html`]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'outlook-organizer.png'), fullPage: true });
  });

  it('keeps a topic titled with a script payload inert in the inserted HTML and the attachment', async () => {
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: payload } });
    const page = await openTaskPane({ mode: 'compose' });
    await page.getByText(payload, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Insert agenda into invite' }).click();
    await page.getByText(/Agenda inserted/).waitFor();
    const state = await itemState(page);
    const attachment = Buffer.from(state.attachments[0]!.base64, 'base64').toString('utf8');

    // Rendered as Outlook would render the body and the attached file: the payload is text, nothing runs.
    for (const html of [state.body, attachment]) {
      const viewer = await (await harness.context()).newPage();
      await viewer.setContent(html);
      await viewer.getByText(payload).waitFor();
      expect(await viewer.locator('script, img').count()).toBe(0);
      expect(await viewer.evaluate('window.__pwned')).toBeUndefined();
    }
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  });

  it('turns a host failure into a clear message and loses nothing typed', async () => {
    const page = await openTaskPane({ mode: 'compose', failures: { 'body.get': 'The mailbox is offline.' } });
    // Reading the invite fails before anything else: the pane says so instead of spinning.
    await page.getByText('Outlook could not read the invite body: The mailbox is offline.').waitFor();

    const failing = await openTaskPane({ mode: 'compose', failures: { 'body.prepend': 'The body is locked.' } });
    const field = failing.getByRole('textbox', { name: 'New topic' });
    await field.fill('Half-typed thought');
    await failing.getByRole('button', { name: 'Insert agenda into invite' }).click();
    await failing.getByText('Outlook could not add to the invite body: The body is locked.').waitFor();
    expect(await field.inputValue()).toBe('Half-typed thought');
    expect((await itemState(failing)).body).not.toContain('tandem-agenda');
  });

  it('names the requirement set an older Outlook lacks, and still puts the agenda in the body', async () => {
    const page = await openTaskPane({ mode: 'compose', mailboxVersion: '1.5' });
    await page.getByRole('button', { name: 'Insert agenda into invite' }).click();
    await page.getByText('Agenda inserted into the invite. This Outlook cannot attach files (Mailbox 1.8).').waitFor();
    expect((await itemState(page)).attachments).toEqual([]);
  });

  it('shows only what belongs in an invite: topics, who raised them, open or discussed, and the way to Teams', async () => {
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: 'Shown open in the invite' } });
    const page = await openTaskPane({ mode: 'read' });
    const open = page.getByTestId('invite-topic').filter({ hasText: 'Shown open in the invite' });
    await open.waitFor();
    expect(await open.textContent()).toContain('Open · raised by Blake Diaz');
    const link = page.getByRole('link', { name: 'Open the full agenda in Teams' });
    expect(await link.getAttribute('href')).toContain('/tab/?view=panel&chatId=');
    // Check-in, notes, feedback and the rating stay in Teams.
    for (const name of ['Check-in & wins', 'Notes', 'Feedback', 'Rating'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
  });

  it("shows the invite's topics from its look-up, with no read of the agenda before them", async () => {
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: 'Shown from the look-up' } });
    // Every read of the agenda itself is held, never answered: before, the pane waited for one.
    const held: Route[] = [];
    const page = await openTaskPane({ mode: 'read' }, (context) =>
      context.route(
        (url) => url.pathname === sessionPath,
        (route) => void held.push(route),
      ),
    );
    await page.getByTestId('invite-topic').filter({ hasText: 'Shown from the look-up' }).waitFor();
  });

  it('says so for an occurrence Tandem has no session at, and never inserts another date’s agenda', async () => {
    // Two days after the next meeting of a weekly 1:1: an occurrence moved in Outlook alone, or made up.
    const elsewhere = new Date(Date.parse(start) + 2 * 86_400_000).toISOString();
    const page = await openTaskPane({ mode: 'compose', start: elsewhere });
    await page.getByText('This 1:1 has no session at this time.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Insert agenda into invite' }).count()).toBe(0);
    expect((await itemState(page)).body).not.toContain('tandem-agenda');
  });

  it('says a skipped occurrence is skipped and offers nothing to insert', async () => {
    const { sessions } = jsonOf<{ sessions: Array<{ id: string; start: string; status: string }> }>(
      await avery.request('GET', '/api/pairs/avery-blake/sessions'),
    );
    const later = sessions.filter((s) => s.status === 'upcoming' && Date.parse(s.start) > Date.parse(start))[2]!;
    await avery.request('POST', `/api/pairs/avery-blake/sessions/${later.id}/skip`);
    const page = await openTaskPane({ mode: 'compose', start: later.start });
    await page.getByText('This occurrence of the 1:1 is skipped: there is no agenda for it.').waitFor();
    expect(await page.getByRole('button', { name: 'Insert agenda into invite' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'New topic' }).count()).toBe(0);
  });

  it('has no serious or critical accessibility violations, as organizer and as attendee', async () => {
    for (const mode of ['compose', 'read'] as const) {
      const page = await openTaskPane({ mode });
      await page.getByRole('heading', { name: /^1:1 with/ }).waitFor();
      if (mode === 'compose') {
        await page.getByRole('button', { name: 'Insert agenda into invite' }).click();
        await page.getByText(/Agenda (inserted|updated)/).waitFor();
      }
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});

describe('the embedded-mode sandbox', () => {
  it('makes an ordinary event a 1:1 with a direct report, then shows its agenda; no axe violations', async () => {
    const page = await (await harness.context({ width: 1280 })).newPage();
    await page.goto(`${harness.server.url}/outlook-addin/sandbox.html`);
    await page.getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'An ordinary event with Casey' }).check();
    await page.getByRole('heading', { name: 'Not a Tandem 1:1 yet' }).waitFor();
    // The report the event invites is preselected: one click links Casey's meeting to a 1:1 with Casey.
    const report = page.getByRole('combobox', { name: 'Your direct report' });
    await eventually(async () => expect(await report.inputValue()).toBe('casey'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Make this a Tandem 1:1' }).click();
    // Avery already has a 1:1 with Casey: the pane says so in words, and the organizer chooses a second one.
    await page.getByText('You already have a 1:1 with this person.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Make another 1:1 anyway' }).click();
    await page.getByRole('heading', { name: '1:1 with Casey Ng' }).waitFor();

    // Casey, the attendee, now finds the same 1:1 from the same invite.
    await page.getByRole('radio', { name: 'The attendee (Casey)' }).check();
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'outlook-sandbox.png'), fullPage: true });
  });
});
