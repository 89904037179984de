import { mayEditGoal, maySetStatus } from '../../core/use-cases/development-plan';
import type { AddGoalBody, EditGoalBody, Goal, GoalChange, GoalStatus } from '../api/types';
import { ApiError } from '../api/api-error';
import type { GoalFields } from './goal-editor-dialog';
import type { GoalStrings } from './goal-strings';

export { mayEditGoal, maySetStatus };

/** The status changes a person can make to a goal from where it is now, as button labels. */
export function statusActions(
  role: 'manager' | 'report',
  goal: Pick<Goal, 'kind' | 'status'>,
  t: GoalStrings,
): Array<{ status: Exclude<GoalStatus, 'proposed'>; label: string }> {
  const offered: Array<{ status: Exclude<GoalStatus, 'proposed'>; label: string }> =
    goal.status === 'proposed'
      ? role === 'report'
        ? [
            { status: 'active', label: t.accept },
            { status: 'dropped', label: t.decline },
          ]
        : [{ status: 'dropped', label: t.withdraw }]
      : goal.status === 'active'
        ? [
            { status: 'achieved', label: t.achieve },
            { status: 'dropped', label: t.drop },
          ]
        : [{ status: 'active', label: t.reopen }];
  return offered.filter((a) => maySetStatus(role, goal, a.status));
}

/** One line of a goal's history, newest first: "Blake ticked milestone Shadow one". */
export function describeChange(change: GoalChange, nameOf: (id: string) => string, t: GoalStrings): string {
  return t.change(change.kind, nameOf(change.by), change.subject);
}

/** What to tell people when a change failed, in their words. */
export function failureText(error: unknown, t: GoalStrings): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t.forbidden;
    if (error.status === 409) return t.stale;
  }
  return t.failed;
}

/** What to send for a goal filled in the editor: empty fields are left out. */
export function goalToAdd(id: string, f: GoalFields): AddGoalBody {
  return {
    id,
    kind: f.kind,
    title: f.title,
    ...(f.detail.trim() && { detail: f.detail }),
    ...(f.kind === 'development' && f.competency.trim() && { competency: f.competency }),
    ...(f.kind === 'development' && f.learningFormat && { learningFormat: f.learningFormat }),
  };
}

/** The edit of a goal's fields from the editor: an emptied field is removed (null). */
export function fieldsChange(goal: Pick<Goal, 'kind'>, f: GoalFields): Omit<EditGoalBody, 'rev'> {
  return {
    title: f.title,
    detail: f.detail.trim() === '' ? null : f.detail,
    ...(goal.kind === 'development' && {
      competency: f.competency.trim() === '' ? null : f.competency,
      learningFormat: f.learningFormat === '' ? null : f.learningFormat,
    }),
  };
}
