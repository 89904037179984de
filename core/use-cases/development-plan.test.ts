import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';

/** Avery manages Blake: the development plan is Blake's; Avery comments and proposes. */
const h = useHarness();
const goals = () => h.uc.commitments;
const s0 = pair.sessionId(0);

const addDevelopment = (actor: string, id = 'd-1') =>
  goals().addGoal(actor, pair.pairId, {
    id,
    kind: 'development',
    title: 'Lead a design review',
    competency: 'Technical leadership',
    learningFormat: 'cross-team',
    milestones: [{ id: 'm-1', title: 'Shadow one', due: '2026-03-20' }],
  });

describe('the report owns their development plan', () => {
  it('lets the report add, edit, tick and complete their development item', async () => {
    const { goal } = await addDevelopment('blake');
    expect(goal.status).toBe('active');

    const edited = await goals().editGoal('blake', pair.pairId, 'd-1', {
      rev: 1,
      title: 'Lead two design reviews',
      competency: 'Influence',
      learningFormat: 'mentoring',
      editMilestone: { id: 'm-1', due: '2026-03-27' },
    });
    const ticked = await goals().editGoal('blake', pair.pairId, 'd-1', { rev: edited.rev, completeMilestone: 'm-1' });
    const done = await goals().editGoal('blake', pair.pairId, 'd-1', { rev: ticked.rev, status: 'achieved' });

    expect(done).toMatchObject({
      title: 'Lead two design reviews',
      competency: 'Influence',
      learningFormat: 'mentoring',
      status: 'achieved',
      milestones: [{ id: 'm-1', due: '2026-03-27', doneAt: expect.any(String) }],
    });
    expect(done.history!.map((c) => [c.by, c.kind, c.subject])).toEqual([
      ['blake', 'created', undefined],
      ['blake', 'edited', undefined],
      ['blake', 'milestone-edited', 'Shadow one'],
      ['blake', 'milestone-done', 'Shadow one'],
      ['blake', 'achieved', undefined],
    ]);
  });

  it.each([
    ['title', { title: 'Something else' }],
    ['detail', { detail: 'My idea' }],
    ['competency', { competency: 'Delivery' }],
    ['learningFormat', { learningFormat: 'training' as const }],
    ['status', { status: 'dropped' as const }],
    ['addMilestone', { addMilestone: { title: 'More' } }],
    ['editMilestone', { editMilestone: { id: 'm-1', title: 'Renamed' } }],
    ['completeMilestone', { completeMilestone: 'm-1' }],
  ])('refuses the manager overwriting the report’s item (%s), and nothing changes', async (field, change) => {
    await addDevelopment('blake');

    await expect(goals().editGoal('avery', pair.pairId, 'd-1', { rev: 1, ...change })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field,
      code: 'report-owns-plan',
    });
    const [stored] = (await h.uc.pairs.overview('blake', pair.pairId)).goals;
    expect(stored).toMatchObject({ rev: 1, title: 'Lead a design review', status: 'active' });
  });

  it('lets the manager comment on it and note that a session discussed it', async () => {
    await addDevelopment('blake');
    h.at(pair, 0, 10);

    const { comment, created } = await goals().commentOnGoal('avery', pair.pairId, 'd-1', {
      id: 'c-1',
      text: 'The platform team runs one next month: ask to shadow it.',
    });
    const discussed = await goals().editGoal('avery', pair.pairId, 'd-1', { rev: 2, discussedIn: s0 });

    expect(created).toBe(true);
    expect(comment).toMatchObject({ id: 'c-1', authorId: 'avery' });
    expect(discussed).toMatchObject({ sessionIds: [s0], comments: [comment] });
    expect(discussed.history!.at(-1)).toMatchObject({ by: 'avery', kind: 'commented' });
    // A retry of the same comment adds nothing.
    expect((await goals().commentOnGoal('avery', pair.pairId, 'd-1', { id: 'c-1', text: comment.text })).created).toBe(
      false,
    );
  });

  it('makes a development item the manager adds a proposal the report accepts or declines', async () => {
    const { goal } = await addDevelopment('avery');
    expect(goal.status).toBe('proposed');

    // Still a proposal: the manager may refine it, not accept it for the report.
    const refined = await goals().editGoal('avery', pair.pairId, 'd-1', { rev: 1, title: 'Lead one review' });
    await expect(goals().editGoal('avery', pair.pairId, 'd-1', { rev: 2, status: 'active' })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'status',
      code: 'report-owns-plan',
    });

    const accepted = await goals().editGoal('blake', pair.pairId, 'd-1', { rev: refined.rev, status: 'active' });
    expect(accepted.history!.at(-1)).toMatchObject({ by: 'blake', kind: 'accepted' });
    // Accepted, it is the report's: the manager's edits stop there.
    await expect(goals().editGoal('avery', pair.pairId, 'd-1', { rev: 3, title: 'x' })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'title',
    });
  });

  it('lets the manager withdraw their proposal', async () => {
    await addDevelopment('avery');
    expect(await goals().editGoal('avery', pair.pairId, 'd-1', { rev: 1, status: 'dropped' })).toMatchObject({
      status: 'dropped',
    });
  });

  it('keeps plain goals shared: either person adds and changes them', async () => {
    const { goal } = await goals().addGoal('avery', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Ship search' });
    expect(goal.status).toBe('active');
    const edited = await goals().editGoal('blake', pair.pairId, 'g-1', { rev: 1, addMilestone: { title: 'Beta' } });
    expect(await goals().editGoal('avery', pair.pairId, 'g-1', { rev: edited.rev, status: 'achieved' })).toMatchObject({
      status: 'achieved',
    });
  });

  it('keeps only the newest changes in a goal’s history', async () => {
    await goals().addGoal('blake', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Ship search' });
    let rev = 1;
    for (let i = 0; i < 25; i++) {
      rev = (await goals().editGoal('blake', pair.pairId, 'g-1', { rev, title: `Ship search v${i}` })).rev;
    }
    const [stored] = (await h.uc.pairs.overview('blake', pair.pairId)).goals;
    expect(stored!.history).toHaveLength(20);
    expect(stored!.history!.every((c) => c.kind === 'edited')).toBe(true);
  });

  it('refuses a comment that is empty, on a goal that does not exist, or from outside the pair', async () => {
    await addDevelopment('blake');
    await expect(goals().commentOnGoal('avery', pair.pairId, 'd-1', { text: '  ' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'text',
    });
    await expect(goals().commentOnGoal('avery', pair.pairId, 'nope', { text: 'hi' })).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'goalId',
    });
    await expect(goals().commentOnGoal('devon', pair.pairId, 'd-1', { text: 'hi' })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
