import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import { newClientId, type TandemApi } from '../../../ui/api/client';
import type { PairExport } from '../../../ui/api/types';
import { GoalCard, type GoalChangeRequest } from '../../../ui/goals/goal-card';
import { useDialogSlot } from '../../../ui/forms/use-dialog-slot';
import { GoalEditorDialog, type GoalFields } from '../../../ui/goals/goal-editor-dialog';
import { failureText, goalToAdd } from '../../../ui/goals/goal-logic';
import { useGoalStrings } from '../../../ui/goals/goal-strings';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  pairHeader: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * Goals and development items of every 1:1, to add, edit, tick and close. Changes go to the service and the
 * view reloads what it shows from it, so a refusal (the report's own plan, a stale copy) leaves nothing stale.
 */
export function GoalsTab({
  api,
  histories,
  viewerId,
  onChanged,
}: {
  api: TandemApi;
  histories: Readonly<Record<string, PairExport>>;
  viewerId: string;
  onChanged: () => Promise<void>;
}) {
  const t = useGoalStrings();
  const styles = useStyles();
  /** The pair a new goal is being added to. */
  const adding = useDialogSlot<string>();
  // Focus goes back to what opened a dialog once it closes (Fluent's DialogTrigger does this for its own).
  const restoreFocusTarget = useRestoreFocusTarget();
  const [error, setError] = useState<string>();
  const today = new Date().toISOString().slice(0, 10);

  const attempt = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      setError(undefined);
      await onChanged();
      return true;
    } catch (e) {
      setError(failureText(e, t));
      await onChanged();
      return false;
    }
  };
  const add = (pairId: string, f: GoalFields) => attempt(() => api.addGoal(pairId, goalToAdd(newClientId(), f)));

  const pairs = Object.values(histories);
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t.heading}</h2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {pairs.map((pair) => {
        const role = pair.manager.id === viewerId ? 'manager' : 'report';
        const other = role === 'manager' ? pair.report : pair.manager;
        const nameOf = (id: string) => [pair.manager, pair.report].find((p) => p.id === id)?.displayName ?? id;
        const headingId = `goals-${pair.pairId}`;
        return (
          <section key={pair.pairId} aria-labelledby={headingId}>
            <div className={styles.pairHeader}>
              <h3 id={headingId}>{t.pairHeading(other.displayName)}</h3>
              <Button appearance="primary" {...restoreFocusTarget} onClick={() => adding.open(pair.pairId)}>
                {t.newGoal}
              </Button>
            </div>
            {pair.goals.length === 0 && <Text>{t.none}</Text>}
            <div className={styles.grid}>
              {pair.goals.map((goal) => (
                <GoalCard
                  key={goal.id}
                  goal={goal}
                  role={role}
                  reportName={pair.report.displayName}
                  nameOf={nameOf}
                  today={today}
                  onChange={(change: GoalChangeRequest) =>
                    attempt(() => api.editGoal(pair.pairId, goal.id, { rev: goal.rev, ...change }))
                  }
                  onComment={(text) =>
                    attempt(() => api.commentOnGoal(pair.pairId, goal.id, { id: newClientId(), text }))
                  }
                />
              ))}
            </div>
            {adding.last?.value === pair.pairId && (
              <GoalEditorDialog
                key={adding.last.key}
                heading={`${t.newGoal} · ${t.pairHeading(other.displayName)}`}
                open={adding.shown}
                onClose={adding.close}
                onSave={(f) => add(pair.pairId, f)}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
