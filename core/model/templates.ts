import { ValidationError } from '../errors';
import type { PairDocument } from './documents';
import { SECTIONS, type SectionId, type Template } from './sections';
import { optionalText, requiredText } from './text';
import { LIBRARY_TEXT_KEYS } from './template-library';
import { shellEn as en } from '../i18n/catalogs/en';
import type { MessageId } from '../i18n/messages';

/**
 * Templates people shape: which sections a 1:1 has, in which order, under which titles, with which prompts,
 * and how long the deep dive is. A pair's template is versioned on the pair document (docs/meeting.md,
 * Templates): a change applies to the sessions after the current one, so history keeps its sections.
 */

/** A section the manager added (or a built-in template brings): its own id, never one of the framework's. */
export type CustomSectionId = `x-${string}`;
export type TemplateSectionId = SectionId | CustomSectionId;

/** A question shown under a section's heading: a built-in one by its message id, or the manager's own words. */
export type TemplatePrompt = { readonly key: string } | { readonly text: string };

export interface TemplateSection {
  readonly id: TemplateSectionId;
  /** The manager's own title; absent: the built-in template's (`titleKey`) or the framework's. */
  readonly title?: string;
  /** A built-in template's title, by message id. */
  readonly titleKey?: string;
  /** Not shown on the agenda (topics already in it still show, under Topics). */
  readonly hidden?: boolean;
  readonly prompts?: readonly TemplatePrompt[];
}

/** What a manager sends to set a pair's template or save their own. */
export interface TemplateInput {
  /** The template's name (own templates); a built-in's by message id. */
  readonly name?: string;
  readonly nameKey?: string;
  readonly sections: readonly TemplateSection[];
  readonly deepDiveMinutes: number;
}

export const TEMPLATE_LIMITS = {
  sections: 12,
  promptsPerSection: 5,
  title: 60,
  prompt: 200,
  name: 60,
  ownTemplates: 20,
  deepDiveMinutes: 120,
} as const;

const CUSTOM_SECTION_ID = /^x-[A-Za-z0-9_-]{1,40}$/;

export function isCustomSectionId(id: string): id is CustomSectionId {
  return CUSTOM_SECTION_ID.test(id);
}

/** A template's sections as objects: documents stored before templates could be shaped list bare ids. */
export function sectionsOf(template: Template): TemplateSection[] {
  return template.sections.map((s) => (typeof s === 'string' ? { id: s } : s));
}

/**
 * The input checked and tidied (text trimmed, empty optional text dropped). Fields are named as the HTTP
 * edge names them (`sections.2.title`), so a client can point at the one that is wrong.
 */
