import { Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormDialog } from '../forms/form-dialog';
import { LIMITS } from '../../core/contract/limits';
import type { Milestone } from '../api/types';
import { useGoalStrings } from './goal-strings';

/**
 * Renames a milestone or moves its due date (an empty date removes it); without a milestone, adds one (the
 * meeting side panel has no room for the goal card's inline row).
 */
export function MilestoneDialog({
  milestone,
  heading,
  open = true,
  onClose,
  onSave,
}: {
  /** The milestone being edited; a new one when absent. */
  milestone?: Milestone;
  /** The dialog's title when adding: which goal it is for. */
  heading?: string;
  /** False while it closes (it stays mounted so the dialog can give the page back properly). */
  open?: boolean;
  onClose: () => void;
  onSave: (change: { title?: string; due?: string | null }) => Promise<boolean>;
}) {
  const t = useGoalStrings();
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [due, setDue] = useState(milestone?.due ?? '');
  const [missingTitle, setMissingTitle] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setMissingTitle(true);
    const change = milestone
      ? {
          ...(title.trim() !== milestone.title && { title }),
          ...(due !== (milestone.due ?? '') && { due: due === '' ? null : due }),
        }
      : { title, ...(due !== '' && { due }) };
    if (Object.keys(change).length === 0 || (await onSave(change))) onClose();
  };

  return (
    <FormDialog
      open={open}
      title={milestone ? t.editMilestoneTitle : (heading ?? t.addMilestone)}
      cancelLabel={t.cancel}
      saveLabel={milestone ? t.save : t.add}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <Field
        label={t.title}
        required
        validationState={missingTitle ? 'error' : 'none'}
        validationMessage={missingTitle ? t.titleRequired : undefined}
      >
        <Input
          value={title}
          maxLength={LIMITS.title}
          onChange={(_, d) => {
            setTitle(d.value);
            setMissingTitle(false);
          }}
        />
      </Field>
      <Field label={t.milestoneDue}>
        <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
    </FormDialog>
  );
}
