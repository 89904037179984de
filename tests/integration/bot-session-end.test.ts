import { FixedClock } from '../../core/clock';
import { BOT_ACCOUNT, useBotServer } from '../support/bot-server';
import { jobsCaughtUp } from '../support/in-process';
import { TandemClient } from '../support/tandem-client';

jest.setTimeout(30_000);

// Tuesday 10:10 UTC: the seeded avery–blake 1:1 (10:00–10:30) is under way.
const NOW = new Date('2026-11-24T10:10:00Z');
const SESSION = '20261124T100000Z';
const env = { TANDEM_BOT_IDENTITIES: 'teams-avery=avery,teams-blake=blake', TANDEM_JOB_POLL_MS: '50' };

/** Ending the meeting from the tab (the API) sends the recap at once, like Teams' meetingEnd, and only once. */
describe('a meeting ended through the API', () => {
  const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
  const server = useBotServer('bot-session-end', { env, clock });
  const { connector } = server;

  test('gets its recap now, not after the scheduled end plus the grace period, and once', async () => {
    for (const [user, id] of [
      ['avery', 'teams-avery'],
      ['blake', 'teams-blake'],
    ] as const) {
      const res = await server.post({
        type: 'conversationUpdate',
        from: { id, name: user },
        membersAdded: [BOT_ACCOUNT],
        conversation: { id: `personal-${user}`, conversationType: 'personal' },
      });
      expect(res.status).toBe(200);
    }
    clock.set(NOW);
    const avery = await TandemClient.signIn(server.url, 'avery');
    const ended = await avery.post(`/api/pairs/avery-blake/sessions/${SESSION}/end`);
    expect(ended.status).toBe(204);

    const recaps = (user: string) => connector.withSummary(`personal-${user}`, 'Your 1:1 recap');
    await connector.waitFor(() => recaps('avery').length === 1 && recaps('blake').length === 1);
    // Later, past the scheduled end and the grace period, the planned recap finds it already sent.
    clock.set(new Date('2026-11-24T11:00:00Z'));
    await jobsCaughtUp(server.tandem);
    expect(recaps('avery')).toHaveLength(1);
    expect(recaps('blake')).toHaveLength(1);
  });
});
