import { Field, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../core/contract/limits';
import { FormDialog } from '../forms/form-dialog';
import { useGoalStrings } from './goal-strings';

/** A comment on a goal: how the manager takes part in the report's plan without changing it. */
export function GoalCommentDialog({
  title,
  open = true,
  onClose,
  onSend,
}: {
  /** The goal's title. */
  title: string;
  /** False while it closes. */
  open?: boolean;
  onClose: () => void;
  onSend: (text: string) => Promise<boolean>;
}) {
  const t = useGoalStrings();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    setBusy(true);
    const sent = await onSend(text);
    setBusy(false);
    if (sent) onClose();
  };
  return (
    <FormDialog
      open={open}
      title={t.commentOn(title)}
      cancelLabel={t.cancel}
      saveLabel={t.send}
      busy={busy}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <Field label={t.comment}>
        <Textarea value={text} maxLength={LIMITS.detail} onChange={(_, d) => setText(d.value)} />
      </Field>
    </FormDialog>
  );
}
