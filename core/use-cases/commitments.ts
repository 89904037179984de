import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  GOAL_HISTORY_LENGTH,
  LEARNING_FORMATS,
  roleOf,
  type ActionItem,
  type ActionItemStatus,
  type Goal,
  type GoalChange,
  type GoalChangeKind,
  type GoalComment,
  type GoalStatus,
  type LearningFormat,
  type Milestone,
  type UserId,
} from '../model/documents';
import { assertPairGoal } from '../model/goal-links';
import { assertClientId, isSessionId } from '../model/ids';
import { assertSharedTopic } from '../model/private-topics';
import { LIMITS } from '../contract/limits';
import { assertDate, optionalText, requiredText } from '../model/text';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';
import { assertMayEditGoal, initialStatus } from './development-plan';

export interface AddActionItemInput {
  readonly id?: string;
  readonly text: string;
  readonly ownerId: UserId;
  readonly due: string;
  /** The session that produced it; it comes back in the progress section of the sessions after. */
  readonly sessionId: string;
  /** The topic it came out of (added from that topic): a topic of this 1:1. */
  readonly topicId?: string;
  /** The goal it works towards: a goal of this 1:1. */
  readonly goalId?: string;
}

export interface EditActionItemInput {
  readonly rev: number;
  readonly text?: string;
  readonly ownerId?: UserId;
  readonly due?: string;
  readonly status?: ActionItemStatus;
  /** Link to a goal of this 1:1; `null` removes the link. */
  readonly goalId?: string | null;
}

export interface AddGoalInput {
  readonly id?: string;
  readonly kind: 'goal' | 'development';
  readonly title: string;
  readonly detail?: string;
  readonly competency?: string;
  readonly learningFormat?: LearningFormat;
  readonly milestones?: ReadonlyArray<{ readonly id?: string; readonly title: string; readonly due?: string }>;
}

export interface EditGoalInput {
  readonly rev: number;
  readonly title?: string;
  readonly detail?: string | null;
  readonly competency?: string | null;
  readonly learningFormat?: LearningFormat | null;
  readonly status?: Exclude<GoalStatus, 'proposed'>;
  readonly addMilestone?: { readonly id?: string; readonly title: string; readonly due?: string };
  /** Rename a milestone or move its due date (`null` removes the date). */
  readonly editMilestone?: { readonly id: string; readonly title?: string; readonly due?: string | null };
  readonly completeMilestone?: string;
  readonly reopenMilestone?: string;
  /** Note that this session discussed the goal. */
  readonly discussedIn?: string;
}

const STATUSES: readonly ActionItemStatus[] = ['open', 'done', 'dropped'];
export interface AddGoalCommentInput {
  readonly id?: string;
  readonly text: string;
}

const GOAL_STATUSES: readonly GoalStatus[] = ['active', 'achieved', 'dropped'];

/** Appends to a goal's short history, keeping the newest entries. */
function record(goal: Goal, change: GoalChange): void {
  goal.history = [...(goal.history ?? []), change].slice(-GOAL_HISTORY_LENGTH);
}

function statusChange(from: GoalStatus, to: Exclude<GoalStatus, 'proposed'>): GoalChangeKind {
  if (to === 'active') return from === 'proposed' ? 'accepted' : 'reopened';
  return to;
}

