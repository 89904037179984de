import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { toTopicView, topicsOfSession, type TopicView } from '../model/agenda-view';
import type { PairDocument, Topic, UserId } from '../model/documents';
import { assertPairGoal } from '../model/goal-links';
import { assertClientId } from '../model/ids';
import { TOPIC_SECTIONS, type TopicSectionId } from '../model/sections';
import { isCustomSectionId, sectionsOf, templateForSession } from '../model/templates';
import { LIMITS } from '../contract/limits';
import { visibleTo } from '../model/private-topics';
import { optionalText, requiredText } from '../model/text';
import type { Slot } from '../model/timeline';
import type { TandemDeps } from './deps';
import { PairAccess, sessionConcluded } from './pair-access';

export interface AddTopicInput {
  readonly id?: string;
  readonly title: string;
  readonly detail?: string;
  readonly section?: TopicSectionId;
  /** A private talking point: a reminder only its author sees (core/model/private-topics.ts). */
  readonly private?: boolean;
  /** The goal it is about: a goal of this 1:1. */
  readonly goalId?: string;
}

export interface EditTopicInput {
  /** The revision the editor started from: a stale one is refused with the current topic. */
  readonly rev: number;
  readonly title?: string;
  readonly detail?: string | null;
  readonly section?: TopicSectionId;
  readonly discussed?: boolean;
  /** Link to a goal of this 1:1 (author only, like the text); `null` removes the link. */
  readonly goalId?: string | null;
}

function assertSection(section: string): asserts section is TopicSectionId {
  if (!(TOPIC_SECTIONS as readonly string[]).includes(section) && !isCustomSectionId(section)) {
    throw new ValidationError(
      `must be one of ${TOPIC_SECTIONS.join(', ')} or a section added to the template`,
      'section',
    );
  }
}

/**
 * A section the template added takes topics only in sessions whose version of the template shows it: anywhere
 * else the topic would land under Topics without its author knowing why (docs/meeting.md, Templates).
 */
function assertInTemplate(pair: PairDocument, sessionId: string, section: TopicSectionId): void {
  if (!isCustomSectionId(section)) return;
  const found = sectionsOf(templateForSession(pair, sessionId)).find((s) => s.id === section);
  if (!found) throw new ValidationError("is not a section of this session's template", 'section');
  if (found.hidden) throw new ValidationError("is hidden in this session's template", 'section');
}

