import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { keys, type PairDocument } from '../model/documents';
import { TEMPLATE_LIBRARY } from '../model/template-library';
import { TEMPLATE_LIMITS, validateTemplate, type TemplateInput, type TemplateSection } from '../model/templates';
import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const [s0, s1, s2] = [pair.sessionId(0), pair.sessionId(1), pair.sessionId(2)];

const FRAMEWORK: TemplateSection[] = [
  { id: 'check-in' },
  { id: 'progress' },
  { id: 'topics' },
  { id: 'deep-dive' },
  { id: 'feedback' },
  { id: 'next-steps' },
  { id: 'recap' },
];
/** Avery's shape: Progress hidden, Topics renamed with a prompt, an Obstacles section of her own first. */
const SHAPED: TemplateInput = {
  deepDiveMinutes: 20,
  sections: [
    {
      id: 'x-obstacles',
      title: 'Obstacles',
      prompts: [{ text: 'What’s the biggest obstacle you’re facing this week?' }],
    },
    { id: 'check-in' },
    { id: 'progress', hidden: true },
    { id: 'topics', title: 'What’s on your mind', prompts: [{ key: 'template.prompt.needFromMe' }] },
    { id: 'deep-dive' },
    { id: 'feedback' },
    { id: 'next-steps' },
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

describe('a pair’s template', () => {
  it('applies from the session after the current one: the current and earlier sessions keep their sections', async () => {
    const view = await h.uc.templates.setForPair('avery', pair.pairId, SHAPED);
    expect(view).toMatchObject({ appliesAfter: s0, canEdit: true });

    const current = await h.agenda('blake', s0);
    expect(current.sections.map((s) => s.id)).toEqual(FRAMEWORK.map((s) => s.id));
    expect(current.deepDiveMinutes).toBe(15);

    const next = await h.agenda('blake', s1);
    expect(next.sections.map((s) => s.id)).toEqual([
      'x-obstacles',
      'check-in',
      'topics',
      'deep-dive',
      'feedback',
      'next-steps',
      'recap',
    ]);
    expect(next.sections[0]).toMatchObject({
      title: 'Obstacles',
      customTitle: 'Obstacles',
      prompts: [{ text: 'What’s the biggest obstacle you’re facing this week?' }],
    });
    expect(next.sections[2]).toMatchObject({
      customTitle: 'What’s on your mind',
      prompts: [{ key: 'template.prompt.needFromMe' }],
    });
    expect(next.deepDiveMinutes).toBe(20);
    expect(h.changes.at(-1)).toMatchObject({ pairId: pair.pairId, kind: 'pair', by: 'avery' });
  });

  it('keeps each version for the sessions it applied to when it changes again later', async () => {
    await h.uc.templates.setForPair('avery', pair.pairId, SHAPED);
    // A second change before the next session replaces the pending version: no extra history.
    await h.uc.templates.setForPair('avery', pair.pairId, { ...SHAPED, deepDiveMinutes: 25 });
    expect((await storedPair()).earlierTemplates).toHaveLength(1);

    h.after(pair, 0);
    h.at(pair, 1, 5); // session 1 in progress: a change now applies from session 2
    await h.uc.templates.setForPair('avery', pair.pairId, {
      deepDiveMinutes: 30,
      sections: [{ id: 'topics' }, { id: 'x-wins', title: 'Wins' }],
    });
    expect((await h.agenda('avery', s0)).sections.map((s) => s.id)).toEqual(FRAMEWORK.map((s) => s.id));
    expect((await h.agenda('avery', s1)).deepDiveMinutes).toBe(25);
    expect((await h.agenda('avery', s1)).sections[0]!.id).toBe('x-obstacles');
    expect((await h.agenda('avery', s2)).sections.map((s) => s.id)).toEqual(['topics', 'x-wins']);
    expect((await h.uc.templates.ofPair('blake', pair.pairId)).template.deepDiveMinutes).toBe(30);
  });

  it('shows a topic whose section the template hides under Topics rather than nowhere', async () => {
    await h.uc.topics.add('blake', pair.pairId, s1, { title: 'Quarterly numbers', section: 'progress' });
    await h.uc.templates.setForPair('avery', pair.pairId, SHAPED);
    const next = await h.agenda('blake', s1);
    expect(next.sections.find((s) => s.id === 'topics')?.topics.map((t) => t.title)).toEqual(['Quarterly numbers']);
  });

  it('is shaped by the pair’s manager only: the report is refused, an outsider is told it does not exist', async () => {
    const before = await storedPair();
    const report = await refused(() => h.uc.templates.setForPair('blake', pair.pairId, SHAPED));
    expect(report).toBeInstanceOf(ForbiddenError);
    expect((await h.uc.templates.ofPair('blake', pair.pairId)).canEdit).toBe(false);
    const outsider = await refused(() => h.uc.templates.setForPair('devon', pair.pairId, SHAPED));
    expect(outsider).toBeInstanceOf(NotFoundError);
    expect(await refused(() => h.uc.templates.ofPair('devon', pair.pairId))).toBeInstanceOf(NotFoundError);
    expect(await storedPair()).toEqual(before);
  });

  it.each<[string, TemplateInput, string]>([
    [
      'too many sections',
      {
        deepDiveMinutes: 15,
        sections: [...FRAMEWORK, ...Array.from({ length: 6 }, (_, i) => ({ id: `x-${i}` as const, title: `S${i}` }))],
      },
      'sections',
    ],
    [
      'a title too long',
      { deepDiveMinutes: 15, sections: [{ id: 'topics', title: 'x'.repeat(TEMPLATE_LIMITS.title + 1) }] },
      'sections.0.title',
    ],
    [
      'a prompt too long',
      {
        deepDiveMinutes: 15,
        sections: [{ id: 'topics', prompts: [{ text: 'x'.repeat(TEMPLATE_LIMITS.prompt + 1) }] }],
      },
      'sections.0.prompts.0.text',
    ],
    [
      'an empty prompt',
      { deepDiveMinutes: 15, sections: [{ id: 'topics', prompts: [{ text: '  ' }] }] },
      'sections.0.prompts.0.text',
    ],
    [
      'too many prompts',
      {
        deepDiveMinutes: 15,
        sections: [{ id: 'topics', prompts: Array.from({ length: 6 }, () => ({ text: 'Why?' })) }],
      },
      'sections.0.prompts',
    ],
    [
      'a prompt key no template has',
      { deepDiveMinutes: 15, sections: [{ id: 'topics', prompts: [{ key: 'tab.tryAgain' }] }] },
      'sections.0.prompts.0.key',
    ],
    ['a section twice', { deepDiveMinutes: 15, sections: [{ id: 'topics' }, { id: 'topics' }] }, 'sections.1.id'],
    [
      'an unknown section id',
      { deepDiveMinutes: 15, sections: [{ id: 'topics' }, { id: 'agenda' as 'topics' }] },
      'sections.1.id',
    ],
    [
      'an added section without a title',
      { deepDiveMinutes: 15, sections: [{ id: 'topics' }, { id: 'x-new' }] },
      'sections.1.title',
    ],
    ['Topics hidden', { deepDiveMinutes: 15, sections: [{ id: 'topics', hidden: true }] }, 'sections.0.hidden'],
    ['no Topics', { deepDiveMinutes: 15, sections: [{ id: 'feedback' }] }, 'sections'],
    ['a deep dive of 0 minutes', { deepDiveMinutes: 0, sections: [{ id: 'topics' }] }, 'deepDiveMinutes'],
  ])('refuses %s, naming the field, and writes nothing', async (_, input, field) => {
    const before = await storedPair();
    const error = await refused(() => h.uc.templates.setForPair('avery', pair.pairId, input));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(await storedPair()).toEqual(before);
  });
});

describe('the built-in library', () => {
  it.each(TEMPLATE_LIBRARY.map((t) => [t.id, t] as const))('%s is a valid template', (_, builtIn) => {
    expect(validateTemplate(builtIn.template)).toEqual(builtIn.template);
  });

  it('is what every manager and report sees, with their own templates beside it', async () => {
    expect((await h.uc.templates.library('blake')).builtIn.map((t) => t.id)).toEqual([
      'weekly-check-in',
      'career-conversation',
      'feedback-focused',
      'first-90-days',
    ]);
  });
});

describe('own templates', () => {
  it('are saved by their owner and visible to nobody else', async () => {
    const saved = await h.uc.templates.saveOwn('avery', 'my-weekly', { ...SHAPED, name: 'Avery’s weekly' });
    expect(saved.template.name).toBe('Avery’s weekly');
    expect((await h.uc.templates.library('avery')).own.map((t) => t.id)).toEqual(['my-weekly']);
    expect((await h.uc.templates.library('blake')).own).toEqual([]);
    expect((await h.uc.templates.library('devon')).own).toEqual([]);
    // Saving under the same id replaces it.
    await h.uc.templates.saveOwn('avery', 'my-weekly', { ...SHAPED, name: 'Weekly, v2' });
    expect((await h.uc.templates.library('avery')).own.map((t) => t.template.name)).toEqual(['Weekly, v2']);
    await h.uc.templates.removeOwn('avery', 'my-weekly');
    expect((await h.uc.templates.library('avery')).own).toEqual([]);
    expect(await refused(() => h.uc.templates.removeOwn('avery', 'my-weekly'))).toBeInstanceOf(NotFoundError);
  });

  it('need a name and stop at the limit', async () => {
    const nameless = await refused(() => h.uc.templates.saveOwn('avery', 't-0', SHAPED));
    expect((nameless as ValidationError).field).toBe('name');
    for (let i = 0; i < TEMPLATE_LIMITS.ownTemplates; i++)
      await h.uc.templates.saveOwn('avery', `t-${i}`, { ...SHAPED, name: `T${i}` });
    const full = await refused(() => h.uc.templates.saveOwn('avery', 'one-more', { ...SHAPED, name: 'More' }));
    expect((full as ValidationError).field).toBe('templateId');
    expect((await h.uc.templates.library('avery')).own).toHaveLength(TEMPLATE_LIMITS.ownTemplates);
  });
});
