import type { AgendaView } from './agenda-view';
import type { UserId } from './documents';

/**
 * What each person wants the bot to interrupt them with (docs/growth.md, People's attention). Stored per
 * person, for all their 1:1s; the recap is always sent (one prompt and one recap is the quiet default).
 */
export interface AttentionSettings {
  /** Ask me for my topics before a 1:1. */
  readonly prompt: boolean;
  /** How many hours before the 1:1 the prompt comes. */
  readonly promptHoursBefore: number;
  /** No prompt at all when the agenda already has a topic of mine. */
  readonly skipWhenMyTopics: boolean;
  /** A reminder the day before an action item of mine is due. */
  readonly nudges: boolean;
}

export interface AttentionDocument {
  readonly schema: 1;
  settings: AttentionSettings;
  updatedAt: string;
}

/** The hours before a 1:1 a person can choose for the prompt: the same list in the tab and the bot's card. */
export const PROMPT_HOURS = [1, 2, 4, 24, 48] as const;

/** The quiet defaults that still work: one prompt a day ahead (none when my topics are in), one recap, nudges. */
export const DEFAULT_ATTENTION: AttentionSettings = {
  prompt: true,
  promptHoursBefore: 24,
  skipWhenMyTopics: true,
  nudges: true,
};

/** The stored settings over the defaults: a setting added later reads as its default. */
export function attentionOf(stored: Partial<AttentionSettings> | undefined): AttentionSettings {
  return { ...DEFAULT_ATTENTION, ...stored };
}

export type NoPromptReason = 'prompts-off' | 'nothing-to-add' | 'topics-in';

/**
 * Why this person gets no prompt for this session, or undefined when they get one: they turned prompts off,
 * said "nothing to add" for it, or (when they chose so) the agenda already has a topic of theirs.
 */
export function whyNoPrompt(
  settings: AttentionSettings,
  view: Pick<AgendaView, 'nothingFromMe' | 'sections'>,
  userId: UserId,
): NoPromptReason | undefined {
  if (!settings.prompt) return 'prompts-off';
  if (view.nothingFromMe) return 'nothing-to-add';
  const mine = view.sections.some((s) => s.topics.some((t) => t.authorId === userId && !t.discussed));
  if (settings.skipWhenMyTopics && mine) return 'topics-in';
  return undefined;
}
