import { Badge, makeStyles } from '@fluentui/react-components';
import type { LinkedGoal } from '../api/types';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({ badge: { alignSelf: 'flex-start', maxWidth: '100%' } });

/**
 * The goal a topic or an action item is linked to, as a small badge: the same on the agenda's rows and in the
 * Action items view. A goal closed since says so in words, not only in colour. Small on purpose: the agenda's
 * first script draws it on every topic row.
 */
export function LinkedGoalBadge({ goal }: { goal: Pick<LinkedGoal, 'title' | 'closed'> }) {
  const { t } = useT();
  const styles = useStyles();
  return (
    <Badge
      className={styles.badge}
      appearance="outline"
      color={goal.closed ? 'subtle' : 'brand'}
      size="small"
      data-testid="goal-badge"
    >
      {t(goal.closed ? 'goalLink.closedBadge' : 'goalLink.badge', { title: goal.title })}
    </Badge>
  );
}
