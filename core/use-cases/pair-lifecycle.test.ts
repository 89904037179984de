import { AVERY_BLAKE, useHarness } from '../../tests/support/use-case-harness';

const pairId = AVERY_BLAKE.pairId;
const s0 = AVERY_BLAKE.sessionId(0);
const s1 = AVERY_BLAKE.sessionId(1);
const archivedProblem = { name: 'ConflictError', code: 'pair-archived', field: 'pairId' };

describe('a second 1:1 with the same report', () => {
  const h = useHarness();
  const cadence = AVERY_BLAKE.cadence;

  it('is refused with the existing one named, and nothing is written', async () => {
    const before = [...h.store.keys()].sort();
    await expect(h.uc.pairs.create('avery', { id: 'again', reportId: 'blake', cadence })).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'duplicate-pair',
      field: 'reportId',
      current: { pairId },
    });
    expect([...h.store.keys()].sort()).toEqual(before);
  });

  it('is made when the manager says so', async () => {
    const { created } = await h.uc.pairs.create('avery', {
      id: 'again',
      reportId: 'blake',
      cadence,
      allowDuplicate: true,
    });
    expect(created).toBe(true);
    expect((await h.uc.pairs.me('avery')).pairs.map((p) => p.id).sort()).toEqual(['again', pairId]);
  });

  it('is not a duplicate of an archived one', async () => {
    await h.uc.lifecycle.archive('blake', pairId);
    await expect(h.uc.pairs.create('avery', { id: 'again', reportId: 'blake', cadence })).resolves.toMatchObject({
      created: true,
    });
  });
});

