import {
  Button,
  Checkbox,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import type { ActionItemView, EditActionItemBody, PersonRef } from '../api/types';
import { useT } from '../i18n/intl';
import { formatDay } from '../../core/i18n/format-day';
import { GoalPicker, withLinkedGoal, type GoalOption } from '../action-items/goal-link';
import { LinkedGoalBadge } from '../goals/linked-goal-badge';
import { OwnerPicker } from '../action-items/owner-picker';
import { useDialogSlot } from '../forms/use-dialog-slot';

// Fetched when an item is edited: the dialog's parts (Fluent's dialog, textarea, motion) are not on the side
// panel's first screen.
const ActionItemDialog = lazy(() =>
  import('../action-items/action-item-dialog').then((m) => ({ default: m.ActionItemDialog })),
);

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXXS },
  line: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' },
  // Fluent greys an unchecked checkbox's label; an action item's text is content, not a hint.
  text: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  meta: { paddingInlineStart: '32px' },
  goal: { paddingInlineStart: '32px', display: 'flex' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  half: { flexGrow: 1, minWidth: '110px' },
});

export interface ActionItemRowProps {
  readonly item: ActionItemView;
  readonly ownerName: string;
  readonly today: string;
  readonly onStatus?: (done: boolean) => void;
  /** Change its text, owner, due date or goal in the Action items view's dialog (absent: read-only). */
  readonly edit?: ActionItemEdit;
}

export interface ActionItemEdit {
  readonly people: readonly PersonRef[];
  readonly goals: readonly GoalOption[];
  /** Resolves true once saved (or refused and said so): the dialog closes. */
  readonly onSave: (change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
}

/** An action item: done checkbox labelled by its text, owner and due date (red once overdue), and its goal. */
export function ActionItemRow({ item, ownerName, today, onStatus, edit }: ActionItemRowProps) {
  const styles = useStyles();
  const tr = useT();
  const { t } = tr;
  // The dialog stays mounted once closed (useDialogSlot says why), with what it was opened with: the agenda
  // turning read-only while it is open does not take it away.
  const editing = useDialogSlot<{ readonly item: ActionItemView; readonly edit: ActionItemEdit }>();
  const edited = editing.last && { ...editing.last.value, key: editing.last.key };
  // Focus goes back to the edit button once its dialog closes (Fluent's DialogTrigger does this for its own).
  const restoreFocusTarget = useRestoreFocusTarget();
  const overdue = item.status === 'open' && item.due < today;
  return (
    <li className={styles.item} data-testid="action-item">
      <div className={styles.line}>
        <Checkbox
          checked={item.status === 'done'}
          disabled={!onStatus || item.status === 'dropped'}
          onChange={(_, d) => onStatus?.(d.checked === true)}
          label={<span className={styles.text}>{item.text}</span>}
        />
        {edit && (
          <Button
            size="small"
            appearance="subtle"
            icon={<EditRegular />}
            aria-label={t('agenda.editItem', { text: item.text })}
            {...restoreFocusTarget}
            onClick={() => editing.open({ item, edit })}
          />
        )}
      </div>
      <Text size={200} className={overdue ? `${styles.meta} ${styles.overdue}` : styles.meta}>
        {t('agenda.itemMeta', { owner: ownerName, due: formatDay(tr, item.due) })}
        {overdue ? ` · ${t('agenda.itemOverdue')}` : ''}
        {item.status === 'dropped' ? ` · ${t('agenda.itemDropped')}` : ''}
      </Text>
      {item.goal && (
        <div className={styles.goal}>
          <LinkedGoalBadge goal={item.goal} />
        </div>
      )}
      {edited && (
        <Suspense fallback={null}>
          <ActionItemDialog
            key={edited.key}
            item={edited.item}
            people={edited.edit.people}
            goals={withLinkedGoal(edited.edit.goals, edited.item.goal)}
            open={editing.shown}
            onClose={editing.close}
            onSave={edited.edit.onSave}
          />
        </Suspense>
      )}
    </li>
  );
}

export interface NextStepsProps {
  readonly items: readonly ActionItemView[];
  readonly people: readonly PersonRef[];
  /** The pair's open goals, to link a new action item to one. */
  readonly goals?: readonly GoalOption[];
  readonly today: string;
  readonly readOnly: boolean;
  readonly onAdd: (input: { text: string; ownerId: string; due: string; goalId?: string }) => Promise<void>;
  readonly onStatus: (item: ActionItemView, done: boolean) => void;
  readonly onEdit?: (item: ActionItemView, change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
}

export function NextSteps({ items, people, goals = [], today, readOnly, onAdd, onStatus, onEdit }: NextStepsProps) {
  const styles = useStyles();
  const { t } = useT();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(people[0]?.id ?? '');
  const [due, setDue] = useState(today);
  const [goalId, setGoalId] = useState('');
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    await onAdd({ text: text.trim(), ownerId, due, ...(goalId && { goalId }) });
    setText('');
  };

  return (
    <>
      <ul className={styles.list} aria-label={t('agenda.sessionActions')}>
        {items.map((item) => (
          <ActionItemRow
            key={item.id}
            item={item}
            ownerName={name(item.ownerId)}
            today={today}
            onStatus={(done) => onStatus(item, done)}
            {...(!readOnly && onEdit && { edit: { people, goals, onSave: (change) => onEdit(item, change) } })}
          />
        ))}
      </ul>
      {!readOnly && (
        <form className={styles.form} onSubmit={add} aria-label={t('agenda.addActionForm')}>
          <Field label={t('agenda.newActionLabel')}>
            <Input value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <div className={styles.row}>
            <OwnerPicker
              people={people}
              label={t('agenda.owner')}
              value={ownerId}
              onChange={setOwnerId}
              className={styles.half}
            />
            <Field label={t('agenda.due')} className={styles.half}>
              <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
            </Field>
            <GoalPicker goals={goals} value={goalId} onChange={setGoalId} className={styles.half} />
          </div>
          <Button type="submit" size="small">
            {t('agenda.addActionItem')}
          </Button>
        </form>
      )}
    </>
  );
}
