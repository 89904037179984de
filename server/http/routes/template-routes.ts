import { z } from 'zod';
import { TEMPLATE_LIMITS, type TemplateInput } from '../../../core/model/templates';
import { route } from '../route';
import { command, type ApiDeps } from './deps';

/**
 * Edge validation of a template: shapes and core's limits (so the OpenAPI document advertises them); which
 * section ids and message ids are allowed, and that Topics stays, are core's rules (core/model/templates.ts).
 */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const prompt = z.union([
  z.strictObject({ key: z.string().min(1).max(100) }),
  z.strictObject({ text: text(TEMPLATE_LIMITS.prompt).min(1, 'must not be empty') }),
]);
const section = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9_-]{0,41}$/, 'must be a section id'),
  title: text(TEMPLATE_LIMITS.title).optional(),
  titleKey: z.string().min(1).max(100).optional(),
  hidden: z.boolean().optional(),
  prompts: z
    .array(prompt)
    .max(TEMPLATE_LIMITS.promptsPerSection, `must have at most ${TEMPLATE_LIMITS.promptsPerSection} prompts`)
    .optional(),
});
const template = {
  name: text(TEMPLATE_LIMITS.name).optional(),
  nameKey: z.string().min(1).max(100).optional(),
  sections: z
    .array(section)
    .min(1, 'must have at least one section')
    .max(TEMPLATE_LIMITS.sections, `must have at most ${TEMPLATE_LIMITS.sections} sections`),
  deepDiveMinutes: z.number().int().min(1).max(TEMPLATE_LIMITS.deepDiveMinutes),
};
export const templateBody = z.strictObject(template);
export const ownTemplateBody = z.strictObject({
  ...template,
  name: text(TEMPLATE_LIMITS.name).min(1, 'must not be empty'),
});

/** core decides what a section id and a prompt may be; zod's string widens them, core checks them. */
const asInput = (body: z.infer<typeof templateBody>) => body as TemplateInput;

/** Templates: the built-in library with the caller's own, and the template of a 1:1. */
export function templateRoutes({ useCases: uc }: ApiDeps) {
  return [
    route({
      method: 'get',
      path: '/api/templates',
      summary: 'The built-in templates and my own (nobody else’s)',
      tag: 'templates',
      auth: 'user',
      success: 200,
      handle: async ({ caller }) => ({ json: await uc.templates.library(caller.userId) }),
    }),
    route({
      method: 'put',
      path: '/api/templates/:templateId',
      summary: 'Save one of my own templates (or replace it) under a client-made id',
      tag: 'templates',
      auth: 'user',
      body: ownTemplateBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.templates.saveOwn(caller.userId, params.templateId!, asInput(body)),
      }),
    }),
    command({
      method: 'del',
      path: '/api/templates/:templateId',
      summary: 'Remove one of my own templates',
      tag: 'templates',
      run: (userId, p) => uc.templates.removeOwn(userId, p.templateId!),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/template',
      summary: "The 1:1's template, from which session it applies, and whether I may change it",
      tag: 'templates',
      auth: 'user',
      success: 200,
      handle: async ({ caller, params }) => ({ json: await uc.templates.ofPair(caller.userId, params.pairId!) }),
    }),
    route({
      method: 'put',
      path: '/api/pairs/:pairId/template',
      summary: "Set the 1:1's template (its manager): it applies from the session after the current one",
      tag: 'templates',
      auth: 'user',
      body: templateBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.templates.setForPair(caller.userId, params.pairId!, asInput(body)),
      }),
    }),
  ];
}
