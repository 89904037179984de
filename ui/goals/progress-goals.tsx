import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { milestoneNews } from '../../core/model/follow-through';
import type { Goal } from '../api/types';
import { useGoalStrings } from './goal-strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  goal: { marginBlockEnd: tokens.spacingVerticalS },
  milestones: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  done: { textDecorationLine: 'line-through' },
});

/**
 * The goals part of a session's progress section: each active goal (and one achieved or dropped since the
 * previous meeting, said so) with the milestones that moved since the previous meeting or fall due soon.
 * Goals with nothing to raise are listed by title only.
 */
export function ProgressGoals({
  goals,
  sessionStart,
  since,
  until,
}: {
  goals: readonly Goal[];
  sessionStart: string;
  since: string | undefined;
  /** Count moves up to here (the session's end: a milestone ticked in the meeting stays listed). */
  until?: string;
}) {
  const t = useGoalStrings();
  const styles = useStyles();
  if (goals.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t.progressLabel}>
      {goals.map((goal) => {
        const news = milestoneNews(goal, sessionStart, since, until);
        const done = goal.milestones.filter((m) => m.doneAt).length;
        return (
          <li key={goal.id} className={styles.goal}>
            <Text weight="semibold">{goal.title}</Text>{' '}
            <Text size={200}>{t.milestones(done, goal.milestones.length)}</Text>
            {goal.status !== 'active' && <Badge appearance="tint">{t.status(goal.status)}</Badge>}
            {news.length > 0 && (
              <ul className={styles.milestones}>
                {news.map((m) => (
                  <li key={m.id}>
                    <span className={m.done ? styles.done : undefined}>{m.title}</span>
                    {m.due && <Text size={200}> · {t.due(m.due)}</Text>}{' '}
                    {m.done && m.moved && (
                      <Badge appearance="tint" color="success">
                        {t.newlyDone}
                      </Badge>
                    )}
                    {!m.done && m.moved && <Badge appearance="tint">{t.changed}</Badge>}
                    {m.overdue && (
                      <Badge appearance="tint" color="danger">
                        {t.overdue}
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
