import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const s0 = pair.sessionId(0);

describe('linking an action item to a goal', () => {
  beforeEach(async () => {
    await h.uc.commitments.addGoal('blake', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Ship the thing' });
    await h.createPair({ id: 'avery-casey', reportId: 'casey' });
    await h.uc.commitments.addGoal('casey', 'avery-casey', { id: 'g-casey', kind: 'goal', title: "Casey's goal" });
  });

  const add = (goalId?: string, id = 'a-1') =>
    h.uc.commitments.addActionItem('avery', pair.pairId, {
      id,
      text: 'Draft the plan',
      ownerId: 'blake',
      due: '2026-03-09',
      sessionId: s0,
      ...(goalId !== undefined && { goalId }),
    });

  it('links when adding, changes and removes the link when editing', async () => {
    expect((await add('g-1')).item).toMatchObject({ id: 'a-1', goalId: 'g-1' });

    const unlinked = await h.uc.commitments.editActionItem('blake', pair.pairId, 'a-1', { rev: 1, goalId: null });
    expect(unlinked).not.toHaveProperty('goalId');
    const relinked = await h.uc.commitments.editActionItem('blake', pair.pairId, 'a-1', { rev: 2, goalId: 'g-1' });
    expect(relinked).toMatchObject({ goalId: 'g-1', rev: 3 });
  });

  it('keeps the link when the goal is dropped later', async () => {
    await add('g-1');
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 1, status: 'dropped' });
    const edited = await h.uc.commitments.editActionItem('blake', pair.pairId, 'a-1', { rev: 1, text: 'Draft it' });
    expect(edited).toMatchObject({ goalId: 'g-1', text: 'Draft it' });
  });

  it('refuses a goal of another pair when adding, and writes nothing', async () => {
    await expect(add('g-casey')).rejects.toMatchObject({ name: 'ValidationError', field: 'goalId' });
    const view = await h.agenda('avery', s0);
    expect(view.nextSteps).toEqual([]);
  });

  it('refuses a goal of another pair when editing, and changes nothing', async () => {
    await add('g-1');
    await expect(
      h.uc.commitments.editActionItem('blake', pair.pairId, 'a-1', { rev: 1, goalId: 'g-casey', text: 'Changed' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'goalId' });
    const view = await h.agenda('avery', s0);
    expect(view.nextSteps).toEqual([
      expect.objectContaining({ id: 'a-1', text: 'Draft the plan', goalId: 'g-1', rev: 1 }),
    ]);
  });

  it('refuses someone outside the pair linking an item (the pair is not shown to them)', async () => {
    await add('g-1');
    await expect(
      h.uc.commitments.editActionItem('casey', pair.pairId, 'a-1', { rev: 1, goalId: null }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('linking a topic to a goal', () => {
  beforeEach(async () => {
    await h.uc.commitments.addGoal('blake', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Ship the thing' });
    await h.createPair({ id: 'avery-casey', reportId: 'casey' });
    await h.uc.commitments.addGoal('casey', 'avery-casey', { id: 'g-casey', kind: 'goal', title: "Casey's goal" });
  });

  const topicOf = async (actor = 'avery') => (await h.agenda(actor, s0)).sections.flatMap((s) => s.topics);

  it('links when adding, names the goal on the agenda, and says when the goal is closed', async () => {
    const { topic } = await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career', goalId: 'g-1' });
    expect(topic.goal).toEqual({ id: 'g-1', title: 'Ship the thing', closed: false });

    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 1, status: 'dropped' });
    expect((await topicOf())[0]!.goal).toEqual({ id: 'g-1', title: 'Ship the thing', closed: true });
  });

  it('changes and removes the link when its author edits it', async () => {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career' });
    const linked = await h.uc.topics.edit('blake', pair.pairId, s0, 't-1', { rev: 1, goalId: 'g-1' });
    expect(linked.goal).toMatchObject({ id: 'g-1' });
    const unlinked = await h.uc.topics.edit('blake', pair.pairId, s0, 't-1', { rev: 2, goalId: null });
    expect(unlinked).not.toHaveProperty('goal');
  });

  it('refuses a goal of another pair, and writes nothing', async () => {
    await expect(
      h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career', goalId: 'g-casey' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'goalId' });
    expect(await topicOf()).toEqual([]);

    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-2', title: 'Growth' });
    await expect(
      h.uc.topics.edit('blake', pair.pairId, s0, 't-2', { rev: 1, title: 'Changed', goalId: 'g-casey' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'goalId' });
    expect(await topicOf()).toEqual([expect.objectContaining({ id: 't-2', title: 'Growth', rev: 1 })]);
  });

  it("lets only the topic's author link it, as for its text", async () => {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career' });
    await expect(h.uc.topics.edit('avery', pair.pairId, s0, 't-1', { rev: 1, goalId: 'g-1' })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'goalId',
    });
    expect((await topicOf())[0]).not.toHaveProperty('goal');
  });
});

describe('linked goals on the agenda', () => {
  beforeEach(async () => {
    await h.uc.commitments.addGoal('blake', pair.pairId, { id: 'g-1', kind: 'goal', title: 'Ship the thing' });
  });

  it("names an action item's goal in the next steps and in the next session's progress, closed or not", async () => {
    await h.uc.commitments.addActionItem('avery', pair.pairId, {
      id: 'a-1',
      text: 'Draft the plan',
      ownerId: 'blake',
      due: '2026-03-09',
      sessionId: s0,
      goalId: 'g-1',
    });
    expect((await h.agenda('blake', s0)).nextSteps[0]!.goal).toEqual({
      id: 'g-1',
      title: 'Ship the thing',
      closed: false,
    });
    await h.uc.commitments.editGoal('blake', pair.pairId, 'g-1', { rev: 1, status: 'achieved' });
    const next = await h.agenda('blake', pair.sessionId(1));
    expect(next.progress.actionItems[0]!.goal).toEqual({ id: 'g-1', title: 'Ship the thing', closed: true });
  });

  it('lets the author link a private talking point, which the other person still does not see', async () => {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Ask for a raise', private: true });
    const linked = await h.uc.topics.edit('blake', pair.pairId, s0, 't-1', { rev: 1, goalId: 'g-1' });
    expect(linked.goal).toMatchObject({ id: 'g-1' });
    const manager = await h.agenda('avery', s0);
    expect(manager.sections.flatMap((s) => s.topics)).toEqual([]);
    expect(JSON.stringify(manager)).not.toContain('Ask for a raise');
  });
});
