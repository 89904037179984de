import pino from 'pino';
import { FixedClock } from '../../core/clock';
import { useBotServer } from '../support/bot-server';
import { jsonOf, TandemClient } from '../support/tandem-client';

jest.setTimeout(30_000);

// Tuesday 10:10 UTC: the seeded avery–blake 1:1 (10:00–10:30) is under way.
const NOW = new Date('2026-11-24T10:10:00Z');
const SESSION = '20261124T100000Z';
const env = { TANDEM_BOT_IDENTITIES: 'teams-avery=avery,teams-blake=blake', LOG_LEVEL: 'info' };

/** Teams' meeting events cannot be refused: a rule that says no is logged inside the turn, never a failed turn. */
describe('a meetingStart or meetingEnd the use-cases refuse', () => {
  // Seeded the day before, so the seeded 1:1's next session is Tuesday's.
  const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
  const lines: Array<{ level: number; msg: string; code?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const server = useBotServer('bot-meeting-refused', { env, clock, logger });

  test.each(['meetingStart', 'meetingEnd'])(
    '%s in an archived 1:1 is logged and the session left as it is',
    async (name) => {
      clock.set(NOW);
      const avery = await TandemClient.signIn(server.url, 'avery');
      expect((await avery.post('/api/pairs/avery-blake/archive')).status).toBe(200);
      const chatId = (await server.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
      lines.length = 0;

      const res = await server.post({
        type: 'event',
        name: `application/vnd.microsoft.${name}`,
        value: {
          Id: 'meeting-1',
          MeetingType: 'Scheduled',
          JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
          Title: '1:1',
          StartTime: NOW.toISOString(),
          EndTime: NOW.toISOString(),
        },
        from: { id: 'teams-avery', name: 'Avery' },
        conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
      });

      expect(res.status).toBe(200);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 40, code: 'pair-archived', msg: expect.stringMatching(/left as it is/) }),
      );
      const agenda = await avery.get(`/api/pairs/avery-blake/sessions/${SESSION}`);
      expect(jsonOf<{ status: string }>(agenda).status).toBe('in-progress');
    },
  );
});
