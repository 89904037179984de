import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FixedClock } from '../../core/clock';
import { JobRunner } from '../../server/jobs/job-runner';
import { BOT_ACCOUNT, useBotServer } from '../support/bot-server';
import { jobsCaughtUp } from '../support/in-process';
import { textOf } from '../support/local-connector';

jest.setTimeout(30_000);

// Monday 08:00 UTC: the seeded avery–blake 1:1 is tomorrow 10:00 (server/seed-demo.ts).
const START = new Date('2026-11-23T08:00:00Z');
const NEXT_SESSION = '20261124T100000Z';
const PRIVATE = 'PRIVATE-do-not-share';
const env = {
  TANDEM_BOT_IDENTITIES: 'teams-avery=avery,teams-blake=blake',
  TANDEM_JOB_POLL_MS: '50',
};
const users = { avery: { id: 'teams-avery', name: 'Avery' }, blake: { id: 'teams-blake', name: 'Blake' } };

describe('the bot over HTTP, with a local Bot Connector receiving its messages', () => {
  const clock = new FixedClock(START);
  const server = useBotServer('bot-http', { env, clock });
  const { connector } = server;
  let chatId: string;

  const personal = (user: keyof typeof users) => ({
    from: users[user],
    conversation: { id: `personal-${user}`, conversationType: 'personal' },
  });
  const inMeetingChat = (user: keyof typeof users) => ({
    from: users[user],
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
  });
  const recapsIn = (conversationId: string) => connector.withSummary(conversationId, 'Your 1:1 recap');
  const promptsTo = (user: string) => connector.withSummary(`personal-${user}`, 'Topics for your next 1:1?');
  const said = (conversationId: string, fragment: string) =>
    connector.textsTo(conversationId).some((t) => t.includes(fragment));

  beforeAll(async () => {
    chatId = (await server.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
    // Blake's seeded topic is already on the agenda, which by default spares Blake the prompt: this test follows it.
    await server.tandem.useCases.attention.update('blake', { skipWhenMyTopics: false });
  });

  test('install: the bot greets each person in personal chat and in the meeting chat', async () => {
    for (const user of ['avery', 'blake'] as const) {
      const res = await server.post({ type: 'conversationUpdate', membersAdded: [BOT_ACCOUNT], ...personal(user) });
      expect(res.status).toBe(200);
    }
    await server.post({ type: 'conversationUpdate', membersAdded: [BOT_ACCOUNT], ...inMeetingChat('avery') });
    await connector.waitFor(() => ['personal-avery', 'personal-blake', chatId].every((c) => said(c, 'I help you')));
  });

  test('commands: add a topic, see the agenda, actions, help and a friendly answer to anything else', async () => {
    await server.post({ type: 'message', text: 'add Career growth [plan](http://evil)', ...personal('blake') });
    await server.post({ type: 'message', text: 'agenda', ...personal('blake') });
    await server.post({ type: 'message', text: 'actions', ...personal('avery') });
    await server.post({ type: 'message', text: 'what is the weather', ...personal('blake') });
    await connector.waitFor(
      () =>
        said('personal-blake', 'didn’t catch that') &&
        connector.textsTo('personal-avery').some((t) => /^Your (\d+ )?open action items?:/.test(t)),
    );

    const agenda = await server.tandem.useCases.sessions.agenda('blake', 'avery-blake', NEXT_SESSION);
    expect(agenda.sections.flatMap((s) => s.topics.map((t) => t.title))).toContain('Career growth [plan](http://evil)');
    expect(said('personal-blake', 'Added')).toBe(true);
    // Shown as typed, never as a link: escaped in the Markdown reply, a TextRun (never Markdown) in the card.
    expect(said('personal-blake', 'Added “Career growth \\[plan\\]\\(http://evil\\)”')).toBe(true);
    expect(
      said('personal-blake', '{"type":"TextRun","text":"Career growth [plan](http://evil)","weight":"Bolder"}'),
    ).toBe(true);
    expect(said('personal-blake', '"type":"TextBlock","text":"Career growth [plan]')).toBe(false);
    expect(said('personal-avery', 'Ask finance about the conference budget (due')).toBe(true);
  });

  test('before: both get a prompt card at the lead time; a topic added from the card lands in the session', async () => {
    clock.set(new Date('2026-11-23T10:00:30Z')); // 24 h before, plus a moment
    await connector.waitFor(() => promptsTo('blake').length === 1 && promptsTo('avery').length === 1);
    expect(promptsTo('blake')[0]).toContain('Promotion timeline');

    const res = await server.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'tandem.addTopic',
          data: { pairId: 'avery-blake', sessionId: NEXT_SESSION, topic: 'Team offsite' },
        },
      },
      ...personal('avery'),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Team offsite');
    const agenda = await server.tandem.useCases.sessions.agenda('avery', 'avery-blake', NEXT_SESSION);
    const offsite = agenda.sections.flatMap((s) => s.topics).find((t) => t.title === 'Team offsite');
    expect(offsite?.authorId).toBe('avery');
  });

  test('a restart between prompt and recap loses and repeats nothing; meetingEnd sends the recap once', async () => {
    await server.restart();
    const uc = server.tandem.useCases;

    clock.set(new Date('2026-11-24T10:05:00Z'));
    await uc.sessions.addNote('avery', 'avery-blake', NEXT_SESSION, { text: 'Offsite in March', private: false });
    await uc.sessions.addNote('avery', 'avery-blake', NEXT_SESSION, { text: PRIVATE, private: true });
    await uc.commitments.addActionItem('blake', 'avery-blake', {
      text: 'Draft the offsite agenda',
      ownerId: 'blake',
      due: '2026-12-01',
      sessionId: NEXT_SESSION,
    });
    clock.set(new Date('2026-11-24T10:25:00Z'));
    // One trigger plans the recap: the session-ended change, not the bot's event handler as well.
    const recapKey = `recap.avery-blake.${NEXT_SESSION}`;
    const enqueue = jest.spyOn(JobRunner.prototype, 'enqueue');
    const bringForward = jest.spyOn(JobRunner.prototype, 'bringForward');
    const res = await server.post({
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      value: {
        Id: 'meeting-1',
        MeetingType: 'Scheduled',
        JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        Title: '1:1',
        EndTime: clock.now().toISOString(),
      },
      ...inMeetingChat('avery'),
    });
    expect(res.status).toBe(200);
    await connector.waitFor(() => recapsIn(chatId).length === 1);
    const plannings = [
      ...enqueue.mock.calls.map(([spec]) => `enqueue ${spec.key}`),
      ...bringForward.mock.calls.map(([key]) => `bringForward ${key}`),
    ].filter((call) => call.endsWith(recapKey));
    enqueue.mockRestore();
    bringForward.mockRestore();
    expect(plannings).toEqual([`enqueue ${recapKey}`]);

    clock.set(new Date('2026-11-24T11:00:00Z')); // past the scheduled end plus the grace period
    await jobsCaughtUp(server.tandem);
    expect(recapsIn(chatId)).toHaveLength(1);
    expect(recapsIn('personal-avery')).toEqual([]);
    expect(recapsIn('personal-blake')).toEqual([]);
    const recap = recapsIn(chatId)[0]!;
    expect(recap).toContain('Offsite in March');
    expect(recap).toContain('Draft the offsite agenda');
    expect(recap).toContain('Team offsite');
    expect(connector.received.map((r) => textOf(r.activity)).join('\n')).not.toContain(PRIVATE);
    expect(promptsTo('blake')).toHaveLength(1);
    expect(promptsTo('avery')).toHaveLength(1);
  });

  test('a 403 (the app was removed there) is logged and not retried; a 429 waits for Retry-After, then sends', async () => {
    const uc = server.tandem.useCases;
    await uc.commitments.addActionItem('avery', 'avery-blake', {
      id: 'due-soon-blake',
      text: 'Share the slides',
      ownerId: 'blake',
      due: '2026-11-27',
      sessionId: NEXT_SESSION,
    });
    await uc.commitments.addActionItem('blake', 'avery-blake', {
      id: 'due-soon-avery',
      text: 'Review the slides',
      ownerId: 'avery',
      due: '2026-11-27',
      sessionId: NEXT_SESSION,
    });
    connector.failures.set('personal-blake', { status: 403 });
    // botbuilder's HTTP client itself retries a 429 a few times after Retry-After; what persists reaches us.
    connector.failures.set('personal-avery', { status: 429, headers: { 'retry-after': '1' } });
    const attempts = () => connector.refused.filter((r) => r === 'personal-blake').length;

    clock.set(new Date('2026-11-26T09:00:30Z')); // nudges: 09:00 the day before
    await connector.waitFor(() => attempts() === 1);
    // botbuilder's HTTP client retries a 429 itself (Retry-After, a few times, in real time); once it gives
    // up, the job runner holds the job until Retry-After has passed on its own (here simulated) clock.
    await jobsCaughtUp(server.tandem);
    expect(connector.refused.filter((r) => r === 'personal-avery').length).toBeGreaterThan(0);
    expect(said('personal-avery', 'Review the slides')).toBe(false);
    connector.failures.delete('personal-avery');
    await jobsCaughtUp(server.tandem);
    expect(said('personal-avery', 'Review the slides')).toBe(false); // the clock has not passed Retry-After

    clock.set(new Date('2026-11-26T09:00:32Z'));
    await connector.waitFor(() => said('personal-avery', 'Review the slides'));
    clock.set(new Date('2026-11-26T10:00:00Z'));
    await jobsCaughtUp(server.tandem);
    expect(attempts()).toBe(1);
    expect(connector.withSummary('personal-avery', 'An action item is due tomorrow')).toHaveLength(1);
    const mark = JSON.parse(
      await fs.readFile(
        path.join(server.dataDir, 'ops/jobs/done/nudge.avery-blake.due-soon-blake.2026-11-27.json'),
        'utf8',
      ),
    ) as { outcome: string; reason: string };
    expect(mark).toMatchObject({ outcome: 'skipped', reason: 'not installed' });
  });
});
