import { AgentsPlayground, contentOf, freePort, playgroundServiceUrls } from '../support/agents-playground';
import { PAIR, sessionPath } from '../support/demo';
import { jsonOf, TandemClient, type MeView } from '../support/tandem-client';
import { BROWSER_TEST_MS, eventually, HEAVY_MS, seriousViolations, STEP_MS } from './assertions';
import { ARTIFACTS, TabHarness } from './tab-harness';

jest.setTimeout(BROWSER_TEST_MS);

/**
 * The newcomer's first five minutes: `npm start`, open http://localhost:3978/, and with the Agents Playground
 * beside the service see a topic added in the Outlook invite appear in the Teams meeting, then the recap
 * arrive in the chat once the meeting ends. The real built service, Debian's Chromium, the real Playground.
 */
describe('the local sandbox at /', () => {
  let harness: TabHarness;
  let playground: AgentsPlayground;

  beforeAll(async () => {
    const playgroundPort = await freePort();
    harness = await TabHarness.start('sandbox', { TANDEM_BOT_SERVICE_URLS: playgroundServiceUrls(playgroundPort) });
    playground = await AgentsPlayground.start(
      `${harness.server.url}/api/messages`,
      'personal-e2e',
      HEAVY_MS,
      playgroundPort,
    );
    // Blake installs the app in the Playground (its user-id-0 is Blake in embedded mode).
    await playground.sendActivity({ type: 'installationUpdate', action: 'add' });
  });

  afterAll(async () => {
    await playground?.stop();
    await harness?.stop();
  });

  it('shows Outlook, Teams and the bot chat; a topic from Outlook reaches Teams live; ending sends the recap once and twice ends nothing else', async () => {
    const page = await (await harness.context({ width: 1600, height: 1000 })).newPage();
    await page.goto(`${harness.server.url}/?playground=${encodeURIComponent(playground.url)}`);
    expect(new URL(page.url()).pathname).toBe('/sandbox/');

    // The chat pane frames the Playground's own page.
    expect(await page.locator('#chat').getAttribute('src')).toBe(playground.url);
    await page.frameLocator('#chat').locator('#root').waitFor({ state: 'attached' });

    // Teams: Avery's meeting side panel, in the fake Teams host framing the real tab.
    const teams = page.frameLocator('#teams').frameLocator('#frame');
    await teams.getByRole('heading', { name: '1:1 with Blake Diaz' }).waitFor();

    // Outlook: Blake, an attendee reading the invite, adds a topic in Tandem's task pane.
    const outlook = page.frameLocator('#outlook');
    await outlook.getByRole('radio', { name: 'The attendee (Blake)' }).check();
    await outlook.getByRole('heading', { name: '1:1 with Avery Chen' }).waitFor();
    await outlook.getByRole('textbox', { name: 'New topic' }).fill('Raised in the sandbox');
    await outlook.getByRole('button', { name: 'Add topic' }).click();

    // It shows in Avery's Teams meeting without a reload.
    await teams.getByRole('checkbox', { name: 'Raised in the sandbox' }).waitFor();

    // End the meeting: the recap, carrying the topic, arrives in Blake's chat with the bot, once.
    await page.getByRole('button', { name: 'End the meeting' }).click();
    await page.getByText('Meeting ended: the recap is on its way to the chat.').waitFor();
    const recaps = () => playground.messages.filter((m) => contentOf(m).includes('Recap:'));
    await playground.waitFor(() => recaps().length === 1, STEP_MS);
    // …and the Playground's page in the chat pane shows it.
    await page.frameLocator('#chat').getByText('Recap:').first().waitFor();
    expect(contentOf(recaps()[0]!)).toContain('Raised in the sandbox');
    // Ending it a second time ends nothing else: next week's meeting stays upcoming, and no second recap.
    const blake = await TandemClient.signIn(harness.server.url, 'blake');
    const ended = (await blake.getJson<MeView>('/api/me')).pairs.find((p) => p.id === PAIR)!.nextSession!;
    await page.getByRole('button', { name: 'End the meeting' }).click();
    await page.getByText('This meeting has already ended: the recap went to the chat.').waitFor();
    const after = (await blake.getJson<MeView>('/api/me')).pairs.find((p) => p.id === PAIR)!.nextSession!;
    expect(after).toEqual(ended);
    expect(after.status).toBe('upcoming');
    expect(jsonOf<{ status: string }>(await blake.get(sessionPath(after.id))).status).toBe('upcoming');
    // Once: a message Blake sends after the end is answered after anything the end made the bot send.
    await playground.say('help');
    await playground.waitFor((messages) => messages.some((m) => contentOf(m).includes('this message')), STEP_MS);
    expect(recaps()).toHaveLength(1);

    await page.screenshot({ path: `${ARTIFACTS}/sandbox-1600.png` });
    await eventually(async () => expect(await seriousViolations(page, 'header')).toEqual([]));
  });
});
