import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormDialog } from '../forms/form-dialog';
import { LIMITS } from '../../core/contract/limits';
import type { ActionItem, EditActionItemBody, PersonRef } from '../api/types';
import { GoalPicker, type GoalOption } from './goal-link';
import { OwnerPicker } from './owner-picker';
import { useActionItemStrings } from './action-item-strings';

/**
 * Changes an action item's text, owner (one of the pair), due date and goal; sends only what changed. Rendered
 * for the item it was opened for and kept mounted once closed (`useDialogSlot`).
 */
export function ActionItemDialog({
  item,
  people,
  goals = [],
  open,
  onClose,
  onSave,
}: {
  item: ActionItem;
  people: readonly PersonRef[];
  /** The pair's goals, to link the item to one. */
  goals?: readonly GoalOption[];
  open: boolean;
  onClose: () => void;
  onSave: (change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
}) {
  const t = useActionItemStrings();
  const [text, setText] = useState(item.text);
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const [due, setDue] = useState(item.due);
  const [goalId, setGoalId] = useState(item.goalId ?? '');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setMissing(true);
    const change = {
      ...(text.trim() !== item.text && { text }),
      ...(ownerId !== item.ownerId && { ownerId }),
      ...(due !== item.due && due !== '' && { due }),
      ...(goalId !== (item.goalId ?? '') && { goalId: goalId === '' ? null : goalId }),
    };
    if (Object.keys(change).length === 0) return onClose();
    setBusy(true);
    const saved = await onSave(change);
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={t.dialogTitle}
      cancelLabel={t.cancel}
      saveLabel={t.save}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
      open={open}
      busy={busy}
    >
      <Field
        label={t.text}
        required
        validationState={missing ? 'error' : 'none'}
        validationMessage={missing ? t.textRequired : undefined}
      >
        <Textarea value={text} maxLength={LIMITS.actionText} onChange={(_, d) => setText(d.value)} />
      </Field>
      <OwnerPicker people={people} label={t.owner} value={ownerId} onChange={setOwnerId} />
      <Field label={t.due}>
        <Input type="date" required value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
      <GoalPicker goals={goals} linked={item.goalId} value={goalId} onChange={setGoalId} />
    </FormDialog>
  );
}
