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
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../core/contract/limits';
import type { ActionItem, EditActionItemBody, PersonRef } from '../api/types';
import { actionItemStrings as t } from './action-item-strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Changes an action item's text, owner (one of the pair) and due date; sends only what changed. */
export function ActionItemDialog({
  item,
  people,
  onClose,
  onSave,
}: {
  item: ActionItem;
  people: readonly PersonRef[];
  onClose: () => void;
  onSave: (change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
}) {
  const styles = useStyles();
  const [text, setText] = useState(item.text);
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const [due, setDue] = useState(item.due);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setMissing(true);
    const change = {
      ...(text.trim() !== item.text && { text }),
      ...(ownerId !== item.ownerId && { ownerId }),
      ...(due !== item.due && due !== '' && { due }),
    };
    if (Object.keys(change).length === 0 || (await onSave(change))) onClose();
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t.dialogTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label={t.text}
                required
                validationState={missing ? 'error' : 'none'}
                validationMessage={missing ? t.textRequired : undefined}
              >
                <Textarea value={text} maxLength={LIMITS.actionText} onChange={(_, d) => setText(d.value)} />
              </Field>
              <Field label={t.owner}>
                <Select value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.due}>
                <Input type="date" required value={due} onChange={(_, d) => setDue(d.value)} />
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
