import { ValidationError } from '../errors';
import { keys, type PairDocument } from '../model/documents';
import type { TemplateInput } from '../model/templates';
import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const [s0, s1] = [pair.sessionId(0), pair.sessionId(1)];

/** Avery added an Obstacles section (first) and a Learning one she keeps hidden for now. */
const SHAPED: TemplateInput = {
  deepDiveMinutes: 15,
  sections: [
    { id: 'x-obstacles', title: 'Obstacles' },
    { id: 'check-in' },
    { id: 'topics' },
    { id: 'x-learning', title: 'Learning', hidden: true },
    { id: 'deep-dive' },
    { id: 'recap' },
  ],
};

async function storedPair(): Promise<PairDocument> {
  return (await h.store.get<PairDocument>(keys.pair(pair.pairId)))!.body;
}

async function refused(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

const inSection = async (sessionId: string, section: string) =>
  (await h.agenda('blake', sessionId)).sections.find((s) => s.id === section)?.topics.map((t) => t.title);

describe('topics in a section the manager added', () => {
  beforeEach(async () => {
    await h.uc.templates.setForPair('avery', pair.pairId, SHAPED);
  });

  it('are added to it in a session whose template has it, and show under it', async () => {
    const { topic } = await h.uc.topics.add('blake', pair.pairId, s1, {
      id: 'o1',
      title: 'Waiting on the design review',
      section: 'x-obstacles',
    });
    expect(topic.section).toBe('x-obstacles');
    expect(await inSection(s1, 'x-obstacles')).toEqual(['Waiting on the design review']);
    expect(await inSection(s1, 'topics')).toEqual([]);
    // A retry of the same add is the same topic.
    const again = await h.uc.topics.add('blake', pair.pairId, s1, {
      id: 'o1',
      title: 'Waiting on the design review',
      section: 'x-obstacles',
    });
    expect(again.created).toBe(false);
  });

  it.each([
    [
      'a section this session’s template does not have (it applies from the next one)',
      s0,
      'x-obstacles',
      /not a section/,
    ],
    ['a section no template has', s1, 'x-nowhere', /not a section/],
    ['a hidden section', s1, 'x-learning', /hidden/],
  ])('refuses %s, naming the field, and writes nothing', async (_, sessionId, section, message) => {
    const before = await storedPair();
    const error = await refused(() =>
      h.uc.topics.add('blake', pair.pairId, sessionId, { title: 'Stuck', section: section as `x-${string}` }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'section', message: expect.stringMatching(message) });
    expect(await storedPair()).toEqual(before);
  });

  it('takes a topic moved into it, and refuses a move into one the session lacks', async () => {
    await h.uc.topics.add('blake', pair.pairId, s1, { id: 't1', title: 'Release plan' });
    const moved = await h.uc.topics.edit('blake', pair.pairId, s1, 't1', { rev: 1, section: 'x-obstacles' });
    expect(moved.section).toBe('x-obstacles');
    expect(await inSection(s1, 'x-obstacles')).toEqual(['Release plan']);

    const before = await storedPair();
    const error = await refused(() =>
      h.uc.topics.edit('blake', pair.pairId, s1, 't1', { rev: 2, section: 'x-learning' }),
    );
    expect(error).toMatchObject({ name: 'ValidationError', field: 'section' });
    expect(await storedPair()).toEqual(before);
  });

  it('shows such a topic under Topics once a later version removes the section', async () => {
    await h.uc.topics.add('blake', pair.pairId, s1, { title: 'Flaky builds', section: 'x-obstacles' });
    // Still before session 1: this change replaces the version session 1 follows.
    await h.uc.templates.setForPair('avery', pair.pairId, { deepDiveMinutes: 15, sections: [{ id: 'topics' }] });
    expect(await inSection(s1, 'x-obstacles')).toBeUndefined();
    expect(await inSection(s1, 'topics')).toEqual(['Flaky builds']);
    // The topic is not rewritten: only the view moves it.
    expect((await storedPair()).topics.find((t) => t.title === 'Flaky builds')?.section).toBe('x-obstacles');
  });
});
