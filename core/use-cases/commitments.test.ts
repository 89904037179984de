import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';
import type { AgendaView } from '../model/agenda-view';

/** What the use-cases copied to their owner's task list (the optional TaskMirror port). */
const mirrored: { owner: string; id: string; status: string }[] = [];
let failing = false;

const h = useHarness({
  taskMirror: {
    upsert: async (owner, _pairId, item) => {
      if (failing) throw new Error('To Do is down');
      mirrored.push({ owner, id: item.id, status: item.status });
    },
  },
});
const s = [0, 1, 2, 3, 4].map((n) => pair.sessionId(n));

beforeEach(() => {
  mirrored.length = 0;
  failing = false;
});

const agenda = (actor: string, n: number): Promise<AgendaView> => h.agenda(actor, s[n]!);
const progressIds = async (n: number): Promise<string[]> =>
  (await agenda('blake', n)).progress.actionItems.map((a) => a.id);
const nextStepIds = async (n: number): Promise<string[]> => (await agenda('avery', n)).nextSteps.map((a) => a.id);

const addItem = (actor: string, id: string, sessionN: number, ownerId = 'blake', due = '2026-03-09', text = id) =>
  h.uc.commitments.addActionItem(actor, pair.pairId, { id, text, ownerId, due, sessionId: s[sessionN]! });

const setStatus = (id: string, status: 'done' | 'dropped' | 'open', rev = 1) =>
  h.uc.commitments.editActionItem('blake', pair.pairId, id, { rev, status });

describe('action items across sessions', () => {
  beforeEach(async () => {
    h.at(pair, 0, 20);
    await addItem('avery', 'stays-open', 0);
    await addItem('blake', 'gets-done', 0, 'avery', '2026-03-06');
    await addItem('blake', 'gets-dropped', 0);
  });

  it('lists what a session produced in its next steps, not in its own progress', async () => {
    expect(await nextStepIds(0)).toEqual(['stays-open', 'gets-done', 'gets-dropped']);
    expect(await progressIds(0)).toEqual([]);
    expect(await nextStepIds(1)).toEqual([]);
  });

  it('shows open items in every later session, and closed ones in the next session only', async () => {
    h.clock.set('2026-03-05T12:00:00Z');
    await setStatus('gets-done', 'done');
    await setStatus('gets-dropped', 'dropped');

    expect(await progressIds(1)).toEqual(['stays-open', 'gets-done', 'gets-dropped']);
    expect((await agenda('blake', 1)).progress.actionItems.map((a) => a.status)).toEqual(['open', 'done', 'dropped']);
    expect(await progressIds(2)).toEqual(['stays-open']);
    expect(await progressIds(3)).toEqual(['stays-open']);
  });

  it('shows an item closed between two later sessions once more in the session after', async () => {
    h.clock.set('2026-03-12T09:00:00Z');
    await setStatus('stays-open', 'done');

    expect(await progressIds(2)).toEqual(['stays-open', 'gets-done', 'gets-dropped']);
    expect((await agenda('blake', 2)).progress.actionItems[0]).toMatchObject({ id: 'stays-open', status: 'done' });
    expect(await progressIds(3)).toEqual(['gets-done', 'gets-dropped']);
  });

  it('shows an item closed before a skipped session in the session that takes place after it', async () => {
    h.clock.set('2026-03-05T12:00:00Z');
    await setStatus('gets-done', 'done');
    await h.uc.schedule.skip('avery', pair.pairId, s[1]!);

    expect(await progressIds(2)).toEqual(['stays-open', 'gets-done', 'gets-dropped']);
    expect(await progressIds(3)).toEqual(['stays-open', 'gets-dropped']);
  });

  it('shows items from a later session only in the sessions after it', async () => {
    h.at(pair, 1, 10);
    await addItem('avery', 'from-s1', 1);

    expect(await progressIds(1)).toEqual(['stays-open', 'gets-done', 'gets-dropped']);
    expect(await progressIds(2)).toEqual(['stays-open', 'gets-done', 'gets-dropped', 'from-s1']);
    expect(await nextStepIds(1)).toEqual(['from-s1']);
  });

  it('brings a reopened item back', async () => {
    h.clock.set('2026-03-05T12:00:00Z');
    const done = await setStatus('gets-done', 'done');
    expect(done).toMatchObject({ status: 'done', closedAt: '2026-03-05T12:00:00.000Z', rev: 2 });

    const reopened = await setStatus('gets-done', 'open', 2);

    expect(reopened).not.toHaveProperty('closedAt');
    expect(await progressIds(3)).toContain('gets-done');
  });
});

