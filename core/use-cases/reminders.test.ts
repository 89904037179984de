import { createHarness } from '../../tests/support/use-case-harness';

describe('ReminderUseCases.plan', () => {
  it('plans prompts, recaps and nudges across every pair, with ids only', async () => {
    const h = createHarness();
    const p1 = await h.createPair();
    await h.createPair({ reportId: 'casey', startDate: '2026-03-04' });
    await h.uc.commitments.addActionItem('avery', p1.pairId, {
      id: 'ai-1',
      text: 'Write the proposal',
      ownerId: 'blake',
      due: '2026-03-05',
      sessionId: p1.sessionId(0),
    });
    // 2026-03-02 08:00: Avery–Blake meets 03-03 10:00, Avery–Casey 03-04 10:00.
    const planned = await h.uc.reminders.plan({ horizonMs: 3 * 86_400_000, lookbackMs: 0, recapGraceMs: 900_000 });

    expect(planned.map((p) => p.key).sort()).toEqual([
      'nudge.avery-blake.ai-1.2026-03-05',
      'prompt.avery-blake.20260303T100000Z.avery',
      'prompt.avery-blake.20260303T100000Z.blake',
      'prompt.avery-casey.20260304T100000Z.avery',
      'prompt.avery-casey.20260304T100000Z.casey',
      'recap.avery-blake.20260303T100000Z',
      'recap.avery-casey.20260304T100000Z',
    ]);
    expect(JSON.stringify(planned)).not.toContain('Write the proposal');
  });

  it('plans the prompt of an occurrence moved much earlier, for its new time', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    // 2026-03-02 08:00: the meeting of 03-24 moves to 03-03 15:00.
    await h.uc.schedule.move('avery', pair.pairId, pair.sessionId(3), new Date('2026-03-03T15:00:00Z'));
    const planned = await h.uc.reminders.plan({ horizonMs: 2 * 86_400_000, lookbackMs: 0, recapGraceMs: 900_000 });

    expect(planned.find((p) => p.key === `prompt.${pair.pairId}.${pair.sessionId(3)}.blake`)).toMatchObject({
      dueAt: '2026-03-02T15:00:00.000Z',
      payload: { start: '2026-03-03T15:00:00.000Z' },
    });
  });

  it('publishes a new pair, so the bot plans it without waiting for a full reconciliation', async () => {
    const h = createHarness();
    const pair = await h.createPair();

    expect(h.changes).toContainEqual(expect.objectContaining({ pairId: pair.pairId, kind: 'pair', by: 'avery' }));
    expect(
      (
        await h.uc.reminders.planPairs([pair.pairId, 'gone'], {
          horizonMs: 2 * 86_400_000,
          lookbackMs: 0,
          recapGraceMs: 0,
        })
      ).map((p) => p.key),
    ).toContain(`prompt.${pair.pairId}.${pair.sessionId(0)}.blake`);
  });
});
