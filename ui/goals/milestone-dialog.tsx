import { Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormDialog } from '../forms/form-dialog';
import { LIMITS } from '../../core/contract/limits';
import type { Milestone } from '../api/types';
import { useGoalStrings } from './goal-strings';

/** Renames a milestone or moves its due date (an empty date removes it). */
export function MilestoneDialog({
  milestone,
  onClose,
  onSave,
}: {
  milestone: Milestone;
  onClose: () => void;
  onSave: (change: { title?: string; due?: string | null }) => Promise<boolean>;
}) {
  const t = useGoalStrings();
  const [title, setTitle] = useState(milestone.title);
  const [due, setDue] = useState(milestone.due ?? '');
  const [missingTitle, setMissingTitle] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setMissingTitle(true);
    const change = {
      ...(title.trim() !== milestone.title && { title }),
      ...(due !== (milestone.due ?? '') && { due: due === '' ? null : due }),
    };
    if (Object.keys(change).length === 0 || (await onSave(change))) onClose();
  };

  return (
    <FormDialog
      title={t.editMilestoneTitle}
      cancelLabel={t.cancel}
      saveLabel={t.save}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <Field
        label={t.title}
        required
        validationState={missingTitle ? 'error' : 'none'}
        validationMessage={missingTitle ? t.titleRequired : undefined}
      >
        <Input value={title} maxLength={LIMITS.title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t.milestoneDue}>
        <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
      </Field>
    </FormDialog>
  );
}
