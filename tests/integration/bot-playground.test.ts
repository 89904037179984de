import { FixedClock } from '../../core/clock';
import {
  AgentsPlayground,
  contentOf,
  freePort,
  playgroundServiceUrls,
  type PlaygroundMessage,
} from '../support/agents-playground';
import { jobsCaughtUp, startInProcess, type InProcessTandem } from '../support/in-process';
import { TandemClient } from '../support/tandem-client';

jest.setTimeout(90_000);

// Monday 08:00 UTC: the seeded avery–blake 1:1 is tomorrow 10:00 (server/seed-demo.ts).
const START = new Date('2026-11-23T08:00:00Z');
const PAIR = 'avery-blake';
const SESSION = '20261124T100000Z';
const PRIVATE = 'PRIVATE-e2e-note';

/**
 * End to end with the Microsoft 365 Agents Playground as the Teams client (its user-id-0 is Blake). The
 * service runs in this process on a simulated clock, so "24 h before" and "after the meeting" are instant.
 */
describe('the bot in the Agents Playground', () => {
  const clock = new FixedClock(START);
  let port: number;
  let playgroundPort: number;
  let server: InProcessTandem;
  let playground: AgentsPlayground;
  const env = () => ({
    PORT: String(port),
    TANDEM_BOT_IDENTITIES: 'user-id-0=blake',
    TANDEM_JOB_POLL_MS: '50',
    TANDEM_BOT_SERVICE_URLS: playgroundServiceUrls(playgroundPort),
  });
  const has = (m: PlaygroundMessage, fragment: string) => contentOf(m).includes(fragment);
  // The Playground keeps no activity summary: tell the cards apart by what they hold.
  const prompts = () => playground.messages.filter((m) => has(m, 'tandem.nothingFromMe'));
  const recaps = () => playground.messages.filter((m) => has(m, 'Recap:'));

  beforeAll(async () => {
    port = await freePort();
    playgroundPort = await freePort();
    server = await startInProcess('bot-e2e', { env: env(), clock });
    // Blake's seeded topic is already on the agenda, which by default spares Blake the prompt: this test follows it.
    await server.tandem.useCases.attention.update('blake', { skipWhenMyTopics: false });
    playground = await AgentsPlayground.start(
      `http://127.0.0.1:${port}/api/messages`,
      'personal-e2e',
      30_000,
      playgroundPort,
    );
  });

  afterAll(async () => {
    await playground?.stop();
    await server?.close();
  });

  test('install → prompt → topic from the card → restart → meetingEnd → one recap without private notes', async () => {
    await playground.sendActivity({ type: 'installationUpdate', action: 'add' });
    await playground.say('help');
    await playground.waitFor((all) => all.some((m) => has(m, 'add** *topic*')));

    clock.set(new Date('2026-11-23T10:00:30Z')); // 24 h before the session
    await playground.waitFor(() => prompts().length === 1);
    const prompt = prompts()[0]!;
    expect(has(prompt, 'Promotion timeline')).toBe(true);

    await playground.execute(prompt, 'tandem.addTopic', { pairId: PAIR, sessionId: SESSION, topic: 'Learning budget' });
    const blake = await TandemClient.signIn(server.url, 'blake');
    const agenda = await blake.getJson<{ sections: Array<{ topics: Array<{ title: string; authorId: string }> }> }>(
      `/api/pairs/${PAIR}/sessions/${SESSION}`,
    );
    const added = agenda.sections.flatMap((s) => s.topics).find((t) => t.title === 'Learning budget');
    expect(added?.authorId).toBe('blake');

    // A restart between the prompt and the recap.
    await server.tandem.close();
    server = await startInProcess('bot-e2e', { env: env(), clock, dataDir: server.dataDir });
    const uc = server.tandem.useCases;
    clock.set(new Date('2026-11-24T10:10:00Z'));
    await uc.sessions.addNote('blake', PAIR, SESSION, { text: 'Budget approved in principle', private: false });
    await uc.sessions.addNote('blake', PAIR, SESSION, { text: PRIVATE, private: true });
    await uc.commitments.addActionItem('avery', PAIR, {
      text: 'Send the course list',
      ownerId: 'avery',
      due: '2026-12-01',
      sessionId: SESSION,
    });

    clock.set(new Date('2026-11-24T10:25:00Z'));
    const chatId = (await uc.pairs.summary('blake', PAIR))!.chatId!;
    await playground.sendActivity({
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
      value: {
        Id: 'meeting-1',
        MeetingType: 'Scheduled',
        JoinUrl: 'https://teams.example/join',
        Title: '1:1',
        EndTime: clock.now().toISOString(),
      },
    });
    await playground.waitFor(() => recaps().length === 1);
    clock.set(new Date('2026-11-24T11:00:00Z')); // past the scheduled end plus the grace period
    await jobsCaughtUp(server.tandem);

    expect(recaps()).toHaveLength(1);
    const recap = recaps()[0]!;
    expect(has(recap, 'Budget approved in principle')).toBe(true);
    expect(has(recap, 'Send the course list')).toBe(true);
    expect(has(recap, 'Learning budget')).toBe(true);
    expect(playground.messages.some((m) => has(m, PRIVATE))).toBe(false);
    expect(prompts()).toHaveLength(1);
  });
});
