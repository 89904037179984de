import { Badge, Card, CardHeader, ProgressBar, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PairExport } from '../../../ui/api/types';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  milestones: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  done: { textDecorationLine: 'line-through' },
});

/** Goals and development items of every 1:1, with milestone progress. */
export function GoalsTab({ histories }: { histories: Readonly<Record<string, PairExport>> }) {
  const styles = useStyles();
  const goals = Object.values(histories).flatMap((h) => h.goals.map((g) => ({ goal: g, pair: h })));
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals and development plan</h2>
      {goals.length === 0 && <Text>No goals yet.</Text>}
      <div className={styles.grid}>
        {goals.map(({ goal, pair }) => {
          const done = goal.milestones.filter((m) => m.doneAt).length;
          return (
            <Card key={`${pair.pairId}/${goal.id}`}>
              <CardHeader
                header={<Text weight="semibold">{goal.title}</Text>}
                description={
                  <Text size={200}>
                    {pair.report.displayName} · {goal.kind === 'development' ? 'Development' : 'Goal'}
                    {goal.competency && ` · ${goal.competency}`}
                  </Text>
                }
                action={<Badge appearance="tint">{goal.status}</Badge>}
              />
              <Field label={`Milestones: ${done} of ${goal.milestones.length} done`} validationState="none">
                <ProgressBar value={goal.milestones.length ? done / goal.milestones.length : 0} />
              </Field>
              <ul className={styles.milestones}>
                {goal.milestones.map((m) => (
                  <li key={m.id} className={m.doneAt ? styles.done : undefined}>
                    {m.title}
                    {m.due && <Text size={200}> · due {m.due}</Text>}
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
      </div>
    </section>
  );
}
