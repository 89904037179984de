import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';
import { NotFoundError } from '../errors';

const h = useHarness({ once: true });
const s0 = pair.sessionId(0);

beforeAll(async () => {
  await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career' });
  await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'n-1', text: 'Shared', private: false });
  await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'p-1', text: 'Private', private: true });
  await h.uc.commitments.addActionItem('avery', pair.pairId, {
    id: 'a-1',
    text: 'Do it',
    ownerId: 'blake',
    due: '2026-03-09',
    sessionId: s0,
  });
  await h.uc.commitments.addGoal('blake', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Grow' });
  h.at(pair, 0, 5);
});

type Operation = (actor: string, pairId: string) => Promise<unknown>;

/** Every use-case that takes a pair, with input that would be valid for a member. */
const operations: Record<string, Operation> = {
  'pairs.overview': (a, p) => h.uc.pairs.overview(a, p),
  'sessions.agenda': (a, p) => h.uc.sessions.agenda(a, p, s0),
  'sessions.agenda of no occurrence': (a, p) => h.uc.sessions.agenda(a, p, '20260304T100000Z'),
  'sessions.addNote shared': (a, p) => h.uc.sessions.addNote(a, p, s0, { text: 'x', private: false }),
  'sessions.addNote private': (a, p) => h.uc.sessions.addNote(a, p, s0, { text: 'x', private: true }),
  'sessions.editNote': (a, p) => h.uc.sessions.editNote(a, p, s0, 'n-1', { text: 'x', rev: 1, private: false }),
  'sessions.removeNote': (a, p) => h.uc.sessions.removeNote(a, p, s0, 'n-1', false),
  'sessions.checkIn': (a, p) => h.uc.sessions.checkIn(a, p, s0, { mood: 3 }),
  'sessions.giveFeedback': (a, p) => h.uc.sessions.giveFeedback(a, p, s0, { text: 'x' }),
  'sessions.rate': (a, p) => h.uc.sessions.rate(a, p, s0, 3),
  'sessions.startDeepDive': (a, p) => h.uc.sessions.startDeepDive(a, p, s0, { topicId: 't-1' }),
  'sessions.setState': (a, p) => h.uc.sessions.setState(a, p, s0, 'ended'),
  'sessions.nothingFromMe': (a, p) => h.uc.sessions.nothingFromMe(a, p, s0),
  'topics.add': (a, p) => h.uc.topics.add(a, p, s0, { title: 'x' }),
  'topics.edit': (a, p) => h.uc.topics.edit(a, p, s0, 't-1', { rev: 1, discussed: true }),
  'topics.remove': (a, p) => h.uc.topics.remove(a, p, s0, 't-1'),
  'topics.reorder': (a, p) => h.uc.topics.reorder(a, p, s0, 'topics', ['t-1']),
  'schedule.list': (a, p) => h.uc.schedule.list(a, p, pair.start(0), pair.start(4)),
  'schedule.move': (a, p) => h.uc.schedule.move(a, p, pair.sessionId(1), new Date('2026-03-11T10:00:00Z')),
  'schedule.skip': (a, p) => h.uc.schedule.skip(a, p, pair.sessionId(1)),
  'commitments.addActionItem': (a, p) =>
    h.uc.commitments.addActionItem(a, p, { text: 'x', ownerId: 'blake', due: '2026-03-09', sessionId: s0 }),
  'commitments.editActionItem': (a, p) => h.uc.commitments.editActionItem(a, p, 'a-1', { rev: 1, status: 'done' }),
  'commitments.addGoal': (a, p) => h.uc.commitments.addGoal(a, p, { kind: 'goal', title: 'x' }),
  'commitments.editGoal': (a, p) => h.uc.commitments.editGoal(a, p, 'g-1', { rev: 1, status: 'achieved' }),
  'insights.pairHealth': (a, p) => h.uc.insights.pairHealth(a, p, pair.start(0), pair.start(4)),
  'exports.exportPair': (a, p) => h.uc.exports.exportPair(a, p),
};

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail');
}

const shape = (error: unknown) => {
  expect(error).toBeInstanceOf(NotFoundError);
  const { name, message, field } = error as NotFoundError;
  return { name, message, field };
};

