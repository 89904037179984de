import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { jsonOf, TandemClient } from '../support/tandem-client';
import type { AgendaView } from '../../core/model/agenda-view';
import type { Me } from '../../core/use-cases/pairs';
import { BROWSER_TEST_MS, eventually, seriousViolations } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

let harness: TabHarness;
let blake: TandemClient;
let sessionPath: string;

beforeAll(async () => {
  harness = await TabHarness.start('tab');
  blake = await TandemClient.signIn(harness.server.url, 'blake');
  const me = jsonOf<Me>(await blake.request('GET', '/api/me'));
  const pair = me.pairs.find((p) => p.id === 'avery-blake')!;
  sessionPath = `/api/pairs/${pair.id}/sessions/${pair.nextSession!.id}`;
});

afterEach(async () => {
  await harness?.closeContexts();
});

afterAll(async () => {
  await harness?.stop();
});

const agenda = async () => jsonOf<AgendaView>(await blake.request('GET', sessionPath));
const topicTitles = async () => (await agenda()).sections.flatMap((s) => s.topics.map((t) => t.title));
const tab = (page: Page): FrameLocator => page.frameLocator('#frame');

describe('the tab in a browser (embedded mode)', () => {
  it('asks who you are, then shows your 1:1s and the next agenda', async () => {
    const context = await harness.context();
    const page = await context.newPage();
    await page.goto(`${harness.server.url}/tab/`);
    await page.getByRole('radio', { name: /Blake Diaz/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    await page.getByRole('navigation', { name: 'My 1:1s' }).getByText('Avery Chen').waitFor();
    expect(await page.getByText(/Carried over from/).count()).toBeGreaterThan(0);
    // Remembered: a reload goes straight to the agenda.
    await page.reload();
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
  });

  it('takes a keyboard-only path through adding a topic and checking it off', async () => {
    const page = await harness.standalone('blake', { width: 320, view: 'panel' });
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    const field = page.getByRole('textbox', { name: 'New topic' }).and(page.locator(':focus'));
    // Past Now discussing and the folded headings before Topics.
    for (let i = 0; i < 30 && (await field.count()) === 0; i++) await page.keyboard.press('Tab');
    expect(await field.count()).toBe(1);
    await page.keyboard.type('Keyboard topic');
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'Keyboard topic' }).waitFor();
    await eventually(async () => expect(await topicTitles()).toContain('Keyboard topic'));
    // On to its checkbox with Tab only, then Space.
    const checkbox = page.getByRole('checkbox', { name: 'Keyboard topic' }).and(page.locator(':focus'));
    for (let i = 0; i < 40 && (await checkbox.count()) === 0; i++) await page.keyboard.press('Tab');
    expect(await checkbox.count()).toBe(1);
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Keyboard topic', checked: true }).waitFor();
    await eventually(async () => {
      const stored = (await agenda()).sections.flatMap((s) => s.topics).find((t) => t.title === 'Keyboard topic');
      expect(stored?.discussed).toBe(true);
    });
  });

  it('renders a topic titled with an HTML/script payload as text', async () => {
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await blake.request('POST', `${sessionPath}/topics`, { body: { title: payload } });
    const page = await harness.standalone('avery', { view: 'panel', width: 320 });
    await page.getByText(payload, { exact: true }).waitFor();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
  });
});

