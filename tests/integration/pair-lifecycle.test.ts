import { useDemoServer } from '../support/demo-server';
import { jsonOf, problemOf, TandemClient } from '../support/tandem-client';

jest.setTimeout(60_000);

interface MeBody {
  pairs: Array<{ id: string }>;
  archived: Array<{ id: string; archived: { reason: string } }>;
  proposals: Array<{ fromPairId: string; manager: { id: string }; report: { id: string } }>;
}

/** Duplicates, archive, delete and a directory change over HTTP (docs/pair-lifecycle.md). */
describe('the life of a 1:1 over HTTP', () => {
  const demo = useDemoServer('pair-lifecycle');
  const cadence = { frequency: 'weekly', startDate: '2030-01-07', time: '09:30', timeZone: 'Europe/Berlin' };
  const me = async (client: TandemClient) => jsonOf<MeBody>(await client.get('/api/me'));

  it('warns about a second 1:1 with the same report and makes it when asked to', async () => {
    const refused = await demo.avery.post('/api/pairs', { id: 'second-blake', reportId: 'blake', cadence });
    expect(refused.status).toBe(409);
    expect(problemOf(refused)).toMatchObject({ code: 'duplicate-pair', current: { pairId: 'avery-blake' } });
    const made = await demo.avery.post('/api/pairs', {
      id: 'second-blake',
      reportId: 'blake',
      cadence,
      allowDuplicate: true,
    });
    expect(made.status).toBe(201);
  });

  it('archives a 1:1 read-only for both, lists it apart, and restores it', async () => {
    const archived = await demo.blake.post('/api/pairs/second-blake/archive');
    expect(archived.status).toBe(200);
    const topic = await demo.avery.post(`/api/pairs/second-blake/sessions/20300107T083000Z/topics`, { title: 'x' });
    expect(topic.status).toBe(409);
    expect(problemOf(topic)).toMatchObject({ code: 'pair-archived', errors: [{ field: 'pairId' }] });
    expect((await me(demo.avery)).archived.map((p) => p.id)).toEqual(['second-blake']);
    expect((await demo.avery.get('/api/pairs/second-blake')).status).toBe(200);
    expect((await demo.avery.post('/api/pairs/second-blake/unarchive')).status).toBe(204);
    expect((await me(demo.avery)).pairs.map((p) => p.id)).toContain('second-blake');
  });

  it('deletes a 1:1 for both people; it is gone, and deleting again is not found', async () => {
    expect((await demo.blake.delete('/api/pairs/second-blake')).status).toBe(204);
    expect((await me(demo.avery)).pairs.map((p) => p.id)).not.toContain('second-blake');
    expect((await demo.avery.get('/api/pairs/second-blake')).status).toBe(404);
    expect((await demo.avery.delete('/api/pairs/second-blake')).status).toBe(404);
  });

  it('a report moving to a new manager archives the old 1:1 and proposes a new one to both', async () => {
    const moved = await demo.avery.post('/api/demo/people/casey', { managerId: 'devon' });
    expect(moved.status).toBe(200);
    expect(jsonOf<{ changes: unknown[] }>(moved).changes).toEqual([
      expect.objectContaining({ pairId: 'avery-casey', reason: 'manager-changed', newManagerId: 'devon' }),
    ]);
    const casey = await TandemClient.signIn(demo.url, 'casey');
    for (const client of [casey, demo.devon])
      expect((await me(client)).proposals).toMatchObject([
        { fromPairId: 'avery-casey', manager: { id: 'devon' }, report: { id: 'casey' } },
      ]);
    expect((await me(casey)).archived).toMatchObject([{ id: 'avery-casey', archived: { reason: 'manager-changed' } }]);
    const started = await demo.devon.post('/api/pairs', { id: 'devon-casey', reportId: 'casey', cadence });
    expect(started.status).toBe(201);
    expect((await me(casey)).proposals).toEqual([]);
  });
});
