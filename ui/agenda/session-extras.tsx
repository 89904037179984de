import { Rating, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { timeboxLeft } from './agenda-logic';

const useStyles = makeStyles({
  timer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  over: { color: tokens.colorPaletteRedForeground1 },
  clock: { fontVariantNumeric: 'tabular-nums' },
});

export interface DeepDiveTimerProps {
  readonly title: string | undefined;
  readonly startedAt: string | undefined;
  readonly minutes: number;
}

/** The deep dive's timebox: one topic, a countdown both people see (it starts from the stored start time). */
export function DeepDiveTimer({ title, startedAt, minutes }: DeepDiveTimerProps) {
  const styles = useStyles();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  if (!title) return <Text size={200}>Pick a topic with “Deep dive on this” to timebox it ({minutes} min).</Text>;
  const left = startedAt ? timeboxLeft(startedAt, minutes, now) : undefined;
  return (
    <div className={styles.timer} role="timer" aria-label={`Deep dive timer for ${title}`}>
      <Text weight="semibold">{title}</Text>
      {left && (
        <Text className={left.over ? `${styles.clock} ${styles.over}` : styles.clock} aria-live="off">
          {left.over ? `over by ${left.left}` : `${left.left} left`}
        </Text>
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
  return (
    <div>
      <Text size={200} block>
        How useful was this 1:1 for you? Only you see your rating; managers see ratings only pooled across at least
        three people.
      </Text>
      <Rating aria-label="Rate this session" value={value ?? 0} max={5} onChange={(_, d) => onRate(d.value)} />
    </div>
  );
}
