import { ForbiddenError } from '../errors';
import { roleOf, type Goal, type GoalStatus, type PairDocument, type Role, type UserId } from '../model/documents';

/**
 * Who may change a goal. The rule the product is built on: **the report owns their development plan.**
 *
 * - Plain goals belong to the pair: either person may add and change them.
 * - A development item the report adds is active at once; one the manager adds is a proposal (status
 *   `proposed`) until the report accepts it (status `active`) or declines it (`dropped`).
 * - The manager may refine or withdraw their own proposal while it is still a proposal; once the report has
 *   it, the manager can comment on it and note that a session discussed it, never overwrite it.
 */
export function initialStatus(pair: PairDocument, actor: UserId, kind: Goal['kind']): GoalStatus {
  return kind === 'development' && roleOf(pair, actor) === 'manager' ? 'proposed' : 'active';
}

/** Whether `role` may change the goal's content, milestones and status (the UI hides what it may not). */
export function mayEditGoal(role: Role | undefined, goal: Pick<Goal, 'kind' | 'status'>): boolean {
  return goal.status === 'proposed' || goal.kind === 'goal' || role === 'report';
}

/** Whether `role` may set the goal to `status`: a proposal is the report's to accept; its author may withdraw it. */
export function maySetStatus(role: Role | undefined, goal: Pick<Goal, 'kind' | 'status'>, status: GoalStatus): boolean {
  if (goal.status === 'proposed') return role === 'report' || status === 'dropped';
  return mayEditGoal(role, goal);
}

/** Refuses an edit the rule above does not allow, naming the first field it may not change. */
export function assertMayEditGoal(
  pair: PairDocument,
  actor: UserId,
  goal: Goal,
  changes: { readonly fields: readonly string[]; readonly status?: GoalStatus },
): void {
  // Noting that a session discussed the goal is a record of the meeting, not a change of the plan.
  const planChanges = changes.fields.filter((f) => f !== 'discussedIn' && f !== 'rev');
  if (planChanges.length === 0) return;
  const role = roleOf(pair, actor);
  if (changes.status !== undefined && !maySetStatus(role, goal, changes.status)) {
    throw new ForbiddenError('only the report accepts a proposal for their development plan', 'status').withCode(
      'report-owns-plan',
    );
  }
  if (!mayEditGoal(role, goal)) {
    throw new ForbiddenError(
      'the development plan is the report’s own: comment on it or propose a new item instead',
      planChanges[0],
    ).withCode('report-owns-plan');
  }
}