describe('the tab in a Teams meeting (fake host)', () => {
  it('finds the 1:1 from the meeting chat, uses SSO and follows a live theme change', async () => {
    const page = await harness.inTeams('avery');
    await tab(page).getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();
    const requests = await page.evaluate('window.teamsHost.requests');
    expect(requests).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'meeting.getMeetingDetails', 'authentication.getAuthToken']),
    );
    const theme = () => page.frames()[1]!.evaluate('document.documentElement.dataset.theme');
    expect(await theme()).toBe('default');
    await page.evaluate("window.teamsHost.setTheme('dark')");
    await eventually(async () => expect(await theme()).toBe('dark'));
  });

  it('waits for a slow Teams (initialize answered after 6 s), saying so, and never shows the demo-user picker', async () => {
    const context = await harness.context();
    // In every frame: remember whether the picker was ever on screen, however briefly.
    await context.addInitScript(`
      new MutationObserver(() => {
        if (document.body && document.body.textContent.includes('Choose a demo user')) window.sawPicker = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    `);
    const page = await context.newPage();
    await page.goto(`${harness.host.url}/teams-host/index.html?user=avery&initializeDelayMs=6000`);
    await tab(page).getByText('Connecting to Microsoft Teams…').waitFor();
    await tab(page).getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor({ timeout: 30_000 });
    expect(await page.frames()[1]!.evaluate('window.sawPicker')).toBeUndefined();
  });

  it("opens the occurrence the meeting is (by its scheduled start), e.g. last week's held one", async () => {
    const { sessions } = jsonOf<{ sessions: Array<{ id: string; start: string; status: string }> }>(
      await blake.request('GET', '/api/pairs/avery-blake/sessions'),
    );
    // Last week's (the demo also has the quarter before it, held).
    const held = sessions.filter((x) => x.status === 'held').sort((a, b) => b.start.localeCompare(a.start))[0]!;
    const page = await harness.inTeams('blake', { meetingStart: held.start });
    await tab(page).getByText('Held', { exact: true }).waitFor();
    await tab(page).getByRole('list', { name: 'Topics topics' }).getByText('Feedback on my design review').waitFor();
    // After the meeting the tab shows its recap (what the bot posts).
    await tab(page).getByTestId('recap').getByText('Feedback on my design review').waitFor();
    expect(await tab(page).getByRole('textbox', { name: 'New topic' }).count()).toBe(0);
  });

  it("serves the configurable tab's configuration page and marks it valid for saving", async () => {
    const page = await harness.inTeams('avery', { frameContext: 'settings' });
    await tab(page).getByRole('heading', { name: 'Add Tandem to this meeting' }).waitFor();
    const requests = async () => (await page.evaluate('window.teamsHost.requests')) as string[];
    await eventually(async () =>
      expect(await requests()).toEqual(expect.arrayContaining(['settings.setValidityState'])),
    );
  });

  it("shows each person the other one's changes live, without a reload", async () => {
    const averyPage = await harness.inTeams('avery');
    const blakePage = await harness.inTeams('blake');
    const averyTab = tab(averyPage);
    const blakeTab = tab(blakePage);
    await averyTab.getByText('Live', { exact: true }).waitFor();
    await blakeTab.getByText('Live', { exact: true }).waitFor();
    await averyTab.getByRole('textbox', { name: 'New topic' }).fill('Team offsite plans');
    await averyTab.getByRole('button', { name: 'Add topic' }).click();
    await blakeTab.getByRole('checkbox', { name: 'Team offsite plans' }).waitFor();
    await blakeTab.getByRole('checkbox', { name: 'Team offsite plans' }).check();
    await averyTab.getByRole('checkbox', { name: 'Team offsite plans', checked: true }).waitFor();
    await blakeTab.getByRole('status').filter({ hasText: 'Avery Chen updated the topics' }).waitFor();
  });

  it('has no serious or critical accessibility violations, light and dark, narrow and wide', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const panel = await harness.standalone('blake', { view: 'panel', width: 320, theme });
      await panel.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
      expect(await seriousViolations(panel)).toEqual([]);
      const wide = await harness.standalone('avery', { view: 'wide', width: 1280, theme });
      await wide.getByRole('heading', { name: /1:1 with/ }).waitFor();
      expect(await seriousViolations(wide)).toEqual([]);
    }
  });
});

