import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { assertClientId, sessionIdFromStart } from '../model/ids';
import type { UserId } from '../model/documents';
import type { Template } from '../model/sections';
import { TEMPLATE_LIBRARY, type BuiltInTemplate } from '../model/template-library';
import { applyTemplate, sectionsOf, TEMPLATE_LIMITS, validateTemplate, type TemplateInput } from '../model/templates';
import { MOVE_REACH_DAYS, nextSlot } from '../model/timeline';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;
/** Far enough ahead to find the current session at any cadence. */
const AHEAD_DAYS = 100;

/** A manager's own template, saved to use for other reports: only its owner ever reads it. */
export interface OwnTemplate {
  readonly id: string;
  readonly template: Template;
  readonly updatedAt: string;
}

/** Stored in the owner's personal store (their OneDrive app folder in Microsoft 365 mode). */
interface OwnTemplatesDocument {
  readonly schema: 1;
  templates: OwnTemplate[];
}

const OWN_TEMPLATES_KEY = 'templates/own';

export interface TemplateLibrary {
  readonly builtIn: readonly BuiltInTemplate[];
  readonly own: readonly OwnTemplate[];
}

export interface PairTemplateView {
  /** The template sessions after `appliesAfter` follow (what the editor starts from). */
  readonly template: Template;
  /** The session up to which the earlier version still applies: the current one when the change was made. */
  readonly appliesAfter?: string;
  /** Only the pair's manager shapes it. */
  readonly canEdit: boolean;
}

/**
 * Templates: the built-in library, each manager's own templates, and the template of a pair. Only the pair's
 * manager changes a pair's template; a change applies from the session after the current one on.
 */
export class TemplateUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /** The built-in templates and the caller's own: nobody else's. */
  async library(actor: UserId): Promise<TemplateLibrary> {
    const own = await this.access.privateDocs(actor).read<OwnTemplatesDocument>(OWN_TEMPLATES_KEY);
    return { builtIn: TEMPLATE_LIBRARY, own: own?.body.templates ?? [] };
  }

  /** Save (or replace) one of the caller's own templates under a client-made id. */
  async saveOwn(actor: UserId, templateId: string, input: TemplateInput): Promise<OwnTemplate> {
    assertClientId(templateId, 'templateId');
    const template = validateTemplate(input, { named: true });
    const saved: OwnTemplate = { id: templateId, template, updatedAt: this.access.now() };
    return this.access.privateDocs(actor).mutate<OwnTemplatesDocument, OwnTemplate>(OWN_TEMPLATES_KEY, (current) => {
      const doc = current ?? { schema: 1, templates: [] };
      const at = doc.templates.findIndex((t) => t.id === templateId);
      if (at < 0 && doc.templates.length >= TEMPLATE_LIMITS.ownTemplates)
        throw new ConflictError(`you can keep at most ${TEMPLATE_LIMITS.ownTemplates} templates`, 'templateId');
      if (at >= 0) doc.templates[at] = saved;
      else doc.templates.push(saved);
      return { write: doc, result: saved };
    });
  }

  async removeOwn(actor: UserId, templateId: string): Promise<void> {
    assertClientId(templateId, 'templateId');
    const removed = await this.access
      .privateDocs(actor)
      .mutate<OwnTemplatesDocument, boolean>(OWN_TEMPLATES_KEY, (current) => {
        if (!current?.templates.some((t) => t.id === templateId)) return { result: false };
        current.templates = current.templates.filter((t) => t.id !== templateId);
        return { write: current, result: true };
      });
    if (!removed) throw new NotFoundError('no such template', 'templateId');
  }

  async ofPair(actor: UserId, pairId: string): Promise<PairTemplateView> {
    const { pair, role } = await this.access.member(actor, pairId);
    return viewOf(pair.template, pair.templateAfter, role === 'manager');
  }

  /**
   * The manager sets the pair's template (a built-in one, one of their own, or one shaped in place). The
   * sessions up to the current one (in progress, else the next) keep the version they had; the ones after
   * follow this one. Everything is checked before anything is written.
   */
  async setForPair(actor: UserId, pairId: string, input: TemplateInput): Promise<PairTemplateView> {
    const template = validateTemplate(input);
    const membership = await this.access.member(actor, pairId);
    if (membership.role !== 'manager') throw new ForbiddenError("only the 1:1's manager shapes its template", 'pairId');
    const now = this.deps.clock.now();
    const slots = membership.pair.archived
      ? []
      : await this.access.slots(
          membership.pair,
          new Date(now.getTime() - MOVE_REACH_DAYS * DAY),
          new Date(now.getTime() + AHEAD_DAYS * DAY),
        );
    // No current session (a series that ended): every session from now on.
    const after = nextSlot(slots)?.id ?? sessionIdFromStart(now);
    const view = await this.access.mutatePair(
      pairId,
      (pair) => ({
        changed: applyTemplate(pair, template, after),
        result: viewOf(pair.template, pair.templateAfter, true),
      }),
      membership,
    );
    this.access.publish({ pairId, kind: 'pair', by: actor });
    return view;
  }
}

function viewOf(template: Template, after: string | undefined, canEdit: boolean): PairTemplateView {
  return {
    template: { ...template, sections: sectionsOf(template) },
    ...(after !== undefined && { appliesAfter: after }),
    canEdit,
  };
}