describe('adding and editing action items', () => {
  it('is idempotent by client id', async () => {
    const first = await addItem('avery', 'a-1', 0);
    const retry = await addItem('avery', 'a-1', 0);

    expect(first.created).toBe(true);
    expect(retry).toEqual({ created: false, item: first.item });
    expect(await nextStepIds(0)).toEqual(['a-1']);
    expect(h.changes.filter((c) => c.kind === 'actions')).toHaveLength(1);
  });

  it.each([
    ['another text', { text: 'something else' }],
    ['another owner', { ownerId: 'avery' }],
    ['another due date', { due: '2026-04-01' }],
    ['another session', { sessionId: '20260310T100000Z' }],
  ])('refuses the same id with %s as a conflict on the id', async (_case, change) => {
    await addItem('avery', 'a-1', 0);

    const attempt = h.uc.commitments.addActionItem('avery', pair.pairId, {
      id: 'a-1',
      text: 'a-1',
      ownerId: 'blake',
      due: '2026-03-09',
      sessionId: s[0]!,
      ...change,
    });

    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
    expect((await agenda('avery', 0)).nextSteps).toEqual([expect.objectContaining({ id: 'a-1', due: '2026-03-09' })]);
  });

  it('needs an owner of the pair, a real date and a session of the pair', async () => {
    await expect(addItem('avery', 'x', 0, 'devon')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'ownerId',
    });
    await expect(addItem('avery', 'x', 0, 'blake', '2026-02-30')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'due',
    });
    await expect(
      h.uc.commitments.addActionItem('avery', pair.pairId, {
        text: 'x',
        ownerId: 'blake',
        due: '2026-03-09',
        sessionId: '20260304T100000Z',
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError', field: 'sessionId' });
    expect(await nextStepIds(0)).toEqual([]);
  });

  it('refuses a stale edit and hands back the current item', async () => {
    await addItem('avery', 'a-1', 0);
    await h.uc.commitments.editActionItem('avery', pair.pairId, 'a-1', { rev: 1, due: '2026-03-12' });

    await expect(setStatus('a-1', 'done', 1)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'rev',
      current: { id: 'a-1', due: '2026-03-12', rev: 2 },
    });
  });
});

describe('goals', () => {
  it('shows active goals in progress with their milestones and the sessions that discussed them', async () => {
    const { goal } = await h.uc.commitments.addGoal('blake', pair.pairId, {
      id: 'g-1',
      kind: 'development',
      title: 'Lead a design review',
      competency: 'Technical leadership',
      learningFormat: 'cross-team',
      milestones: [{ id: 'm-1', title: 'Shadow one', due: '2026-03-20' }],
    });
    expect(goal).toMatchObject({ status: 'active', rev: 1, sessionIds: [] });

    h.at(pair, 0, 10);
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', {
      rev: 1,
      completeMilestone: 'm-1',
      discussedIn: s[0]!,
    });

    expect((await agenda('blake', 1)).progress.goals).toEqual([
      expect.objectContaining({
        id: 'g-1',
        sessionIds: [s[0]],
        milestones: [{ id: 'm-1', title: 'Shadow one', due: '2026-03-20', doneAt: '2026-03-03T10:10:00.000Z' }],
      }),
    ]);

    // Achieved since the previous meeting began: still news in the next one, gone in the one after.
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 2, status: 'achieved' });
    expect((await agenda('blake', 1)).progress.goals).toEqual([expect.objectContaining({ status: 'achieved' })]);
    expect((await agenda('blake', 2)).progress.goals).toEqual([]);
  });

  it('shows a proposal in progress until the report accepts or declines it', async () => {
    await h.uc.commitments.addGoal('avery', pair.pairId, {
      id: 'p-1',
      kind: 'development',
      title: 'Mentor a new hire',
    });
    expect((await agenda('blake', 1)).progress.goals).toEqual([
      expect.objectContaining({ id: 'p-1', status: 'proposed' }),
    ]);

    await h.uc.commitments.editGoal('blake', pair.pairId, 'p-1', { rev: 1, status: 'dropped' });
    expect((await agenda('avery', 1)).progress.goals).toEqual([]);
  });

  it('is idempotent by client id and refuses a different goal under the same id', async () => {
    const input = { id: 'g-1', kind: 'goal' as const, title: 'Ship the thing' };
    await h.uc.commitments.addGoal('blake', pair.pairId, input);

    expect((await h.uc.commitments.addGoal('blake', pair.pairId, input)).created).toBe(false);
    await expect(
      h.uc.commitments.addGoal('blake', pair.pairId, { ...input, title: 'Another thing' }),
    ).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
  });
});

describe('mirroring action items to the owner’s task list', () => {
  it('copies an item when its owner adds or changes it, never into someone else’s list', async () => {
    await addItem('blake', 'mine', 0);
    await addItem('avery', 'given-to-blake', 0);
    await setStatus('mine', 'done');

    expect(mirrored).toEqual([
      { owner: 'blake', id: 'mine', status: 'open' },
      { owner: 'blake', id: 'mine', status: 'done' },
    ]);
  });

  it('keeps the change when the copy fails', async () => {
    failing = true;

    await expect(addItem('blake', 'still-added', 0)).resolves.toMatchObject({ created: true });
    expect(await progressIds(1)).toContain('still-added');
  });
});
