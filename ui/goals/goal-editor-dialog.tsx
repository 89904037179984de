import { Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { FormDialog } from '../forms/form-dialog';
import { LEARNING_FORMATS } from '../../core/model/documents';
import { LIMITS } from '../../core/contract/limits';
import type { Goal, LearningFormat } from '../api/types';
import { useGoalStrings } from './goal-strings';

export interface GoalFields {
  readonly kind: Goal['kind'];
  readonly title: string;
  readonly detail: string;
  readonly competency: string;
  readonly learningFormat: LearningFormat | '';
}

/** Adds a goal (choosing goal or development item) or edits one; development items name a competency and format. */
export function GoalEditorDialog({
  heading,
  goal,
  open,
  onClose,
  onSave,
}: {
  heading: string;
  /** The goal being edited; a new one when absent. */
  goal?: Goal;
  open: boolean;
  onClose: () => void;
  onSave: (fields: GoalFields) => Promise<boolean>;
}) {
  const t = useGoalStrings();
  const [fields, setFields] = useState<GoalFields>(() => ({
    kind: goal?.kind ?? 'goal',
    title: goal?.title ?? '',
    detail: goal?.detail ?? '',
    competency: goal?.competency ?? '',
    learningFormat: goal?.learningFormat ?? '',
  }));
  const [missingTitle, setMissingTitle] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<GoalFields>) => setFields((f) => ({ ...f, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fields.title.trim() === '') {
      setMissingTitle(true);
      return;
    }
    setBusy(true);
    const saved = await onSave(fields);
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={heading}
      cancelLabel={t.cancel}
      saveLabel={t.save}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
      open={open}
      busy={busy}
    >
      {!goal && (
        <Field label={t.kind}>
          <RadioGroup value={fields.kind} onChange={(_, d) => set({ kind: d.value as Goal['kind'] })}>
            <Radio value="goal" label={t.kindGoal} />
            <Radio value="development" label={t.kindDevelopment} />
          </RadioGroup>
        </Field>
      )}
      <Field
        label={t.title}
        required
        validationState={missingTitle ? 'error' : 'none'}
        validationMessage={missingTitle ? t.titleRequired : undefined}
      >
        <Input
          value={fields.title}
          maxLength={LIMITS.title}
          onChange={(_, d) => {
            set({ title: d.value });
            setMissingTitle(false);
          }}
        />
      </Field>
      <Field label={t.detail}>
        <Textarea value={fields.detail} maxLength={LIMITS.detail} onChange={(_, d) => set({ detail: d.value })} />
      </Field>
      {fields.kind === 'development' && (
        <>
          <Field label={t.competency}>
            <Input
              value={fields.competency}
              maxLength={LIMITS.title}
              onChange={(_, d) => set({ competency: d.value })}
            />
          </Field>
          <Field label={t.learningFormat}>
            <Select
              value={fields.learningFormat}
              onChange={(_, d) => set({ learningFormat: d.value as LearningFormat | '' })}
            >
              <option value="">{t.noFormat}</option>
              {LEARNING_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t.format(f)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
    </FormDialog>
  );
}
