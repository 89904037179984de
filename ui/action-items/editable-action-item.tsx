import { Badge, Button, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { CARRIED_TOO_OFTEN, isOverdue } from '../../core/model/follow-through';
import type { ActionItem, EditActionItemBody, Goal, PersonRef } from '../api/types';
import { GoalBadge } from './goal-link';
import { useActionItemStrings } from './action-item-strings';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '200px' },
  closed: { textDecorationLine: 'line-through' },
  meta: { color: tokens.colorNeutralForeground3 },
});

/**
 * One action item with what can be done to it: edit (text, owner, due), done, drop, reopen. Overdue and
 * carried-too-often items say so in words, not only in colour. The edit dialog is the list's (`onEdit`): a
 * change of owner moves the item to another list while its dialog is still open.
 */
export function EditableActionItem({
  item,
  people,
  goals = [],
  other,
  today,
  carried,
  onEdit,
  editRef,
  onChange,
}: {
  item: ActionItem;
  people: readonly PersonRef[];
  /** The pair's goals: the linked one is named. */
  goals?: readonly Goal[];
  /** The other person of the 1:1, to name it. */
  other: string;
  today: string;
  carried: number;
  /** Opens the edit dialog for this item. */
  onEdit: () => void;
  /** The Edit button, for the list to give focus back to when the item has moved to another list. */
  editRef?: (button: HTMLButtonElement | null) => void;
  onChange: (change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
}) {
  const t = useActionItemStrings();
  const styles = useStyles();
  // Focus goes back to the Edit button once its dialog closes (Fluent's DialogTrigger does this for its own).
  const restoreFocusTarget = useRestoreFocusTarget();
  const owner = people.find((p) => p.id === item.ownerId)?.displayName ?? item.ownerId;
  const overdue = isOverdue(item, today);
  const textId = `action-item-${item.id}`;
  const button = (label: string, onClick: () => void) => (
    <Button size="small" aria-describedby={textId} onClick={onClick}>
      {label}
    </Button>
  );
  return (
    <li className={styles.item} aria-label={t.actionsFor(item.text)} data-testid="editable-action-item">
      <div className={styles.body}>
        <Text id={textId} className={item.status === 'open' ? undefined : styles.closed}>
          {item.text}
        </Text>
        <Text size={200} className={styles.meta}>
          {t.meta(owner, other, item.due)}
          {item.status === 'done' && ` · ${t.statusDone}`}
          {item.status === 'dropped' && ` · ${t.statusDropped}`}
        </Text>
        <GoalBadge goals={goals} goalId={item.goalId} />
      </div>
      {overdue && (
        <Badge color="danger" appearance="tint">
          {t.overdue}
        </Badge>
      )}
      {item.status === 'open' && carried > CARRIED_TOO_OFTEN && (
        <Badge color="warning" appearance="tint">
          {t.carried(carried)}
        </Badge>
      )}
      {item.status === 'open' ? (
        <>
          <Button size="small" aria-describedby={textId} onClick={onEdit} ref={editRef} {...restoreFocusTarget}>
            {t.edit}
          </Button>
          {button(t.done, () => void onChange({ status: 'done' }))}
          {button(t.drop, () => void onChange({ status: 'dropped' }))}
        </>
      ) : (
        button(t.reopen, () => void onChange({ status: 'open' }))
      )}
    </li>
  );
}
