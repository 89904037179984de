import { Button, Field, Input, Rating, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AgendaView } from '../api/types';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  quote: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

export interface CheckInProps {
  readonly agenda: AgendaView;
  readonly nameOf: (id: string) => string;
  readonly readOnly: boolean;
  readonly onCheckIn: (mood: number, line: string) => Promise<void>;
}

/** Each person's mood (1–5) and a line; mine can be given or changed until the session is over. */
export function CheckIn({ agenda, nameOf, readOnly, onCheckIn }: CheckInProps) {
  const { t } = useT();
  const styles = useStyles();
  const mine = agenda.checkIns.find((c) => c.userId === agenda.viewer.id);
  const [mood, setMood] = useState(mine?.mood ?? 0);
  const [line, setLine] = useState(mine?.line ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mood > 0) await onCheckIn(mood, line.trim());
  };
  return (
    <>
      {agenda.checkIns.map((c) => (
        <Text key={c.userId} size={200} className={styles.quote}>
          {t('agenda.checkInLine', { name: nameOf(c.userId), mood: c.mood })}
          {c.line ? ` — ${c.line}` : ''}
        </Text>
      ))}
      {!readOnly && (
        <form className={styles.form} onSubmit={submit} aria-label={t('agenda.myCheckIn')}>
          <Field label={t('agenda.myMood')}>
            <Rating aria-label={t('agenda.myMoodRating')} value={mood} max={5} onChange={(_, d) => setMood(d.value)} />
          </Field>
          <Field label={t('agenda.howItsGoing')}>
            <Input value={line} onChange={(_, d) => setLine(d.value)} />
          </Field>
          <Button type="submit" size="small" disabled={mood === 0}>
            {t('agenda.checkIn', { mine: mine ? 'yes' : 'no' })}
          </Button>
        </form>
      )}
    </>
  );
}

export interface FeedbackProps {
  readonly agenda: AgendaView;
  readonly nameOf: (id: string) => string;
  readonly readOnly: boolean;
  readonly onGive: (text: string) => Promise<void>;
}

/** Feedback in both directions: what each gave the other in this session, and a form for mine. */
export function FeedbackBothWays({ agenda, nameOf, readOnly, onGive }: FeedbackProps) {
  const { t } = useT();
  const styles = useStyles();
  const [text, setText] = useState('');
  const other = agenda.viewer.role === 'manager' ? agenda.report : agenda.manager;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    await onGive(text.trim());
    setText('');
  };
  return (
    <>
      {agenda.feedback.map((f) => (
        <Text key={f.id} size={200} className={styles.quote}>
          {nameOf(f.fromId)} → {nameOf(f.toId)}: “{f.text}”
        </Text>
      ))}
      {!readOnly && (
        <form className={styles.form} onSubmit={submit} aria-label={t('agenda.giveFeedbackForm')}>
          <Field label={t('agenda.feedbackFor', { name: other.displayName })}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <Button type="submit" size="small">
            {t('agenda.giveFeedback')}
          </Button>
        </form>
      )}
    </>
  );
}
