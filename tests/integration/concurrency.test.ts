import { sessionPath } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { agendaTopics, jsonOf, type AgendaBody, type TandemClient, type TopicBody } from '../support/tandem-client';

jest.setTimeout(60_000);

describe('concurrent writers', () => {
  const demo = useDemoServer('concurrency');

  async function agenda(client: TandemClient): Promise<AgendaBody> {
    return client.getJson<AgendaBody>(sessionPath(demo.nextSessionId));
  }

  test('avery and blake adding 50 topics each, all at once, keep all 100', async () => {
    const path = `${sessionPath(demo.nextSessionId)}/topics`;
    const before = agendaTopics(await agenda(demo.avery));
    const adds = (['avery', 'blake'] as const).flatMap((who) =>
      Array.from({ length: 50 }, (_, i) => ({ client: demo[who], title: `${who} concurrent topic ${i}` })),
    );

    const responses = await Promise.all(adds.map(({ client, title }) => client.post(path, { title })));

    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const made = responses.map((r) => jsonOf<TopicBody>(r));
    expect(new Set(made.map((t) => t.id)).size).toBe(100);

    for (const viewer of [demo.avery, demo.blake]) {
      const after = agendaTopics(await agenda(viewer));
      expect(after).toHaveLength(before.length + 100);
      const titles = after.map((t) => t.title);
      for (const { title } of adds) {
        expect({ title, times: titles.filter((t) => t === title).length }).toEqual({ title, times: 1 });
      }
      // What was there before is still there.
      expect(after.map((t) => t.id)).toEqual(expect.arrayContaining(before.map((t) => t.id)));
    }
  });

  test('a retry racing its original (same client id, sent twice at once) makes one topic', async () => {
    const path = `${sessionPath(demo.nextSessionId)}/topics`;
    const before = agendaTopics(await agenda(demo.blake)).length;
    const ids = Array.from({ length: 10 }, (_, i) => `race-${i}`);
    const responses = await Promise.all(
      ids.flatMap((id) => [
        demo.blake.post(path, { id, title: `Raced ${id}` }),
        demo.blake.post(path, { id, title: `Raced ${id}` }),
      ]),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(201)]);
    const after = agendaTopics(await agenda(demo.blake));
    expect(after).toHaveLength(before + 10);
    for (const id of ids) expect(after.filter((t) => t.id === id)).toHaveLength(1);
  });
});
