import { Button, Input, Rating, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AgendaView } from '../api/types';
import { timeboxLeft } from './agenda-logic';
import { useAgendaStrings } from './agenda-strings';
import { useServiceNow } from './service-clock';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({
  timer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  over: { color: tokens.colorPaletteRedForeground1 },
  clock: { fontVariantNumeric: 'tabular-nums' },
  form: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  minutes: { width: '64px' },
});

export interface DeepDiveTimerProps {
  readonly agenda: AgendaView;
  readonly title: string | undefined;
  /** The service's clock minus this device's, ms: both screens count down from the service's instants. */
  readonly offset: number;
  readonly readOnly: boolean;
  readonly onChange: (change: { minutes: number } | { stop: true }) => void;
}

/**
 * The deep dive's timebox: one topic, one countdown both people see, computed from the start the service
 * stored and the service's clock, so a reload or a second screen shows the same time. Either person can
 * change the timebox or stop it; it stops when the meeting ends.
 */
export function DeepDiveTimer({ agenda, title, offset, readOnly, onChange }: DeepDiveTimerProps) {
  const S = useAgendaStrings();
  const styles = useStyles();
  const deepDive = agenda.deepDive;
  const running = !!deepDive?.startedAt && !deepDive.stoppedAt && agenda.status !== 'held';
  const now = useServiceNow(offset, running);
  const [minutes, setMinutes] = useState('');
  if (!title || !deepDive) return <Text size={200}>{S.pickDeepDive(agenda.deepDiveMinutes)}</Text>;
  const left = running ? timeboxLeft(deepDive.startedAt!, deepDive.minutesPlanned, now) : undefined;
  const set = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (Number.isInteger(value) && value >= 1 && value <= 120) onChange({ minutes: value });
    setMinutes('');
  };
  return (
    <div className={styles.timer}>
      <div className={styles.timer} role="timer" aria-label={S.deepDiveTimer(title)}>
        <Text weight="semibold">{title}</Text>
        {left ? (
          <Text className={left.over ? `${styles.clock} ${styles.over}` : styles.clock} data-testid="deep-dive-left">
            {left.over ? S.overBy(left.left) : S.left(left.left)}
          </Text>
        ) : (
          <Text size={200}>{S.stopped}</Text>
        )}
      </div>
      {running && !readOnly && (
        <>
          <form className={styles.form} onSubmit={set}>
            <Input
              className={styles.minutes}
              size="small"
              type="number"
              min={1}
              max={120}
              aria-label={S.timebox}
              placeholder={String(deepDive.minutesPlanned)}
              value={minutes}
              onChange={(_, d) => setMinutes(d.value)}
            />
            <Button size="small" type="submit">
              {S.setTimebox}
            </Button>
          </form>
          <Button size="small" onClick={() => onChange({ stop: true })}>
            {S.stopTimer}
          </Button>
        </>
      )}
    </div>
  );
}

export interface SessionRatingProps {
  readonly value: number | undefined;
  readonly onRate: (score: number) => void;
}

/** How useful the session was, 1–5. Only its author ever sees a single rating. */
export function SessionRating({ value, onRate }: SessionRatingProps) {
  const { t } = useT();
  return (
    <div>
      <Text size={200} block>
        {t('agenda.ratingHint')}
      </Text>
      <Rating aria-label={t('agenda.rateSession')} value={value ?? 0} max={5} onChange={(_, d) => onRate(d.value)} />
    </div>
  );
}