describe('someone who is not one of the pair', () => {
  describe.each(['devon', 'casey'])('%s', (outsider) => {
    it.each(Object.keys(operations))('gets from %s exactly what a pair that does not exist gets', async (name) => {
      const operation = operations[name]!;
      const before = await snapshot();

      const outsiders = shape(await errorOf(operation(outsider, pair.pairId)));
      const missing = shape(await errorOf(operation('avery', 'no-such-pair')));
      const invalid = shape(await errorOf(operation(outsider, '../etc')));

      expect(outsiders).toEqual({ name: 'NotFoundError', message: 'no such pair', field: 'pairId' });
      expect(missing).toEqual(outsiders);
      expect(invalid).toEqual(outsiders);
      expect(await snapshot()).toEqual(before);
    });

    it.each(Object.keys(operations))(
      'is refused by %s before anything of the pair is read: the same reads as for a pair that does not exist',
      async (name) => {
        const operation = operations[name]!;
        const reads = jest.spyOn(h.store, 'get');
        const keysRead = async (pairId: string) => {
          reads.mockClear();
          await errorOf(operation(outsider, pairId));
          return reads.mock.calls.map(([key]) => key);
        };

        const existing = await keysRead(pair.pairId);
        const missing = await keysRead('no-such-pair');
        reads.mockRestore();

        expect(existing).toEqual(missing);
        expect(existing.filter((key) => key.startsWith('pairs/'))).toEqual([]);
      },
    );

    it('does not find the pair through its meeting chat, nor in a summary', async () => {
      const { chatId } = await h.uc.pairs.summary('avery', pair.pairId).then((s) => s!);

      const outsiders = shape(await errorOf(h.uc.pairs.byChat(outsider, chatId!)));
      const missing = shape(await errorOf(h.uc.pairs.byChat(outsider, '19:meeting_nothing@thread.v2')));

      expect(outsiders).toEqual(missing);
      await expect(h.uc.pairs.summary(outsider, pair.pairId)).resolves.toBeUndefined();
      expect((await h.uc.pairs.me(outsider)).pairs.map((p) => p.id)).not.toContain(pair.pairId);
    });
  });

  it('learns nothing through the change feed', async () => {
    expect(h.changes.some((c) => c.by === 'devon' || c.by === 'casey')).toBe(false);
  });
});

describe('the two people of the pair', () => {
  it('both find it through the meeting chat and in their list', async () => {
    const { chatId } = (await h.uc.pairs.summary('avery', pair.pairId))!;

    await expect(h.uc.pairs.byChat('blake', chatId!)).resolves.toMatchObject({ id: pair.pairId, role: 'report' });
    await expect(h.uc.pairs.byChat('avery', chatId!)).resolves.toMatchObject({ id: pair.pairId, role: 'manager' });
    expect((await h.uc.pairs.me('blake')).pairs).toEqual([
      expect.objectContaining({ id: pair.pairId, other: { id: 'avery', displayName: 'Avery Chen' } }),
    ]);
  });
});

describe('starting a 1:1', () => {
  it('is for a manager with one of their own direct reports', async () => {
    const cadence = {
      frequency: 'weekly',
      startDate: '2026-03-04',
      time: '09:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    } as const;

    await expect(h.uc.pairs.create('blake', { reportId: 'casey', cadence })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'reportId',
    });
    await expect(h.uc.pairs.create('avery', { reportId: 'devon', cadence })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'reportId',
    });
    await expect(h.uc.pairs.proposeReports('avery')).resolves.toEqual([
      expect.objectContaining({ id: 'blake' }),
      expect.objectContaining({ id: 'casey' }),
      expect.objectContaining({ id: 'emery' }),
    ]);
  });

  it('is idempotent by pair id', async () => {
    const cadence = {
      frequency: 'weekly',
      startDate: '2026-03-04',
      time: '09:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    } as const;

    const first = await h.uc.pairs.create('avery', { id: 'ac', reportId: 'casey', cadence });
    const retry = await h.uc.pairs.create('avery', { id: 'ac', reportId: 'casey', cadence });

    expect(first.created).toBe(true);
    expect(retry).toEqual({ pair: first.pair, created: false });
    expect((await h.uc.pairs.me('casey')).pairs.map((p) => p.id)).toEqual(['ac']);
  });
});

/** Everything stored, shared and personal, to show a refused call wrote nothing. */
async function snapshot(): Promise<Record<string, unknown>> {
  const all: Record<string, unknown> = {};
  for (const key of h.store.keys()) all[key] = (await h.store.get(key))?.etag;
  for (const user of h.personalStores.users()) {
    const store = h.personalStores.forUser(user);
    for (const key of store.keys()) all[`${user}:${key}`] = (await store.get(key))?.etag;
  }
  return all;
}
