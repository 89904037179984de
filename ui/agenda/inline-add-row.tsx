import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type Ref } from 'react';
import { useErrorText } from '../i18n/use-error-text';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  field: { flexGrow: 1, minWidth: 0, flexBasis: '160px' },
});

export interface InlineAddRowProps {
  /** The field's accessible name (it shows no visible label: the section heading says where it adds). */
  readonly label: string;
  readonly placeholder: string;
  readonly buttonLabel: string;
  readonly emptyMessage: string;
  readonly maxLength?: number;
  readonly inputRef?: Ref<HTMLInputElement>;
  /** With a label, a checkbox makes the new entry private ("Only me"); it stays as set for the next one. */
  readonly privateLabel?: string;
  readonly onAdd: (text: string, isPrivate: boolean) => Promise<void>;
  readonly onEscape?: () => void;
}

/** One line: type, Enter. The field keeps the focus and empties, ready for the next one. */
export function InlineAddRow(props: InlineAddRowProps) {
  const styles = useStyles();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(props.emptyMessage);
      return;
    }
    setBusy(true);
    try {
      await props.onAdd(text.trim(), props.privateLabel !== undefined && isPrivate);
      setText('');
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={props.label}>
      <Field
        className={styles.field}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
        // The limit shows as soon as one types, well before it is hit (the field stops there).
        {...(props.maxLength && text.length > 0 && { hint: `${text.trim().length}/${props.maxLength} characters` })}
      >
        <Input
          aria-label={props.label}
          ref={props.inputRef}
          value={text}
          size="small"
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onEscape?.()}
        />
      </Field>
      <Button type="submit" size="small" icon={<AddRegular />} aria-label={props.buttonLabel} disabled={busy} />
      {props.privateLabel !== undefined && (
        <Checkbox
          label={props.privateLabel}
          checked={isPrivate}
          onChange={(_, d) => setPrivate(d.checked === true)}
          // The checkbox sits with the field it qualifies: "New topic, only me".
          aria-label={`${props.label}: ${props.privateLabel}`}
        />
      )}
    </form>
  );
}