/** Action items, goals and development items: what spans sessions and comes back until it is done. */
export class CommitmentUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async addActionItem(
    actor: UserId,
    pairId: string,
    input: AddActionItemInput,
  ): Promise<{ item: ActionItem; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const text = requiredText(input.text, 'text', LIMITS.actionText);
    assertDate(input.due, 'due');
    const { pair } = await this.access.member(actor, pairId);
    if (!roleOf(pair, input.ownerId)) throw new ValidationError('must be one of the two people of the pair', 'ownerId');
    if (!isSessionId(input.sessionId)) throw new ValidationError('must be a session id of this pair', 'sessionId');
    await this.access.timeline(pair, input.sessionId);
    const now = this.access.now();
    const result = await this.access.mutatePair(pairId, (p) => {
      if (input.topicId !== undefined) assertSharedTopic(p.topics, input.topicId, actor, 'is not a topic of this 1:1');
      if (input.goalId !== undefined) assertPairGoal(p.goals, input.goalId);
      const existing = p.actionItems.find((a) => a.id === id);
      if (existing) {
        // A retry repeats the request exactly; anything else reusing the id is a different item.
        const same =
          existing.createdBy === actor &&
          existing.text === text &&
          existing.ownerId === input.ownerId &&
          existing.due === input.due &&
          existing.sourceSessionId === input.sessionId &&
          existing.goalId === input.goalId;
        if (same) return { changed: false, result: { item: existing, created: false } };
        throw new ConflictError('a different action item already has this id', 'id');
      }
      const item: ActionItem = {
        id,
        text,
        ownerId: input.ownerId,
        due: input.due,
        status: 'open',
        sourceSessionId: input.sessionId,
        ...(input.topicId !== undefined && { topicId: input.topicId }),
        ...(input.goalId !== undefined && { goalId: input.goalId }),
        createdBy: actor,
        createdAt: now,
        rev: 1,
      };
      if (p.actionItems.length >= LIMITS.actionItemsPerPair) {
        throw new ConflictError(`a 1:1 holds at most ${LIMITS.actionItemsPerPair} action items`, 'text');
      }
      p.actionItems.push(item);
      return { changed: true, result: { item, created: true } };
    });
    if (result.created) this.access.publish({ pairId, sessionId: input.sessionId, kind: 'actions', by: actor });
    await this.mirror(actor, pairId, result.item);
    return result;
  }

  /**
   * The owner's copy in their task list, refreshed when they add or change the item themselves: the list is
   * theirs, written with their own sign-in. A failed copy never fails the change; the next change retries.
   */
  private async mirror(actor: UserId, pairId: string, item: ActionItem): Promise<void> {
    if (!this.deps.taskMirror || item.ownerId !== actor) return;
    await this.deps.taskMirror.upsert(actor, pairId, item).catch(() => undefined);
  }

  async editActionItem(actor: UserId, pairId: string, itemId: string, input: EditActionItemInput): Promise<ActionItem> {
    const text = input.text === undefined ? undefined : requiredText(input.text, 'text', LIMITS.actionText);
    if (input.due !== undefined) assertDate(input.due, 'due');
    if (input.status !== undefined && !STATUSES.includes(input.status)) {
      throw new ValidationError('must be open, done or dropped', 'status');
    }
    const { pair } = await this.access.member(actor, pairId);
    if (input.ownerId !== undefined && !roleOf(pair, input.ownerId)) {
      throw new ValidationError('must be one of the two people of the pair', 'ownerId');
    }
    const now = this.access.now();
    const item = await this.access.mutatePair(pairId, (p) => {
      const item = p.actionItems.find((a) => a.id === itemId);
      if (!item) throw new NotFoundError('no such action item', 'itemId');
      if (item.rev !== input.rev) throw new ConflictError('the action item changed since you loaded it', 'rev', item);
      if (typeof input.goalId === 'string') assertPairGoal(p.goals, input.goalId);
      if (text !== undefined) item.text = text;
      if (input.goalId === null) delete item.goalId;
      else if (input.goalId !== undefined) item.goalId = input.goalId;
      if (input.ownerId !== undefined) item.ownerId = input.ownerId;
      if (input.due !== undefined) item.due = input.due;
      if (input.status !== undefined && input.status !== item.status) {
        item.status = input.status;
        if (input.status === 'open') delete item.closedAt;
        else item.closedAt = now;
      }
      item.rev += 1;
      return { changed: true, result: { ...item } };
    });
    this.access.publish({ pairId, kind: 'actions', by: actor });
    await this.mirror(actor, pairId, item);
    return item;
  }

  async addGoal(actor: UserId, pairId: string, input: AddGoalInput): Promise<{ goal: Goal; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    if (input.kind !== 'goal' && input.kind !== 'development')
      throw new ValidationError('must be goal or development', 'kind');
    const title = requiredText(input.title, 'title', LIMITS.title);
    const detail = optionalText(input.detail, 'detail', LIMITS.detail);
    const competency = optionalText(input.competency, 'competency', LIMITS.title);
    if (input.learningFormat !== undefined && !LEARNING_FORMATS.includes(input.learningFormat)) {
      throw new ValidationError(`must be one of ${LEARNING_FORMATS.join(', ')}`, 'learningFormat');
    }
    if ((input.milestones?.length ?? 0) > LIMITS.milestonesPerGoal) {
      throw new ValidationError(`at most ${LIMITS.milestonesPerGoal} milestones`, 'milestones');
    }
    const milestones = (input.milestones ?? []).map((m, i) => this.milestone(m, `milestones.${i}`));
    const { pair } = await this.access.member(actor, pairId);
    const now = this.access.now();
    const result = await this.access.mutatePair(pairId, (p) => {
      const existing = p.goals.find((g) => g.id === id);
      if (existing) {
        if (existing.createdBy === actor && existing.title === title)
          return { changed: false, result: { goal: existing, created: false } };
        throw new ConflictError('a different goal already has this id', 'id');
      }
      const goal: Goal = {
        id,
        kind: input.kind,
        title,
        ...(detail !== undefined && { detail }),
        ...(competency !== undefined && { competency }),
        ...(input.learningFormat !== undefined && { learningFormat: input.learningFormat }),
        status: initialStatus(pair, actor, input.kind),
        milestones,
        sessionIds: [],
        createdBy: actor,
        createdAt: now,
        history: [{ at: now, by: actor, kind: 'created' }],
        rev: 1,
      };
      if (p.goals.length >= LIMITS.goalsPerPair) {
        throw new ConflictError(`a 1:1 holds at most ${LIMITS.goalsPerPair} goals`, 'title');
      }
      p.goals.push(goal);
      return { changed: true, result: { goal, created: true } };
    });
    if (result.created) this.access.publish({ pairId, kind: 'goals', by: actor });
    return result;
  }

  async editGoal(actor: UserId, pairId: string, goalId: string, input: EditGoalInput): Promise<Goal> {
    const title = input.title === undefined ? undefined : requiredText(input.title, 'title', LIMITS.title);
    const detail = input.detail === null ? null : optionalText(input.detail, 'detail', LIMITS.detail);
    const competency = input.competency === null ? null : optionalText(input.competency, 'competency', LIMITS.title);
    if (
      input.learningFormat !== undefined &&
      input.learningFormat !== null &&
      !LEARNING_FORMATS.includes(input.learningFormat)
    ) {
      throw new ValidationError(`must be one of ${LEARNING_FORMATS.join(', ')}`, 'learningFormat');
    }
    if (input.status !== undefined && !GOAL_STATUSES.includes(input.status)) {
      throw new ValidationError('must be active, achieved or dropped', 'status');
    }
    const added = input.addMilestone && this.milestone(input.addMilestone, 'addMilestone');
    const renamed = input.editMilestone && this.milestoneEdit(input.editMilestone);
    const { pair } = await this.access.member(actor, pairId);
    if (input.discussedIn !== undefined) {
      if (!isSessionId(input.discussedIn))
        throw new ValidationError('must be a session id of this pair', 'discussedIn');
      await this.access.timeline(pair, input.discussedIn);
    }
    const fields = Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    const now = this.access.now();
    const goal = await this.access.mutatePair(pairId, (p) => {
      const goal = p.goals.find((g) => g.id === goalId);
      if (!goal) throw new NotFoundError('no such goal', 'goalId');
      if (goal.rev !== input.rev) throw new ConflictError('the goal changed since you loaded it', 'rev', goal);
      assertMayEditGoal(p, actor, goal, { fields, ...(input.status !== undefined && { status: input.status }) });
      const change = (kind: GoalChangeKind, subject?: string) =>
        record(goal, { at: now, by: actor, kind, ...(subject !== undefined && { subject }) });
      const before = JSON.stringify([goal.title, goal.detail, goal.competency, goal.learningFormat]);
      if (title !== undefined) goal.title = title;
      if (detail === null) delete goal.detail;
      else if (detail !== undefined) goal.detail = detail;
      if (competency === null) delete goal.competency;
      else if (competency !== undefined) goal.competency = competency;
      if (input.learningFormat === null) delete goal.learningFormat;
      else if (input.learningFormat !== undefined) goal.learningFormat = input.learningFormat;
      if (JSON.stringify([goal.title, goal.detail, goal.competency, goal.learningFormat]) !== before) change('edited');
      if (input.status !== undefined && input.status !== goal.status) {
        change(statusChange(goal.status, input.status));
        goal.status = input.status;
      }
      if (added) {
        if (goal.milestones.some((m) => m.id === added.id))
          throw new ConflictError('a milestone already has this id', 'addMilestone.id');
        if (goal.milestones.length >= LIMITS.milestonesPerGoal)
          throw new ConflictError(`at most ${LIMITS.milestonesPerGoal} milestones`, 'addMilestone');
        goal.milestones.push(added);
        change('milestone-added', added.title);
      }
      if (renamed) {
        const milestone = goal.milestones.find((m) => m.id === renamed.id);
        if (!milestone) throw new NotFoundError('no such milestone', 'editMilestone.id');
        if (renamed.title !== undefined) milestone.title = renamed.title;
        if (renamed.due === null) delete milestone.due;
        else if (renamed.due !== undefined) milestone.due = renamed.due;
        change('milestone-edited', milestone.title);
      }
      for (const [milestoneId, field, done] of [
        [input.completeMilestone, 'completeMilestone', true],
        [input.reopenMilestone, 'reopenMilestone', false],
      ] as const) {
        if (milestoneId === undefined) continue;
        const milestone = goal.milestones.find((m) => m.id === milestoneId);
        if (!milestone) throw new NotFoundError('no such milestone', field);
        if (done && milestone.doneAt === undefined) {
          milestone.doneAt = now;
          change('milestone-done', milestone.title);
        } else if (!done && milestone.doneAt !== undefined) {
          delete milestone.doneAt;
          change('milestone-reopened', milestone.title);
        }
      }
      if (input.discussedIn !== undefined && !goal.sessionIds.includes(input.discussedIn)) {
        goal.sessionIds.push(input.discussedIn);
      }
      goal.rev += 1;
      return { changed: true, result: structuredClone(goal) };
    });
    this.access.publish({ pairId, kind: 'goals', by: actor });
    return goal;
  }

  /**
   * A remark on a goal by either person: how the manager takes part in the report's development plan
   * without changing it. A retry with the same id and text returns the first comment.
   */
  async commentOnGoal(
    actor: UserId,
    pairId: string,
    goalId: string,
    input: AddGoalCommentInput,
  ): Promise<{ comment: GoalComment; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const text = requiredText(input.text, 'text', LIMITS.detail);
    await this.access.member(actor, pairId);
    const now = this.access.now();
    const result = await this.access.mutatePair(pairId, (p) => {
      const goal = p.goals.find((g) => g.id === goalId);
      if (!goal) throw new NotFoundError('no such goal', 'goalId');
      const comments = (goal.comments ??= []);
      const existing = comments.find((c) => c.id === id);
      if (existing) {
        if (existing.authorId === actor && existing.text === text)
          return { changed: false, result: { comment: existing, created: false } };
        throw new ConflictError('a different comment already has this id', 'id');
      }
      if (comments.length >= LIMITS.commentsPerGoal) {
        throw new ConflictError(`a goal holds at most ${LIMITS.commentsPerGoal} comments`, 'text');
      }
      const comment: GoalComment = { id, authorId: actor, text, at: now };
      comments.push(comment);
      record(goal, { at: now, by: actor, kind: 'commented' });
      goal.rev += 1;
      return { changed: true, result: { comment, created: true } };
    });
    if (result.created) this.access.publish({ pairId, kind: 'goals', by: actor });
    return result;
  }

  private milestoneEdit(input: { id: string; title?: string; due?: string | null }) {
    if (typeof input.id !== 'string' || input.id.length === 0)
      throw new ValidationError('must name a milestone', 'editMilestone.id');
    if (input.due !== undefined && input.due !== null) assertDate(input.due, 'editMilestone.due');
    if (input.title === undefined && input.due === undefined)
      throw new ValidationError('must change the title or the due date', 'editMilestone');
    return {
      id: input.id,
      ...(input.title !== undefined && { title: requiredText(input.title, 'editMilestone.title', LIMITS.title) }),
      ...(input.due !== undefined && { due: input.due }),
    };
  }

  private milestone(input: { id?: string; title: string; due?: string }, field: string): Milestone {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, `${field}.id`);
    if (input.due !== undefined) assertDate(input.due, `${field}.due`);
    return {
      id,
      title: requiredText(input.title, `${field}.title`, LIMITS.title),
      ...(input.due !== undefined && { due: input.due }),
    };
  }
}
