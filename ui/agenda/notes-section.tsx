import { Badge, Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { Note } from '../api/types';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  private: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, paddingBlock: tokens.spacingVerticalXXS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  noteRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  grow: { flexGrow: 1, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export interface NotesSectionProps {
  readonly kind: 'shared' | 'private';
  readonly notes: readonly Note[];
  readonly viewerId: string;
  readonly authorName: (userId: string) => string;
  readonly onAdd: (text: string) => Promise<void>;
  readonly onEdit: (note: Note, text: string) => Promise<void>;
}

/** Shared notes (both see them) or private notes (only their author ever sees them), with add and edit. */
export function NotesSection({ kind, notes, viewerId, authorName, onAdd, onEdit }: NotesSectionProps) {
  const styles = useStyles();
  const { t } = useT();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<Note>();
  const [editDraft, setEditDraft] = useState('');
  const isPrivate = kind === 'private';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    await onAdd(draft.trim());
    setDraft('');
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || !editDraft.trim()) return;
    await onEdit(editing, editDraft.trim());
    setEditing(undefined);
  };

  return (
    <div className={isPrivate ? `${styles.box} ${styles.private}` : styles.box} data-testid={`${kind}-notes`}>
      {isPrivate && (
        <div className={styles.heading}>
          <LockClosedRegular aria-hidden />
          <Badge appearance="filled" color="warning">
            {t('agenda.privateBadge')}
          </Badge>
          <Text size={200}>{t('agenda.privateHint')}</Text>
        </div>
      )}
      <ul className={styles.list} aria-label={t('agenda.notesList', { kind })}>
        {notes.map((note) =>
          editing?.id === note.id ? (
            <li key={note.id}>
              <form onSubmit={save} className={styles.box}>
                <Field label={t('agenda.editNote', { kind })}>
                  <Textarea value={editDraft} onChange={(_, d) => setEditDraft(d.value)} resize="vertical" />
                </Field>
                <div className={styles.heading}>
                  <Button type="submit" size="small" appearance="primary">
                    {t('agenda.save')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(undefined)}>
                    {t('agenda.cancel')}
                  </Button>
                </div>
              </form>
            </li>
          ) : (
            <li key={note.id} className={styles.noteRow}>
              <div className={styles.grow}>
                <p className={styles.note}>{note.text}</p>
                {!isPrivate && <Text size={200}>{authorName(note.authorId)}</Text>}
              </div>
              {note.authorId === viewerId && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('agenda.editNote', { kind })}
                  onClick={() => {
                    setEditing(note);
                    setEditDraft(note.text);
                  }}
                >
                  {t('agenda.edit')}
                </Button>
              )}
            </li>
          ),
        )}
      </ul>
      <form onSubmit={add} className={styles.box}>
        <Field label={t('agenda.addNoteLabel', { kind })}>
          <Textarea value={draft} onChange={(_, d) => setDraft(d.value)} resize="vertical" />
        </Field>
        <Button type="submit" size="small">
          {t('agenda.addNoteButton', { kind })}
        </Button>
      </form>
    </div>
  );
}
