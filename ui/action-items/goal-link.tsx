import { Badge, makeStyles } from '@fluentui/react-components';
import type { Goal } from '../api/types';
import { useActionItemStrings } from './action-item-strings';

/**
 * The goals one may link to: the active ones, plus the one already linked even if it is closed meanwhile, so
 * that saving the dialog unchanged keeps the link. Proposals are left out until the report accepts them.
 */
export function goalChoices(goals: readonly Goal[], linked?: string): Goal[] {
  return goals.filter((g) => g.status === 'active' || g.id === linked);
}

/**
 * The linked goal's title as a small badge; a goal closed since says so in words. A link whose goal is no
 * longer in the pair (moved with the report) shows nothing.
 */
const useStyles = makeStyles({ badge: { alignSelf: 'flex-start', maxWidth: '100%' } });

export function GoalBadge({ goals, goalId }: { goals: readonly Goal[]; goalId?: string }) {
  const t = useActionItemStrings();
  const styles = useStyles();
  const goal = goalId === undefined ? undefined : goals.find((g) => g.id === goalId);
  if (!goal) return null;
  const closed = goal.status === 'achieved' || goal.status === 'dropped';
  return (
    <Badge className={styles.badge} appearance="outline" color={closed ? 'subtle' : 'brand'} data-testid="goal-badge">
      {t.goalBadge(goal.title, closed)}
    </Badge>
  );
}
