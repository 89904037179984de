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
    const caseyBefore = await TandemClient.signIn(demo.url, 'casey');
    const goal = await caseyBefore.post('/api/pairs/avery-casey/goals', {
      id: 'casey-g1',
      kind: 'development',
      title: 'Present at the all-hands',
    });
    expect(goal.status).toBe(201);
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
    expect((await me(demo.devon)).proposals).toEqual([]);
    // Casey keeps it, naming the new 1:1, to choose what carries over.
    expect((await me(casey)).proposals).toMatchObject([{ fromPairId: 'avery-casey', newPairId: 'devon-casey' }]);
    const carried = await casey.post('/api/pairs/devon-casey/carry-over', {
      fromPairId: 'avery-casey',
      goalIds: ['casey-g1'],
    });
    expect(carried.status).toBe(200);
    const overview = jsonOf<{ goals: Array<{ title: string }> }>(await demo.devon.get('/api/pairs/devon-casey'));
    expect(overview.goals.map((g) => g.title)).toEqual(['Present at the all-hands']);
    expect((await casey.delete('/api/me/proposals/avery-casey')).status).toBe(204);
    expect((await me(casey)).proposals).toEqual([]);
  });

  it("shares the earlier 1:1's shared record with the new manager only while the report says so", async () => {
    const casey = await TandemClient.signIn(demo.url, 'casey');
    const path = '/api/pairs/avery-casey/shared-history';
    expect((await demo.devon.get(path)).status).toBe(404);
    expect((await demo.avery.put('/api/pairs/avery-casey/history-sharing', { shared: true })).status).toBe(403);
    const shared = await casey.put('/api/pairs/avery-casey/history-sharing', { shared: true });
    expect(jsonOf(shared)).toEqual({ shared: true });
    expect(jsonOf<{ histories: unknown[] }>(await demo.devon.get('/api/me/shared-histories')).histories).toMatchObject([
      { pairId: 'avery-casey', manager: { id: 'avery' }, report: { id: 'casey' } },
    ]);
    const record = await demo.devon.get(path);
    expect(record.status).toBe(200);
    expect(jsonOf<{ goals: Array<{ title: string }> }>(record).goals.map((g) => g.title)).toContain(
      'Present at the all-hands',
    );
    // Read-only: the new manager cannot write into it, and it is not one of their 1:1s.
    expect((await demo.devon.post('/api/pairs/avery-casey/goals', { kind: 'goal', title: 'x' })).status).toBe(404);
    expect((await casey.put('/api/pairs/avery-casey/history-sharing', { shared: false })).status).toBe(200);
    expect((await demo.devon.get(path)).status).toBe(404);
    expect(jsonOf<{ histories: unknown[] }>(await demo.devon.get('/api/me/shared-histories')).histories).toEqual([]);
  });
});
