import { PAIR, sessionIdAt, sessionPath, signInDemo, startOfSession, type Demo } from '../support/demo';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { jsonOf, problemOf, type MeView } from '../support/tandem-client';

jest.setTimeout(30_000);

const WEEK = 7 * 86_400_000;

/** Starting, ending and reopening a meeting over HTTP: a second "End" never reaches next week's meeting. */
describe('the life of one meeting', () => {
  let server: InProcessTandem;
  let demo: Demo;
  let weekAfter: string;

  beforeAll(async () => {
    server = await startInProcess('session-lifecycle');
    demo = await signInDemo(server.url);
    weekAfter = sessionIdAt(new Date(startOfSession(demo.nextSessionId).getTime() + WEEK));
  });

  afterAll(async () => {
    await server?.close();
  });

  const statusOf = async (sessionId: string) =>
    jsonOf<{ status: string }>(await demo.blake.get(sessionPath(sessionId))).status;

  it('refuses to end a meeting a week ahead, in words people understand', async () => {
    for (const id of [demo.nextSessionId, weekAfter]) {
      const response = await demo.avery.post(`${sessionPath(id)}/end`);
      expect(response.status).toBe(409);
      expect(problemOf(response)).toMatchObject({
        code: 'session-not-started',
        detail: expect.stringContaining('only a meeting in progress can be ended'),
      });
    }
    expect(await statusOf(demo.nextSessionId)).toBe('upcoming');
    expect(await statusOf(weekAfter)).toBe('upcoming');
  });

  it('ends the meeting in progress once; ending it again leaves next week untouched', async () => {
    expect((await demo.avery.post(`${sessionPath(demo.nextSessionId)}/start`)).status).toBe(204);
    expect((await demo.avery.post(`${sessionPath(demo.nextSessionId)}/end`)).status).toBe(204);
    expect((await demo.avery.post(`${sessionPath(demo.nextSessionId)}/end`)).status).toBe(204);
    expect(await statusOf(demo.nextSessionId)).toBe('held');
    expect(await statusOf(weekAfter)).toBe('upcoming');
    const me = await demo.blake.getJson<MeView>('/api/me');
    expect(me.pairs.find((p) => p.id === PAIR)?.nextSession).toMatchObject({ id: weekAfter, status: 'upcoming' });
    // The organizer can still move next week's meeting.
    const move = await demo.avery.post(`${sessionPath(weekAfter)}/move`, {
      start: new Date(startOfSession(weekAfter).getTime() + 3_600_000).toISOString(),
    });
    expect(move.status).toBe(200);
  });

  it('lets its people reopen an ended meeting', async () => {
    expect((await demo.blake.post(`${sessionPath(demo.nextSessionId)}/reopen`)).status).toBe(204);
    expect(await statusOf(demo.nextSessionId)).toBe('in-progress');
    expect((await demo.devon.post(`${sessionPath(demo.nextSessionId)}/reopen`)).status).toBe(404);
  });
});