describe('archiving a 1:1', () => {
  const h = useHarness();

  it('makes it read-only for both people: every kind of write is refused with pair-archived', async () => {
    await h.uc.topics.add('blake', pairId, s0, { id: 't-1', title: 'Before' });
    await h.uc.commitments.addGoal('blake', pairId, { id: 'g-1', kind: 'goal', title: 'Lead a review' });
    await h.uc.lifecycle.archive('avery', pairId);
    h.at(AVERY_BLAKE, 0, 5);
    const writes: Array<[string, () => Promise<unknown>]> = [
      ['topic', () => h.uc.topics.add('blake', pairId, s0, { title: 'After' })],
      ['topic edit', () => h.uc.topics.edit('avery', pairId, s0, 't-1', { rev: 1, discussed: true })],
      ['shared note', () => h.uc.sessions.addNote('avery', pairId, s0, { text: 'x', private: false })],
      ['private note', () => h.uc.sessions.addNote('blake', pairId, s0, { text: 'x', private: true })],
      ['check-in', () => h.uc.sessions.checkIn('blake', pairId, s0, { mood: 4 })],
      ['end', () => h.uc.sessions.setState('avery', pairId, s0, 'ended')],
      ['goal', () => h.uc.commitments.addGoal('blake', pairId, { kind: 'goal', title: 'x' })],
      ['move', () => h.uc.schedule.move('avery', pairId, s1, new Date(AVERY_BLAKE.start(1).getTime() + 3_600_000))],
      ['skip', () => h.uc.schedule.skip('avery', pairId, s1)],
    ];
    for (const [what, write] of writes)
      await expect(write())
        .rejects.toMatchObject(archivedProblem)
        .catch((e) => {
          throw new Error(`${what}: ${String(e)}`);
        });
    // Still readable by both, listed apart.
    expect((await h.agenda('blake', s0)).sections.flatMap((s) => s.topics).map((t) => t.title)).toEqual(['Before']);
    const me = await h.uc.pairs.me('blake');
    expect(me.pairs).toEqual([]);
    expect(me.archived).toMatchObject([{ id: pairId, archived: { reason: 'by-person', by: 'avery' } }]);
    expect((await h.uc.pairs.overview('avery', pairId)).goals.map((g) => g.id)).toEqual(['g-1']);
  });

  it('is undone by either person, and writes work again', async () => {
    await h.uc.lifecycle.archive('avery', pairId);
    await h.uc.lifecycle.unarchive('blake', pairId);
    await expect(h.uc.topics.add('blake', pairId, s0, { title: 'Back' })).resolves.toBeDefined();
    expect((await h.uc.pairs.me('blake')).pairs.map((p) => p.id)).toEqual([pairId]);
  });

  it('is only for the two people of the 1:1 (an outsider gets not-found)', async () => {
    await expect(h.uc.lifecycle.archive('casey', pairId)).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(h.uc.lifecycle.remove('devon', pairId)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('deleting a 1:1', () => {
  const h = useHarness();

  it('removes it with all its data, cancels its series and tells the other person', async () => {
    await h.uc.topics.add('blake', pairId, s0, { title: 'Topic' });
    h.at(AVERY_BLAKE, 0, 5);
    await h.uc.sessions.addNote('avery', pairId, s0, { text: 'shared', private: false });
    await h.uc.sessions.addNote('blake', pairId, s0, { text: 'mine', private: true });
    const { chatId } = (await h.uc.pairs.summary('avery', pairId))!;
    h.feed.clear();

    await expect(h.uc.lifecycle.remove('blake', pairId)).resolves.toEqual({ other: 'avery' });

    expect([...h.store.keys()].filter((k) => !k.startsWith('calendar/'))).toEqual([
      'index/users/avery',
      'index/users/blake',
    ]);
    expect([...h.store.keys()].filter((k) => k.startsWith('calendar/'))).toEqual([]);
    expect(await h.personalStores.forUser('blake').list('pairs')).toEqual([]);
    expect((await h.uc.pairs.me('avery')).pairs).toEqual([]);
    await expect(h.uc.pairs.byChat('avery', chatId!)).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(h.changes).toContainEqual(expect.objectContaining({ pairId, kind: 'pair-deleted', onlyFor: 'avery' }));
  });

  it('is finished by the next reconciliation when it stopped half-way', async () => {
    const calendar = h.deps.calendar as { cancelSeries?: unknown };
    const cancel = calendar.cancelSeries;
    calendar.cancelSeries = () => Promise.reject(new Error('calendar down'));
    await expect(h.uc.lifecycle.remove('avery', pairId)).rejects.toThrow('calendar down');
    // Marked: gone for both at once, although its documents are still there.
    expect((await h.uc.pairs.me('blake')).pairs).toEqual([]);
    calendar.cancelSeries = cancel;
    await h.uc.lifecycle.reconcile();
    expect([...h.store.keys()].filter((k) => k.startsWith('pairs/'))).toEqual([]);
  });
});

describe('a report moves to a new manager', () => {
  const h = useHarness();

  beforeEach(async () => {
    await h.uc.commitments.addGoal('blake', pairId, { id: 'g-1', kind: 'goal', title: 'Lead a review' });
    await h.uc.commitments.addGoal('blake', pairId, {
      id: 'g-2',
      kind: 'development',
      title: 'Stakeholder management',
      milestones: [{ id: 'm-1', title: 'Shadow a review' }],
    });
    await h.uc.commitments.addGoal('avery', pairId, { id: 'g-3', kind: 'goal', title: 'Private to the old pair' });
    h.directory.setManager('blake', 'devon');
  });

  it('archives the old 1:1 for both and proposes a new one to the report and the new manager', async () => {
    const events = await h.uc.lifecycle.reconcile();
    expect(events).toEqual([
      { pairId, reason: 'manager-changed', managerId: 'avery', reportId: 'blake', newManagerId: 'devon' },
    ]);
    await expect(h.uc.topics.add('avery', pairId, s0, { title: 'x' })).rejects.toMatchObject(archivedProblem);
    for (const user of ['blake', 'devon'])
      expect((await h.uc.pairs.me(user)).proposals).toMatchObject([
        { fromPairId: pairId, manager: { id: 'devon' }, report: { id: 'blake' } },
      ]);
    expect((await h.uc.pairs.me('avery')).proposals).toEqual([]);
    expect(h.changes.filter((c) => c.kind === 'pair-archived').map((c) => c.onlyFor)).toEqual(['avery', 'blake']);
    // The bot announces the proposal to both people of the new 1:1.
    expect(h.changes.filter((c) => c.kind === 'pair-proposed').map((c) => [c.pairId, c.onlyFor])).toEqual([
      [pairId, 'blake'],
      [pairId, 'devon'],
    ]);
    // A second run changes nothing.
    expect(await h.uc.lifecycle.reconcile()).toEqual([]);
  });

  it('carries over only the goals the report picks; the new manager never gets the old 1:1', async () => {
    await h.uc.lifecycle.reconcile();
    await h.createPair({ id: 'devon-blake', managerId: 'devon', reportId: 'blake' });
    expect((await h.uc.pairs.me('devon')).proposals).toEqual([]);
    // The report keeps it, now naming the new 1:1, to choose what carries over; until they put it away.
    expect((await h.uc.pairs.me('blake')).proposals).toMatchObject([{ fromPairId: pairId, newPairId: 'devon-blake' }]);

    const copies = await h.uc.lifecycle.carryOver('blake', 'devon-blake', pairId, ['g-2']);
    expect(copies).toMatchObject([
      {
        kind: 'development',
        title: 'Stakeholder management',
        milestones: [{ title: 'Shadow a review' }],
        sessionIds: [],
      },
    ]);
    await h.uc.lifecycle.carryOver('blake', 'devon-blake', pairId, ['g-2']);
    expect((await h.uc.pairs.overview('devon', 'devon-blake')).goals.map((g) => g.title)).toEqual([
      'Stakeholder management',
    ]);
    await expect(h.uc.pairs.overview('devon', pairId)).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(h.uc.lifecycle.carryOver('devon', 'devon-blake', pairId, ['g-1'])).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('keeps private notes with their author', async () => {
    h.at(AVERY_BLAKE, 0, 5);
    await h.uc.sessions.addNote('avery', pairId, s0, { id: 'p-1', text: 'my own', private: true });
    await h.uc.lifecycle.reconcile();
    expect((await h.agenda('avery', s0)).privateNotes.map((n) => n.text)).toEqual(['my own']);
    expect((await h.agenda('blake', s0)).privateNotes).toEqual([]);
  });
});

describe('someone leaves', () => {
  const h = useHarness();

  it('archives their 1:1s; the remaining person reads the shared record for a year, then it is gone', async () => {
    await h.uc.topics.add('blake', pairId, s0, { title: 'Handover' });
    h.directory.remove('avery');
    expect(await h.uc.lifecycle.reconcile()).toMatchObject([{ pairId, reason: 'left' }]);
    const me = await h.uc.pairs.me('blake');
    expect(me.archived).toMatchObject([
      { id: pairId, archived: { reason: 'left', readUntil: '2027-03-02T08:00:00.000Z' } },
    ]);
    await expect(h.uc.topics.add('blake', pairId, s0, { title: 'x' })).rejects.toMatchObject(archivedProblem);
    h.clock.set(new Date('2027-03-02T08:00:01Z'));
    expect((await h.uc.pairs.me('blake')).archived).toEqual([]);
    await expect(h.uc.pairs.overview('blake', pairId)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it("deletes a person's data on request: their 1:1s and their index", async () => {
    await expect(h.uc.lifecycle.erasePerson('avery', 'blake')).rejects.toMatchObject({ name: 'ForbiddenError' });
    await h.uc.lifecycle.erasePerson('blake', 'blake');
    expect([...h.store.keys()].filter((k) => k.startsWith('pairs/') || k === 'index/users/blake')).toEqual([]);
    expect((await h.uc.pairs.me('avery')).pairs).toEqual([]);
  });
});