export class TopicUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /** Idempotent by client-made id: a retried add returns the topic it made the first time. */
  async add(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: AddTopicInput,
  ): Promise<{ topic: TopicView; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const title = requiredText(input.title, 'title', LIMITS.title);
    const detail = optionalText(input.detail, 'detail', LIMITS.detail);
    const section = input.section ?? 'topics';
    assertSection(section);
    const isPrivate = input.private === true;
    // The deep dive is a shared, timeboxed conversation: a reminder to oneself is not one.
    if (isPrivate && section === 'deep-dive')
      throw new ValidationError('a private topic cannot be the deep dive', 'section');
    const ctx = await this.access.session(actor, pairId, sessionId);
    this.assertOpen(ctx.slot);
    const now = this.access.now();
    const result = await this.access.mutatePair(
      pairId,
      (pair) => {
        assertInTemplate(pair, sessionId, section);
        if (input.goalId !== undefined) assertPairGoal(pair.goals, input.goalId);
        const existing = pair.topics.find((t) => t.id === id);
        if (existing) {
          // A retry repeats the request exactly; anything else reusing the id is a different topic.
          const same =
            existing.authorId === actor &&
            existing.sessionId === sessionId &&
            existing.title === title &&
            existing.detail === detail &&
            existing.section === section &&
            (existing.private === true) === isPrivate &&
            existing.goalId === input.goalId;
          if (same) {
            return { changed: false, result: { topic: existing, created: false } };
          }
          throw new ConflictError('a different topic already has this id', 'id');
        }
        // Counted as the actor sees the agenda: the other person's private topics must not show through a limit.
        const onAgenda = topicsOfSession(pair, ctx.slot, ctx.slots).filter(visibleTo(actor));
        if (onAgenda.length >= LIMITS.topicsPerSession) {
          throw new ConflictError(`a session holds at most ${LIMITS.topicsPerSession} topics`, 'title');
        }
        if (section === 'deep-dive') this.assertDeepDiveFree(onAgenda, undefined);
        const topic: Topic = {
          id,
          title,
          ...(detail !== undefined && { detail }),
          authorId: actor,
          section,
          sessionId,
          createdAt: now,
          updatedAt: now,
          rev: 1,
          ...(isPrivate && { private: true }),
          ...(input.goalId !== undefined && { goalId: input.goalId }),
        };
        pair.topics.push(topic);
        return { changed: true, result: { topic, created: true } };
      },
      ctx,
    );
    if (result.created) this.publishTopics(actor, pairId, sessionId, result.topic);
    return { topic: toTopicView(ctx.pair, result.topic, ctx.slot, ctx.slots), created: result.created };
  }

  /**
   * Edit text or section (author only), or check off / reopen (either person). A stale `rev` is a conflict
   * that carries the current topic, so the client can show both versions instead of dropping either.
   */
  async edit(
    actor: UserId,
    pairId: string,
    sessionId: string,
    topicId: string,
    input: EditTopicInput,
  ): Promise<TopicView> {
    const title = input.title === undefined ? undefined : requiredText(input.title, 'title', LIMITS.title);
    const detail = input.detail === null ? null : optionalText(input.detail, 'detail', LIMITS.detail);
    if (input.section !== undefined) assertSection(input.section);
    const ctx = await this.access.session(actor, pairId, sessionId);
    const now = this.access.now();
    const topic = await this.access.mutatePair(pairId, (pair) => {
      const onAgenda = topicsOfSession(pair, ctx.slot, ctx.slots).filter(visibleTo(actor));
      const topic = onAgenda.find((t) => t.id === topicId);
      if (!topic) throw new NotFoundError('no such topic in this session', 'topicId');
      if (topic.rev !== input.rev) {
        throw new ConflictError('the topic changed since you loaded it', 'rev', toTopicView(pair, topic, ctx.slot));
      }
      const editsText =
        title !== undefined || input.detail !== undefined || input.section !== undefined || input.goalId !== undefined;
      if (editsText && topic.authorId !== actor) {
        const onlyGoal = title === undefined && input.detail === undefined && input.section === undefined;
        throw new ForbiddenError('only its author can edit a topic', onlyGoal ? 'goalId' : 'title');
      }
      if (editsText || input.discussed === false) this.assertOpen(ctx.slot);
      // A meeting that did not take place discussed nothing; the topic is open in the next session.
      if (input.discussed === true && (ctx.slot.status === 'skipped' || ctx.slot.status === 'cancelled')) {
        throw sessionConcluded(ctx.slot.status, '; check it off in the next one');
      }
      if (input.section !== undefined && input.section !== topic.section)
        assertInTemplate(pair, sessionId, input.section);
      if (input.section === 'deep-dive' && topic.private)
        throw new ValidationError('a private topic cannot be the deep dive', 'section');
      if (input.section === 'deep-dive' && topic.section !== 'deep-dive') this.assertDeepDiveFree(onAgenda, topic.id);
      if (typeof input.goalId === 'string') assertPairGoal(pair.goals, input.goalId);
      if (title !== undefined) topic.title = title;
      if (input.goalId === null) delete topic.goalId;
      else if (input.goalId !== undefined) topic.goalId = input.goalId;
      if (detail === null) delete topic.detail;
      else if (detail !== undefined) topic.detail = detail;
      if (input.section !== undefined) topic.section = input.section;
      if (input.discussed === true && !topic.discussedIn) {
        topic.discussedIn = sessionId;
        topic.discussedAt = now;
      } else if (input.discussed === false) {
        delete topic.discussedIn;
        delete topic.discussedAt;
      }
      topic.rev += 1;
      topic.updatedAt = now;
      return { changed: true, result: { ...topic } };
    });
    this.publishTopics(actor, pairId, sessionId, topic);
    return toTopicView(ctx.pair, topic, ctx.slot, ctx.slots);
  }

  /** Only its author removes a topic, and only before it was discussed (history stays true). */
  async remove(actor: UserId, pairId: string, sessionId: string, topicId: string): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    const removed = await this.access.mutatePair(pairId, (pair) => {
      const topic = topicsOfSession(pair, ctx.slot, ctx.slots).find((t) => t.id === topicId && visibleTo(actor)(t));
      if (!topic) throw new NotFoundError('no such topic in this session', 'topicId');
      if (topic.authorId !== actor) throw new ForbiddenError('only its author can remove a topic', 'topicId');
      if (topic.discussedIn) throw new ConflictError('a discussed topic stays in the history', 'topicId');
      pair.topics = pair.topics.filter((t) => t.id !== topicId);
      return { changed: true, result: topic };
    });
    this.publishTopics(actor, pairId, sessionId, removed);
  }

  /**
   * Put a section's topics in the given order. Ids of topics removed meanwhile are ignored and topics added
   * meanwhile keep their place after the ordered ones, so two people reordering and adding lose nothing.
   */
  async reorder(
    actor: UserId,
    pairId: string,
    sessionId: string,
    section: TopicSectionId,
    topicIds: readonly string[],
  ): Promise<void> {
    assertSection(section);
    if (new Set(topicIds).size !== topicIds.length) throw new ValidationError('must not repeat an id', 'topicIds');
    const ctx = await this.access.session(actor, pairId, sessionId);
    this.assertOpen(ctx.slot);
    await this.access.mutatePair(pairId, (pair) => {
      const inSection = new Map(
        topicsOfSession(pair, ctx.slot, ctx.slots)
          .filter((t) => t.section === section && visibleTo(actor)(t))
          .map((t) => [t.id, t]),
      );
      const foreign = topicIds.find(
        (id) => !inSection.has(id) && pair.topics.some((t) => t.id === id && visibleTo(actor)(t)),
      );
      if (foreign) throw new ValidationError(`topic ${foreign} is not in this section of this session`, 'topicIds');
      let rank = 0;
      for (const id of topicIds) {
        const topic = inSection.get(id);
        if (topic) topic.rank = rank++;
      }
      return { changed: rank > 0, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'topics', by: actor });
  }

  /** A change to a private topic reaches only its author's screens: the other person learns nothing of it. */
  private publishTopics(actor: UserId, pairId: string, sessionId: string, topic: Topic): void {
    this.access.publish({ pairId, sessionId, kind: 'topics', by: actor, ...(topic.private && { onlyFor: actor }) });
  }

  private assertOpen(slot: Slot): void {
    if (!PairAccess.isOpenForTopics(slot)) {
      throw sessionConcluded(slot.status, '; add to the next one');
    }
  }

  private assertDeepDiveFree(onAgenda: readonly Topic[], except: string | undefined): void {
    if (onAgenda.some((t) => t.section === 'deep-dive' && !t.discussedIn && t.id !== except)) {
      throw new ConflictError('the deep dive already has a topic: one topic, timeboxed', 'section');
    }
  }
}