export function validateTemplate(input: TemplateInput, options: { readonly named?: boolean } = {}): Template {
  if (!Array.isArray(input.sections)) throw new ValidationError('must be a list of sections', 'sections');
  if (input.sections.length === 0) throw new ValidationError('must have at least one section', 'sections');
  if (input.sections.length > TEMPLATE_LIMITS.sections)
    throw new ValidationError(`must have at most ${TEMPLATE_LIMITS.sections} sections`, 'sections');
  const minutes = input.deepDiveMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > TEMPLATE_LIMITS.deepDiveMinutes)
    throw new ValidationError(`must be a whole number from 1 to ${TEMPLATE_LIMITS.deepDiveMinutes}`, 'deepDiveMinutes');
  const seen = new Set<string>();
  const sections = input.sections.map((s, i) => {
    const field = `sections.${i}`;
    if (!(SECTIONS as readonly string[]).includes(s.id) && !isCustomSectionId(s.id))
      throw new ValidationError(
        'must be a section of the framework or x- and 1-40 letters, digits, "-" or "_"',
        `${field}.id`,
      );
    if (seen.has(s.id)) throw new ValidationError('appears twice', `${field}.id`);
    seen.add(s.id);
    const title = optionalText(s.title, `${field}.title`, TEMPLATE_LIMITS.title);
    if (s.titleKey !== undefined && !LIBRARY_TEXT_KEYS.has(s.titleKey))
      throw new ValidationError('is no title of a built-in template', `${field}.titleKey`);
    if (isCustomSectionId(s.id) && title === undefined && s.titleKey === undefined)
      throw new ValidationError('a section you add needs a title', `${field}.title`);
    if (s.id === 'topics' && s.hidden)
      throw new ValidationError('Topics cannot be hidden: topics land there', `${field}.hidden`);
    const prompts = s.prompts ?? [];
    if (prompts.length > TEMPLATE_LIMITS.promptsPerSection)
      throw new ValidationError(`must have at most ${TEMPLATE_LIMITS.promptsPerSection} prompts`, `${field}.prompts`);
    const checked = prompts.map((p: TemplatePrompt, j: number): TemplatePrompt => {
      if ('key' in p) {
        if (!LIBRARY_TEXT_KEYS.has(p.key))
          throw new ValidationError('is no prompt of a built-in template', `${field}.prompts.${j}.key`);
        return { key: p.key };
      }
      return { text: requiredText(p.text, `${field}.prompts.${j}.text`, TEMPLATE_LIMITS.prompt) };
    });
    return {
      id: s.id,
      ...(title !== undefined && { title }),
      ...(title === undefined && s.titleKey !== undefined && { titleKey: s.titleKey }),
      ...(s.hidden && { hidden: true }),
      ...(checked.length > 0 && { prompts: checked }),
    };
  });
  if (!seen.has('topics')) throw new ValidationError('must include Topics: topics land there', 'sections');
  const name = optionalText(input.name, 'name', TEMPLATE_LIMITS.name);
  if (input.nameKey !== undefined && !LIBRARY_TEXT_KEYS.has(input.nameKey))
    throw new ValidationError('is no name of a built-in template', 'nameKey');
  if (options.named && name === undefined) throw new ValidationError('must not be empty', 'name');
  return {
    ...(name !== undefined && { name }),
    ...(name === undefined && input.nameKey !== undefined && { nameKey: input.nameKey }),
    sections,
    deepDiveMinutes: minutes,
  };
}

/** The template a session follows: the version that was current when the session was the pair's future. */
export function templateForSession(pair: PairDocument, sessionId: string): Template {
  if (pair.templateAfter === undefined || sessionId > pair.templateAfter) return pair.template;
  return pair.earlierTemplates?.find((e) => sessionId <= e.through)?.template ?? pair.template;
}

/**
 * Sets the pair's template for the sessions after `after` (the current session's id): the sessions up to it
 * keep the version they had. Returns whether anything changed.
 */
export function applyTemplate(pair: PairDocument, template: Template, after: string): boolean {
  if (JSON.stringify(pair.template) === JSON.stringify(template) && pair.templateAfter === after) return false;
  if (pair.templateAfter === undefined || pair.templateAfter < after) {
    const earlier = pair.earlierTemplates ?? [];
    const last = earlier.at(-1);
    // The same version twice in a row: one entry that reaches further.
    if (last && JSON.stringify(last.template) === JSON.stringify(pair.template))
      earlier[earlier.length - 1] = { through: after, template: last.template };
    else earlier.push({ through: after, template: pair.template });
    pair.earlierTemplates = earlier;
  }
  pair.template = template;
  pair.templateAfter = after;
  return true;
}

/**
 * A section's heading in the reader's language: the manager's words, else a built-in template's title, else
 * the framework's. For a template's section pass its `title` as `customTitle`.
 */
export function sectionHeading(
  section: { readonly id: string; readonly customTitle?: string; readonly titleKey?: string },
  t: (id: MessageId) => string,
): string {
  if (section.customTitle) return section.customTitle;
  if (section.titleKey && Object.hasOwn(en, section.titleKey)) return t(section.titleKey as MessageId);
  if (isCustomSectionId(section.id)) return section.id;
  return t(`section.${section.id}` as MessageId);
}

/** A prompt in the reader's language: a built-in one by its message id, else as its author wrote it. */
export function promptText(prompt: TemplatePrompt, t: (id: MessageId) => string): string {
  return 'key' in prompt ? (Object.hasOwn(en, prompt.key) ? t(prompt.key as MessageId) : '') : prompt.text;
}
