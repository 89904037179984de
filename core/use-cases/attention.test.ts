import { createHarness } from '../../tests/support/use-case-harness';
import { DEFAULT_ATTENTION } from '../model/attention';

const WINDOW = { horizonMs: 3 * 86_400_000, lookbackMs: 0, recapGraceMs: 900_000 };

describe('People’s attention: what the bot interrupts each person with', () => {
  it('starts quiet but working: one prompt a day ahead, skipped when my topics are in, nudges on', async () => {
    const h = createHarness();

    expect(await h.uc.attention.get('blake')).toEqual({
      prompt: true,
      promptHoursBefore: 24,
      skipWhenMyTopics: true,
      nudges: true,
    });
    expect(DEFAULT_ATTENTION.prompt).toBe(true);
  });

  it('keeps each person’s choice for themselves and re-plans only their own reminders', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    await h.uc.commitments.addActionItem('avery', pair.pairId, {
      id: 'ai-1',
      text: 'Write the proposal',
      ownerId: 'blake',
      due: '2026-03-05',
      sessionId: pair.sessionId(0),
    });
    h.changes.length = 0;

    await h.uc.attention.update('blake', { promptHoursBefore: 2, nudges: false });

    expect(await h.uc.attention.get('blake')).toMatchObject({ promptHoursBefore: 2, nudges: false, prompt: true });
    expect(await h.uc.attention.get('avery')).toEqual(DEFAULT_ATTENTION);
    expect(h.changes).toEqual([expect.objectContaining({ pairId: pair.pairId, kind: 'attention', onlyFor: 'blake' })]);
    // 2026-03-02 08:00; the 1:1 is 03-03 10:00: Blake's prompt two hours before, Avery's a day before, no nudge.
    const planned = await h.uc.reminders.plan(WINDOW);
    expect(planned.filter((p) => p.kind === 'prompt').map((p) => [p.payload.userId, p.dueAt])).toEqual([
      ['blake', '2026-03-03T08:00:00.000Z'],
      ['avery', '2026-03-02T10:00:00.000Z'],
    ]);
    expect(planned.some((p) => p.kind === 'nudge')).toBe(false);
  });

  it('plans no prompt at all for someone who turned prompts off; the recap still comes', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    await h.uc.attention.update('avery', { prompt: false });

    const planned = await h.uc.reminders.plan(WINDOW);

    expect(planned.map((p) => p.key).sort()).toEqual([
      `prompt.${pair.pairId}.${pair.sessionId(0)}.blake`,
      `recap.${pair.pairId}.${pair.sessionId(0)}`,
    ]);
    expect((await h.uc.attention.promptFor('avery', pair.pairId, pair.sessionId(0))).skip).toBe('prompts-off');
  });

  it('asks nobody who said "nothing to add" for this session, and only for this session', async () => {
    const h = createHarness();
    const pair = await h.createPair();

    expect((await h.uc.attention.promptFor('blake', pair.pairId, pair.sessionId(0))).skip).toBeUndefined();
    await h.uc.sessions.nothingFromMe('blake', pair.pairId, pair.sessionId(0));

    expect((await h.uc.attention.promptFor('blake', pair.pairId, pair.sessionId(0))).skip).toBe('nothing-to-add');
    expect((await h.uc.attention.promptFor('avery', pair.pairId, pair.sessionId(0))).skip).toBeUndefined();
    expect((await h.uc.attention.promptFor('blake', pair.pairId, pair.sessionId(1))).skip).toBeUndefined();
  });

  it('asks nobody whose topics are already on the agenda, unless they want the prompt anyway', async () => {
    const h = createHarness();
    const pair = await h.createPair();
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(0), { id: 't-1', title: 'Career conversation' });

    expect((await h.uc.attention.promptFor('blake', pair.pairId, pair.sessionId(0))).skip).toBe('topics-in');
    // The other person's topics are not theirs: Avery is still asked.
    expect((await h.uc.attention.promptFor('avery', pair.pairId, pair.sessionId(0))).skip).toBeUndefined();

    await h.uc.attention.update('blake', { skipWhenMyTopics: false });
    const { view, skip } = await h.uc.attention.promptFor('blake', pair.pairId, pair.sessionId(0));
    expect(skip).toBeUndefined();
    expect(view.viewer.id).toBe('blake');
  });

  it('refuses a setting it does not know or a value it cannot use, naming the field, and changes nothing', async () => {
    const h = createHarness();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ prompt: 'yes' }, 'prompt'],
      [{ nudges: 1 }, 'nudges'],
      [{ skipWhenMyTopics: null }, 'skipWhenMyTopics'],
      [{ promptHoursBefore: 3 }, 'promptHoursBefore'],
      [{ promptHoursBefore: '24' }, 'promptHoursBefore'],
      [{ recap: false }, 'recap'],
    ];
    for (const [patch, field] of bad) {
      await expect(h.uc.attention.update('blake', patch)).rejects.toMatchObject({ name: 'ValidationError', field });
    }
    expect(await h.uc.attention.get('blake')).toEqual(DEFAULT_ATTENTION);
  });
});
