import type { TemplateInput } from './templates';

/**
 * The built-in templates: the framework's sections shaped for four kinds of 1:1. Every word is a message id
 * (core/i18n/catalogs), so each person reads them in their own language; a manager's edits become their own
 * words.
 */
export interface BuiltInTemplate {
  readonly id: string;
  readonly template: TemplateInput & { readonly nameKey: string };
}

const p = (key: string) => ({ key: `template.prompt.${key}` });

export const TEMPLATE_LIBRARY: readonly BuiltInTemplate[] = [
  {
    id: 'weekly-check-in',
    template: {
      nameKey: 'template.name.weekly-check-in',
      deepDiveMinutes: 15,
      sections: [
        { id: 'check-in', prompts: [p('howAreYou')] },
        { id: 'progress', prompts: [p('sinceLastTime')] },
        { id: 'topics', prompts: [p('obstacle'), p('needFromMe')] },
        { id: 'deep-dive' },
        { id: 'feedback', prompts: [p('oneThingToChange')] },
        { id: 'next-steps' },
        { id: 'recap' },
      ],
    },
  },
  {
    id: 'career-conversation',
    template: {
      nameKey: 'template.name.career-conversation',
      deepDiveMinutes: 25,
      sections: [
        { id: 'check-in' },
        { id: 'x-direction', titleKey: 'template.section.direction', prompts: [p('energy'), p('twoYears')] },
        { id: 'topics', prompts: [p('skillToGrow')] },
        { id: 'deep-dive' },
        { id: 'progress', hidden: true },
        { id: 'feedback', prompts: [p('supportFromMe')] },
        { id: 'next-steps', prompts: [p('firstStep')] },
        { id: 'recap' },
      ],
    },
  },
  {
    id: 'feedback-focused',
    template: {
      nameKey: 'template.name.feedback-focused',
      deepDiveMinutes: 10,
      sections: [
        { id: 'check-in' },
        {
          id: 'feedback',
          titleKey: 'template.section.feedbackBothWays',
          prompts: [p('keepDoing'), p('doDifferently')],
        },
        { id: 'topics', prompts: [p('aboutMe')] },
        { id: 'deep-dive' },
        { id: 'progress', hidden: true },
        { id: 'next-steps' },
        { id: 'recap' },
      ],
    },
  },
  {
    id: 'first-90-days',
    template: {
      nameKey: 'template.name.first-90-days',
      deepDiveMinutes: 15,
      sections: [
        { id: 'check-in', prompts: [p('settlingIn')] },
        { id: 'x-learning', titleKey: 'template.section.learning', prompts: [p('clearer'), p('whoToMeet')] },
        { id: 'progress', prompts: [p('firstGoals')] },
        { id: 'topics', prompts: [p('surprised')] },
        { id: 'deep-dive' },
        { id: 'feedback', prompts: [p('onboarding')] },
        { id: 'next-steps' },
        { id: 'recap' },
      ],
    },
  },
];

/** Every message id a built-in template uses: the only ids a stored template may name. */
export const LIBRARY_TEXT_KEYS: ReadonlySet<string> = new Set(
  TEMPLATE_LIBRARY.flatMap(({ template }) => [
    template.nameKey,
    ...template.sections.flatMap((s) => [
      ...(s.titleKey ? [s.titleKey] : []),
      ...(s.prompts ?? []).flatMap((q) => ('key' in q ? [q.key] : [])),
    ]),
  ]),
);
