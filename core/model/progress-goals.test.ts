import { createHarness } from '../../tests/support/use-case-harness';

describe("the progress section's goals", () => {
  it('keeps a goal achieved since the previous meeting, with the milestones ticked on the way', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    await h.uc.commitments.addGoal('blake', pair.pairId, {
      id: 'g-1',
      kind: 'goal',
      title: 'Ship the search rewrite',
      milestones: [{ id: 'm-1', title: 'Load test', due: '2026-04-30' }],
    });
    await h.uc.commitments.addGoal('blake', pair.pairId, { id: 'g-old', kind: 'goal', title: 'Old aim' });
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-old', { rev: 1, status: 'dropped' });
    h.after(pair, 0);
    // Between the first and the second meeting: the last milestone ticked, and the goal achieved.
    h.clock.set('2026-03-05T09:00:00Z');
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 1, completeMilestone: 'm-1' });
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 2, status: 'achieved' });

    const second = await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(1));
    expect(second.progress.goals.map((g) => [g.id, g.status])).toEqual([['g-1', 'achieved']]);
    // The meeting after that has seen it already; a goal dropped before the first meeting never shows.
    const third = await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(2));
    expect(third.progress.goals).toEqual([]);
  });
});
