import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type RefObject } from 'react';
import { ApiError } from '../api/api-error';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  field: { flexGrow: 1, minWidth: 0 },
});

export interface InlineAddRowProps {
  /** The field's accessible name (it shows no visible label: the section heading says where it adds). */
  readonly label: string;
  readonly placeholder: string;
  readonly buttonLabel: string;
  readonly emptyMessage: string;
  readonly maxLength?: number;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
  readonly onAdd: (text: string) => Promise<void>;
  readonly onEscape?: () => void;
  /**
   * Where adding failed because the meeting is over (ended, skipped, cancelled): adds the text to the next
   * meeting instead and returns its start, or undefined when there is no next meeting yet.
   */
  readonly onAddToNext?: (text: string) => Promise<string | undefined>;
}

/** The meeting is over: said in people's words, with "Add it to the next one". */
const HELD_WORDS = {
  'session-ended': 'continuity.addToNext.ended',
  'session-skipped': 'continuity.addToNext.skipped',
  'session-cancelled': 'continuity.addToNext.cancelled',
} as const;

/** One line: type, Enter. The field keeps the focus and empties, ready for the next one. */
export function InlineAddRow(props: InlineAddRowProps) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { t, locale } = useT();
  /** The text refused because the meeting is over, offered for the next one. */
  const [held, setHeld] = useState<string>();
  const [done, setDone] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(props.emptyMessage);
      return;
    }
    setBusy(true);
    setDone(undefined);
    try {
      await props.onAdd(text.trim());
      setText('');
      setError(undefined);
      setHeld(undefined);
    } catch (e) {
      const code = e instanceof ApiError ? (e.code as keyof typeof HELD_WORDS | undefined) : undefined;
      if (props.onAddToNext && code && code in HELD_WORDS && e instanceof ApiError && e.said.action === 'add-to-next') {
        setError(t(HELD_WORDS[code]));
        setHeld(text.trim());
      } else {
        setError(e instanceof Error ? e.message : String(e));
        setHeld(undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const addToNext = async () => {
    if (!held || !props.onAddToNext) return;
    setBusy(true);
    try {
      const start = await props.onAddToNext(held);
      if (start) {
        const when = new Date(start).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
        setDone(t('continuity.addToNext.done', { when }));
        setText('');
        setError(undefined);
        setHeld(undefined);
      } else setError(t('continuity.addToNext.noNext'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
      {held && (
        <Button size="small" appearance="primary" disabled={busy} onClick={() => void addToNext()}>
          {t('continuity.addToNext.button')}
        </Button>
      )}
      {done && (
        <Text size={200} role="status">
          {done}
        </Text>
      )}
    </form>
  );
}
