import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgendaView, TopicView } from '../api/types';
import { topicSections } from './agenda-logic';
import { useAgendaStrings } from './agenda-strings';
import { clockText, useServiceNow } from './service-clock';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  line: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  label: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  title: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  clock: { fontVariantNumeric: 'tabular-nums' },
  next: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface NowDiscussingProps {
  readonly agenda: AgendaView;
  /** The service's clock minus this device's, ms. */
  readonly offset: number;
  readonly readOnly: boolean;
  readonly onDiscuss: (topic: TopicView | null) => void;
  /** Check the current topic off and make the next one current. */
  readonly onNext: (current: TopicView, next: TopicView | undefined) => void;
}

/** The topic both people are on, how long it has run, the next ones, and moving on: the meeting's one line. */
export function NowDiscussing({ agenda, offset, readOnly, onDiscuss, onNext }: NowDiscussingProps) {
  const S = useAgendaStrings();
  const styles = useStyles();
  const topics = topicSections(agenda).flatMap((s) => s.topics);
  const current = topics.find((t) => t.id === agenda.nowDiscussing?.topicId);
  const now = useServiceNow(offset, current !== undefined);
  // A private talking point is never "now discussing": the next ones are shared topics.
  const open = topics.filter((t) => !t.discussed && !t.private && t.id !== current?.id);
  const next = open.slice(0, 2);
  if (!current && readOnly) return null;
  return (
    <section className={styles.bar} aria-labelledby="now-discussing" data-testid="now-discussing">
      <h2 className={styles.label} id="now-discussing">
        {S.nowDiscussing}
      </h2>
      {current ? (
        <div className={styles.line}>
          <Text className={styles.title}>{current.title}</Text>
          <Text
            size={200}
            className={styles.clock}
            role="timer"
            aria-label={S.nowDiscussing}
            data-testid="now-discussing-elapsed"
          >
            {S.running(clockText(now - Date.parse(agenda.nowDiscussing!.since)))}
          </Text>
        </div>
      ) : (
        <Text size={200}>{S.nothingCurrent}</Text>
      )}
      {next.length > 0 && (
        <Text size={200} className={styles.next}>
          {S.nextUp}: {next.map((t) => t.title).join(' · ')}
        </Text>
      )}
      {!readOnly && (
        <div className={styles.actions}>
          {current ? (
            <>
              <Button size="small" appearance="primary" onClick={() => onNext(current, open[0])}>
                {S.nextTopic}
              </Button>
              <Button size="small" onClick={() => onDiscuss(null)}>
                {S.stopDiscussing}
              </Button>
            </>
          ) : (
            open[0] && (
              <Button size="small" appearance="primary" onClick={() => onDiscuss(open[0]!)}>
                {S.startWith(open[0].title)}
              </Button>
            )
          )}
        </div>
      )}
    </section>
  );
}
