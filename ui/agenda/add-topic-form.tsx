import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../core/contract/limits';
import type { SectionView, TopicSectionId } from '../api/types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

export interface AddTopicFormProps {
  readonly sections: readonly SectionView[];
  readonly onAdd: (title: string, section: TopicSectionId) => Promise<void>;
}

/** A topic title and its section; Enter adds it and keeps the focus in the field for the next one. */
export function AddTopicForm({ sections, onAdd }: AddTopicFormProps) {
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [section, setSection] = useState<TopicSectionId>('topics');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const sectionId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Type a topic first');
      return;
    }
    setBusy(true);
    try {
      await onAdd(title.trim(), section);
      setTitle('');
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not add the topic');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Add a topic">
      <Field
        label="New topic"
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
        // The limit shows from the first keystroke, so nobody types past it unknowingly.
        hint={`${title.trim().length}/${LIMITS.title} characters`}
      >
        <Input
          value={title}
          onChange={(_, d) => setTitle(d.value)}
          maxLength={LIMITS.title}
          placeholder="What do you want to talk about?"
        />
      </Field>
      <div className={styles.row}>
        <Field label="Section" className={styles.grow} id={sectionId}>
          <Select value={section} onChange={(_, d) => setSection(d.value as TopicSectionId)}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add topic
        </Button>
      </div>
    </form>
  );
}
