import { PAIR, sessionPath } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { changeOf, SseReader } from '../support/sse-reader';
import { agendaTopics, jsonOf, type AgendaBody, type TopicBody } from '../support/tandem-client';

jest.setTimeout(30_000);

/** "Within a few seconds": what a person at the other end of the meeting would call live. */
const LIVE_MS = 3_000;

describe('live agenda updates over server-sent events', () => {
  const demo = useDemoServer('live');

  test("blake's stream gets a change when avery adds a topic, and re-reading the agenda shows it", async () => {
    const stream = await SseReader.open(`${demo.url}/api/pairs/${PAIR}/events`, demo.blake.token);
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((e) => e.event === 'ready');
      const from = stream.events.length;

      const sent = Date.now();
      const added = await demo.avery.post(`${sessionPath(demo.nextSessionId)}/topics`, { title: 'Live: hiring plan' });
      expect(added.status).toBe(201);
      const topic = jsonOf<TopicBody>(added);

      const change = await stream.waitFor((e) => e.event === 'change', LIVE_MS, from);
      expect(Date.now() - sent).toBeLessThan(LIVE_MS);
      expect(changeOf(change)).toMatchObject({
        pairId: PAIR,
        sessionId: demo.nextSessionId,
        kind: 'topics',
        by: 'avery',
      });
      // The event names what changed, not the content: the client re-reads, through authorization.
      expect(change.data).not.toContain('hiring plan');

      const agenda = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(changeOf(change).sessionId!)));
      expect(agendaTopics(agenda)).toContainEqual(
        expect.objectContaining({ id: topic.id, title: 'Live: hiring plan' }),
      );
    } finally {
      await stream.close();
    }
  });

  test('EventSource-style clients pass the token as ?access_token= and get the same events', async () => {
    const stream = await SseReader.open(
      `${demo.url}/api/pairs/${PAIR}/events?access_token=${encodeURIComponent(demo.blake.token!)}`,
      undefined,
    );
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((e) => e.event === 'ready');
      const from = stream.events.length;
      const checkIn = await demo.avery.put(`${sessionPath(demo.nextSessionId)}/check-in`, { mood: 4 });
      expect(checkIn.status).toBe(204);
      const change = await stream.waitFor((e) => e.event === 'change', LIVE_MS, from);
      expect(changeOf(change)).toMatchObject({ pairId: PAIR, kind: 'check-in', by: 'avery' });
    } finally {
      await stream.close();
    }
  });

  test("a change to another pair does not reach this pair's stream", async () => {
    const stream = await SseReader.open(`${demo.url}/api/pairs/${PAIR}/events`, demo.avery.token);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const from = stream.events.length;
      const casey = await demo.avery.getJson<{ nextSession: { id: string } }>('/api/pairs/avery-casey');
      const other = await demo.avery.post(`${sessionPath(casey.nextSession.id, 'avery-casey')}/topics`, {
        title: 'Casey only',
      });
      expect(other.status).toBe(201);
      // Barrier: a change to this pair afterwards must be the first event the stream sees.
      await demo.blake.post(`${sessionPath(demo.nextSessionId)}/topics`, { title: 'Blake barrier' });
      const first = await stream.waitFor((e) => e.event === 'change', LIVE_MS, from);
      expect(changeOf(first)).toMatchObject({ pairId: PAIR, by: 'blake' });
    } finally {
      await stream.close();
    }
  });
});
