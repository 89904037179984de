import { createHarness } from '../../tests/support/use-case-harness';

describe('the recap says which goals moved', () => {
  it('lists the milestones ticked or changed since the previous meeting, up to this one’s end', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    await h.uc.commitments.addGoal('blake', pair.pairId, {
      id: 'g-1',
      kind: 'goal',
      title: 'Ship the search rewrite',
      milestones: [
        { id: 'm-1', title: 'Prototype', due: '2026-03-12' },
        { id: 'm-2', title: 'Load test', due: '2026-04-30' },
      ],
    });
    h.after(pair, 0);
    // Between the first and second meeting: a milestone ticked; during the second, another one moved.
    h.clock.set('2026-03-05T09:00:00Z');
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 1, completeMilestone: 'm-1' });
    h.clock.set('2026-03-10T10:10:00Z');
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', {
      rev: 2,
      editMilestone: { id: 'm-2', due: '2026-05-15' },
    });
    h.after(pair, 1);

    const held = await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(1));
    expect(held.recap?.goalsMoved).toEqual([
      {
        id: 'g-1',
        title: 'Ship the search rewrite',
        milestones: [
          { title: 'Prototype', done: true },
          { title: 'Load test', done: false },
        ],
      },
    ]);
    // The first meeting had no meeting before it: nothing "moved since last time".
    expect((await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(0))).recap?.goalsMoved).toBeUndefined();
  });
});
