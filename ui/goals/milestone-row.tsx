import { Button, Checkbox, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Milestone } from '../api/types';
import { useGoalStrings } from './goal-strings';

const useStyles = makeStyles({
  milestone: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // A long title wraps inside the row instead of widening a 320 px side panel.
  label: { overflowWrap: 'anywhere' },
  done: { textDecorationLine: 'line-through' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * One milestone to tick, with its due date ("overdue" in words, not colour alone) and, for who may change it,
 * an Edit button: the goal card and the meeting's progress section show milestones alike.
 */
export function MilestoneRow({
  milestone: m,
  today,
  canEdit,
  rev,
  extra,
  onTick,
  onEdit,
}: {
  milestone: Milestone;
  today: string;
  canEdit: boolean;
  /** The goal's revision: a stored change replaces the tick shown meanwhile. */
  rev: number;
  /** Shown after the title, inside the label (e.g. "done since last time"). */
  extra?: ReactNode;
  onTick: (done: boolean) => Promise<boolean>;
  onEdit: () => void;
}) {
  const t = useGoalStrings();
  const styles = useStyles();
  // A tick shows at once; the stored goal (a new rev) replaces it, and a refused tick falls back with it.
  const [ticking, setTicking] = useState<boolean>();
  // Edit opens a dialog: focus comes back here when it closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  useEffect(() => setTicking(undefined), [rev]);
  const late = !m.doneAt && m.due !== undefined && m.due < today;
  return (
    <li className={styles.milestone}>
      <Checkbox
        checked={ticking ?? m.doneAt !== undefined}
        disabled={!canEdit}
        label={
          <span className={m.doneAt ? `${styles.label} ${styles.done}` : styles.label}>
            {m.title}
            {m.due && (
              <Text size={200} className={late ? styles.overdue : undefined}>
                {' '}
                · {t.due(m.due)}
                {late && ` (${t.overdue})`}
              </Text>
            )}
            {extra}
          </span>
        }
        onChange={(_, d) => {
          const done = d.checked === true;
          setTicking(done);
          void onTick(done).then((ok) => ok || setTicking(!done));
        }}
      />
      {canEdit && (
        <Button
          {...restoreFocusTarget}
          size="small"
          appearance="subtle"
          aria-label={t.editMilestone(m.title)}
          onClick={onEdit}
        >
          {t.edit}
        </Button>
      )}
    </li>
  );
}
