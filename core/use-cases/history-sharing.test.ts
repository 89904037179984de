import { AVERY_BLAKE, useHarness } from '../../tests/support/use-case-harness';

const pairId = AVERY_BLAKE.pairId;
const s0 = AVERY_BLAKE.sessionId(0);
const notFound = { name: 'NotFoundError', field: 'pairId' };

describe("sharing an earlier 1:1 with the report's new manager", () => {
  const h = useHarness();

  beforeEach(async () => {
    await h.uc.topics.add('blake', pairId, s0, { id: 't-1', title: 'Promotion case' });
    await h.uc.commitments.addGoal('blake', pairId, { id: 'g-1', kind: 'goal', title: 'Lead a review' });
    h.at(AVERY_BLAKE, 0, 5);
    await h.uc.sessions.addNote('avery', pairId, s0, { id: 'n-1', text: 'Shared: good progress', private: false });
    await h.uc.sessions.addNote('avery', pairId, s0, { id: 'p-1', text: 'Avery private', private: true });
    await h.uc.sessions.addNote('blake', pairId, s0, { id: 'p-2', text: 'Blake private', private: true });
    await h.uc.sessions.checkIn('blake', pairId, s0, { mood: 2, line: 'tired' });
    await h.uc.sessions.giveFeedback('avery', pairId, s0, { text: 'Great demo' });
    h.directory.setManager('blake', 'devon');
    await h.uc.lifecycle.reconcile();
  });

  it('is not shared by default: the new manager gets not-found, as for a 1:1 that does not exist', async () => {
    await expect(h.uc.sharing.sharedHistory('devon', pairId)).rejects.toMatchObject(notFound);
    expect(await h.uc.sharing.sharedWithMe('devon')).toEqual([]);
  });

  it('once the report shares it, the new manager reads the shared record and never a private note', async () => {
    await expect(h.uc.sharing.setShared('blake', pairId, true)).resolves.toEqual({ shared: true });
    expect(await h.uc.sharing.sharedWithMe('devon')).toMatchObject([
      { pairId, manager: { id: 'avery' }, report: { id: 'blake' } },
    ]);
    const record = await h.uc.sharing.sharedHistory('devon', pairId);
    expect(record.exportedBy.id).toBe('devon');
    expect(record.goals.map((g) => g.title)).toEqual(['Lead a review']);
    const session = record.sessions.find((s) => s.id === s0)!;
    expect(session.topics.map((t) => t.title)).toEqual(['Promotion case']);
    expect(session.sharedNotes.map((n) => n.text)).toEqual(['Shared: good progress']);
    expect(session.myPrivateNotes).toEqual([]);
    expect(session.checkIns).toEqual([]);
    expect(session.feedback).toEqual([]);
    const text = JSON.stringify(record);
    for (const hidden of ['Avery private', 'Blake private', 'tired', 'Great demo']) expect(text).not.toContain(hidden);
    // Still read-only: the new manager is no member of it.
    await expect(h.uc.topics.add('devon', pairId, s0, { title: 'x' })).rejects.toMatchObject(notFound);
    await expect(h.uc.pairs.overview('devon', pairId)).rejects.toMatchObject(notFound);
  });

  it('the report takes it back, and the new manager reads nothing from then on', async () => {
    await h.uc.sharing.setShared('blake', pairId, true);
    await h.uc.sharing.setShared('blake', pairId, false);
    await expect(h.uc.sharing.sharedHistory('devon', pairId)).rejects.toMatchObject(notFound);
    expect(await h.uc.sharing.sharedWithMe('devon')).toEqual([]);
    expect((await h.uc.pairs.summary('blake', pairId))?.archived?.sharedWith).toBeUndefined();
  });

  it('only the report decides; outsiders and the old manager cannot share or read', async () => {
    await expect(h.uc.sharing.setShared('avery', pairId, true)).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'pairId',
    });
    await expect(h.uc.sharing.setShared('devon', pairId, true)).rejects.toMatchObject(notFound);
    await h.uc.sharing.setShared('blake', pairId, true);
    await expect(h.uc.sharing.sharedHistory('casey', pairId)).rejects.toMatchObject(notFound);
    await expect(h.uc.sharing.sharedHistory('avery', pairId)).rejects.toMatchObject(notFound);
  });

  it('is only for a 1:1 archived because the manager changed', async () => {
    const other = await h.createPair({ id: 'avery-casey', managerId: 'avery', reportId: 'casey' });
    await expect(h.uc.sharing.setShared('casey', other.pairId, true)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'pairId',
    });
    await h.uc.lifecycle.archive('casey', other.pairId);
    await expect(h.uc.sharing.setShared('casey', other.pairId, true)).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });

  it('ends when the 1:1 is deleted', async () => {
    await h.uc.sharing.setShared('blake', pairId, true);
    await h.uc.lifecycle.remove('blake', pairId);
    await expect(h.uc.sharing.sharedHistory('devon', pairId)).rejects.toMatchObject(notFound);
    expect(await h.uc.sharing.sharedWithMe('devon')).toEqual([]);
  });
});