describe('conflicts and lost connections', () => {
  it('never drops text when the same topic is edited in two windows: both versions are shown, mine can win', async () => {
    const added = jsonOf<{ id: string }>(
      await blake.request('POST', `${sessionPath}/topics`, { body: { title: 'Salary review' } }),
    );
    const [laptop, phone] = [
      await harness.standalone('blake', { view: 'panel', width: 320 }),
      await harness.standalone('blake', { view: 'panel', width: 320 }),
    ];
    for (const page of [laptop, phone]) {
      await page.getByRole('button', { name: 'More actions for Salary review' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      // Both windows are editing before either saves: the conflict is the point of the test.
      await page.getByRole('textbox', { name: 'Topic title' }).waitFor();
    }
    await laptop.getByRole('textbox', { name: 'Topic title' }).fill('Salary review (laptop)');
    await laptop.getByRole('button', { name: 'Save', exact: true }).click();
    await laptop.getByRole('checkbox', { name: 'Salary review (laptop)' }).waitFor();
    await phone.getByRole('textbox', { name: 'Topic title' }).fill('Salary review (phone)');
    await phone.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = phone.getByRole('alertdialog');
    await dialog.getByText('Salary review (laptop)').waitFor();
    await dialog.getByText('Salary review (phone)').waitFor();
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await eventually(async () => {
      const stored = (await agenda()).sections.flatMap((x) => x.topics).find((t) => t.id === added.id);
      expect(stored?.title).toBe('Salary review (phone)');
    });
    await laptop.getByRole('checkbox', { name: 'Salary review (phone)' }).waitFor();
  });

  it('keeps the screen current by refreshing when the live stream cannot connect', async () => {
    const context = await harness.context({ width: 320 });
    await context.route('**/events?**', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${harness.server.url}/tab/?user=blake&view=panel`);
    await page.getByText('Reconnecting…').waitFor();
    // The other person adds a topic meanwhile.
    const avery = await TandemClient.signIn(harness.server.url, 'avery');
    await avery.request('POST', `${sessionPath}/topics`, { body: { title: 'Added while the stream was down' } });
    await page.getByRole('checkbox', { name: 'Added while the stream was down' }).waitFor();
  });
});

describe('screenshots (kept in test-artifacts/tab)', () => {
  it.each([
    [320, 'light', 'panel'],
    [320, 'dark', 'panel'],
    [1280, 'light', 'wide'],
    [1280, 'dark', 'wide'],
  ] as const)('%i px, %s', async (width, theme, view) => {
    const page = await harness.standalone('blake', { width, theme, view });
    await page.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    const file = path.join(ARTIFACTS, `tab-${width}-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const inTeams = await harness.inTeams('blake', { theme, width: width === 320 ? 900 : 1280 });
    await tab(inTeams).getByText('Live', { exact: true }).waitFor();
    await inTeams.screenshot({ path: path.join(ARTIFACTS, `teams-side-panel-${width}-${theme}.png`) });
  });
});

describe('the wide tab (personal tab)', () => {
  it('lets a manager start a 1:1 with a report (warned of the one they have), which then shows with its next session', async () => {
    const page = await harness.standalone('avery');
    await page.getByRole('tab', { name: 'New 1:1' }).click();
    await page.getByRole('combobox', { name: 'Report' }).selectOption('casey');
    await page.getByRole('combobox', { name: 'Cadence' }).selectOption('biweekly');
    await page.getByRole('combobox', { name: 'Weekday' }).selectOption('TH');
    await page.getByRole('button', { name: 'Create the 1:1 and schedule it' }).click();
    // Avery already has a 1:1 with Casey: the form says so before making a second one.
    await page.getByText('You already have a 1:1 with Casey Ng.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Create another anyway' }).click();
    await page.getByText(/1:1 with Casey Ng scheduled from \w{3} \d{1,2}, \d{4} at 10:00/).waitFor();
    const avery = await TandemClient.signIn(harness.server.url, 'avery');
    const me = jsonOf<Me>(await avery.request('GET', '/api/me'));
    const created = me.pairs.filter((p) => p.other.id === 'casey' && p.cadence.frequency === 'biweekly');
    expect(created.map((p) => new Date(`${p.cadence.startDate}T12:00:00Z`).getUTCDay())).toContain(4);
    expect(created.every((p) => p.nextSession !== undefined)).toBe(true);
  });

  it('searches the history and shows feedback both ways and the manager the health view', async () => {
    const page = await harness.standalone('avery');
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Design review went well', { exact: false }).waitFor();
    await page.getByRole('searchbox', { name: 'Search past sessions' }).fill('no such words anywhere');
    await page.getByText('0 sessions').waitFor();
    await page.getByRole('searchbox', { name: 'Search past sessions' }).fill('reorg');
    await page.getByText(/Feedback from Blake Diaz to Avery Chen/).waitFor();
    await page.getByRole('tab', { name: 'Meeting health' }).click();
    await page.getByRole('meter', { name: 'Cadence kept' }).first().waitFor();
    await page.getByText(/only when at least 3 different people rated in it/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wide-health-1280-light.png'), fullPage: true });
  });

  it('shows a report no health view and no New 1:1, and their action items across 1:1s', async () => {
    const page = await harness.standalone('blake');
    await page.getByRole('tab', { name: 'Action items' }).click();
    await page
      .getByRole('list', { name: 'Theirs: open action items' })
      .getByText('Ask finance about the conference budget')
      .waitFor();
    expect(await page.getByRole('tab', { name: 'Meeting health' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'New 1:1' }).count()).toBe(0);
  });
});

describe('scheduling from the tab (runs last: it skips the session the other tests use)', () => {
  it('lets the organizer skip the next occurrence; its open topics follow to the next one', async () => {
    const before = jsonOf<Me>(await blake.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
    const page = await harness.standalone('avery');
    await page.getByRole('button', { name: 'Blake Diaz', exact: true }).click();
    await page
      .getByRole('button', { name: /^Skip the meeting of/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Skip meeting' }).click();
    await page.getByText(/^Skipped the meeting of .*: its open topics carry to the next meeting\.$/).waitFor();
    const after = jsonOf<Me>(await blake.request('GET', '/api/me')).pairs.find((p) => p.id === 'avery-blake')!;
    expect(after.nextSession!.start > before.nextSession!.start).toBe(true);
    const next = jsonOf<AgendaView>(
      await blake.request('GET', `/api/pairs/avery-blake/sessions/${after.nextSession!.id}`),
    );
    expect(next.sections.flatMap((s) => s.topics.map((t) => t.title))).toContain('Conference budget for next year');
  });
});
