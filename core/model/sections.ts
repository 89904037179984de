import type { CustomSectionId, TemplateSection } from './templates';

/** The framework every session follows, in order. */
export const SECTIONS = ['check-in', 'progress', 'topics', 'deep-dive', 'feedback', 'next-steps', 'recap'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Where people may put topics: check-in is a mood and a line, recap is generated, never typed. */
export const TOPIC_SECTIONS = ['progress', 'topics', 'deep-dive', 'feedback', 'next-steps'] as const;
/** Those, or a section the pair's template added (`x-…`; only one in the session's template, checked in core). */
export type TopicSectionId = (typeof TOPIC_SECTIONS)[number] | CustomSectionId;

export const SECTION_TITLES: Record<SectionId, string> = {
  'check-in': 'Check-in',
  progress: 'Progress',
  topics: 'Topics',
  'deep-dive': 'Deep dive',
  feedback: 'Feedback',
  'next-steps': 'Next steps',
  recap: 'Recap',
};

export interface Template {
  /** Its name: the manager's words, or a built-in template's message id (core/model/template-library.ts). */
  readonly name?: string;
  readonly nameKey?: string;
  /** Bare ids: a framework section as it is (how templates were stored before they could be shaped). */
  readonly sections: readonly (SectionId | TemplateSection)[];
  /** The deep dive is bounded: one topic, this many minutes. */
  readonly deepDiveMinutes: number;
}

export const DEFAULT_TEMPLATE: Template = { sections: SECTIONS, deepDiveMinutes: 15 };
