import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../core/contract/limits';
import type { Milestone } from '../api/types';
import { goalStrings as t } from './goal-strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

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
  const styles = useStyles();
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
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t.editMilestoneTitle}</DialogTitle>
            <DialogContent className={styles.form}>
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
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t.cancel}
              </Button>
              <Button appearance="primary" type="submit">
                {t.save}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
