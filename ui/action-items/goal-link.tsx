import { Field, Select } from '@fluentui/react-components';
import type { Goal, LinkedGoal } from '../api/types';
import { LinkedGoalBadge } from '../goals/linked-goal-badge';
import { useActionItemStrings } from './action-item-strings';

/** What a picker needs of a goal. */
export type GoalOption = Pick<Goal, 'id' | 'title' | 'status'>;

/**
 * The goals one may link to: the active ones, plus the one already linked even if it is closed meanwhile, so
 * that saving the dialog unchanged keeps the link. Proposals are left out until the report accepts them.
 */
export function goalChoices<G extends GoalOption>(goals: readonly G[], linked?: string): G[] {
  return goals.filter((g) => g.status === 'active' || g.id === linked);
}

/**
 * The agenda's open goals, plus the one already linked when it is closed meanwhile (the agenda lists only open
 * ones and those closed since the previous meeting): the picker still shows the link as it is.
 */
export function withLinkedGoal(goals: readonly GoalOption[], linked: LinkedGoal | undefined): readonly GoalOption[] {
  if (!linked || goals.some((g) => g.id === linked.id)) return goals;
  return [...goals, { id: linked.id, title: linked.title, status: linked.closed ? 'achieved' : 'active' }];
}

/**
 * Picks the goal a topic or an action item is about ("No goal" first), in the Action items view's dialog and
 * on the agenda. Shows nothing when there is no goal to pick.
 */
export function GoalPicker({
  goals,
  linked,
  value,
  onChange,
  label,
  size,
  className,
}: {
  goals: readonly GoalOption[];
  /** The goal linked now: offered even when it is closed. */
  linked?: string;
  value: string;
  /** The picked goal's id, or '' for none. */
  onChange: (goalId: string) => void;
  /** The field's label when "Goal" alone would be ambiguous. */
  label?: string;
  size?: 'small' | 'medium';
  className?: string;
}) {
  const t = useActionItemStrings();
  const choices = goalChoices(goals, linked);
  if (choices.length === 0) return null;
  return (
    <Field label={label ?? t.goal} {...(size && { size })} {...(className && { className })}>
      <Select {...(size && { size })} value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t.noGoal}</option>
        {choices.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The linked goal, looked up in the pair's goals. A goal no longer in the pair (moved with the report) shows nothing. */
export function GoalBadge({ goals, goalId }: { goals: readonly Goal[]; goalId?: string }) {
  const goal = goalId === undefined ? undefined : goals.find((g) => g.id === goalId);
  if (!goal) return null;
  return (
    <LinkedGoalBadge goal={{ title: goal.title, closed: goal.status === 'achieved' || goal.status === 'dropped' }} />
  );
}
