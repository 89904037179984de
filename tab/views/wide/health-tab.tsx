import { Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { MIN_DISTINCT_RATERS, poolTimeShare, type TimePerTopic } from '../../../core/model/health';
import { healthAdvice } from '../../../core/model/health-advice';
import { useT } from '../../../ui/i18n/intl';
import { MoodTrend } from '../../../ui/charts/mood-trend';
import { RatioBar } from '../../../ui/charts/ratio-bar';
import type { TandemApi } from '../../../ui/api/client';
import type { PairHealth, PairSummary, ReleasedRatings } from '../../../ui/api/types';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(480px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const QUARTER_MONTHS = ['January to March', 'April to June', 'July to September', 'October to December'];

function quarterName(period: string): string {
  const [year, quarter] = period.split('-Q');
  return `${QUARTER_MONTHS[Number(quarter) - 1] ?? period} ${year}`;
}

function PooledRatingCard({ rating }: { rating: ReleasedRatings | undefined }) {
  if (!rating) return <Spinner size="tiny" label="Loading ratings…" />;
  const shown = rating.periods.filter((p) => p.available).reverse();
  const rule = `Ratings are shown per calendar quarter once it is over, pooled across all your reports, and only when at least ${rating.minimumRaters} different people rated in it: in a 1:1 anything finer would tell you who gave which score.`;
  if (shown.length === 0) return <Text>{rule}</Text>;
  return (
    <>
      <ul>
        {shown.map((p) => (
          <li key={p.period}>
            {quarterName(p.period)}: average usefulness <strong>{p.available && p.average.toFixed(1)} / 5</strong>
          </li>
        ))}
      </ul>
      <Text size={200}>{rule}</Text>
    </>
  );
}

const minutes = (seconds: number) => Math.round(seconds / 60);

/** How a pair's meetings spent their time: the report's share, the mean per topic, the longest topics. */
function TimeSpent({ time }: { time: TimePerTopic }) {
  const { t } = useT();
  if (time.totalSeconds === 0) return <Text size={200}>{t('health.time.none')}</Text>;
  return (
    <>
      <RatioBar
        label={t('health.time.reportShare')}
        value={time.reportShare}
        numerator={minutes(time.reportSeconds)}
        denominator={minutes(time.totalSeconds)}
        warnBelow={0.5}
      />
      <Text size={200}>
        {t('health.time.perTopic', { minutes: minutes(time.averageSecondsPerTopic ?? 0), count: time.topicsTimed })}
        {' · '}
        {t('health.time.longest')}{' '}
        {time.longest.map((l) => t('health.time.topic', { title: l.title, minutes: minutes(l.seconds) })).join(', ')}
      </Text>
    </>
  );
}

/** The report's share of time across the manager's 1:1s, pooled and only above the threshold. */
function PooledTimeCard({ times }: { times: readonly TimePerTopic[] | undefined }) {
  const { t } = useT();
  if (!times) return <Spinner size="tiny" />;
  const pooled = poolTimeShare(times);
  return (
    <>
      {pooled.available && (
        <Text as="p">{t('health.time.pooled', { percent: Math.round(pooled.reportShare * 100) })}</Text>
      )}
      <Text size={200}>{t('health.time.pooledRule', { minimum: MIN_DISTINCT_RATERS })}</Text>
    </>
  );
}

/** One line of what to try per measure that asks for it; nothing when the 1:1 is healthy. */
function WhatToTry({ advice }: { advice: ReturnType<typeof healthAdvice> }) {
  if (advice.length === 0) return null;
  return (
    <div>
      <h4>What to try</h4>
      <ul>
        {advice.map((a) => (
          <li key={a.measure}>
            <strong>{a.measure}:</strong> {a.tryThis}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The manager's meeting-health view: each 1:1's metrics as bars, mood as a line, ratings only pooled. */
export function HealthTab({ api, pairs }: { api: TandemApi; pairs: readonly PairSummary[] }) {
  const styles = useStyles();
  const { t } = useT();
  const [health, setHealth] = useState<Record<string, PairHealth>>({});
  const [pooled, setPooled] = useState<ReleasedRatings>();
  useEffect(() => {
    void api.pooledRatings().then(setPooled, () => undefined);
    void Promise.all(pairs.map(async (p) => [p.id, await api.health(p.id)] as const)).then((entries) =>
      setHealth(Object.fromEntries(entries)),
    );
  }, [api, pairs]);
  return (
    <section aria-labelledby="health-heading" className={styles.page}>
      <h2 id="health-heading">Meeting health (last 90 days)</h2>
      <Card>
        <h3>Pooled rating by quarter</h3>
        <PooledRatingCard rating={pooled} />
      </Card>
      <Card>
        <h3>{t('health.time.pooledTitle')}</h3>
        <PooledTimeCard times={pairs.every((p) => health[p.id]) ? pairs.map((p) => health[p.id]!.time) : undefined} />
      </Card>
      <div className={styles.grid}>
        {pairs.map((p) => {
          const h = health[p.id];
          return (
            <Card key={p.id}>
              <h3>1:1 with {p.other.displayName}</h3>
              {!h ? (
                <Spinner size="tiny" />
              ) : (
                <div className={styles.bars}>
                  <RatioBar label="Cadence kept" {...h.cadenceKept} warnBelow={0.8} />
                  <RatioBar label="Rescheduled" {...h.rescheduleRate} warnAbove={0.3} />
                  <RatioBar label="Cancelled or skipped" {...h.cancelRate} warnAbove={0.2} />
                  <RatioBar label="Topics raised by the report" {...h.reportTopicShare} warnBelow={0.5} />
                  <RatioBar label="Action items done" {...h.actionItemsDone} warnBelow={0.6} />
                  <RatioBar label="Done on time" {...h.actionItemsDoneOnTime} warnBelow={0.6} />
                  <Text size={200}>
                    {h.averageDaysBetweenSessions === null
                      ? 'Not enough sessions for a rhythm yet'
                      : `${h.averageDaysBetweenSessions.toFixed(1)} days between sessions on average`}
                    {' · '}
                    {h.carriedOverTopics.count} carried-over topics
                    {h.carriedOverTopics.maxAgeDays !== null &&
                      ` (oldest ${Math.round(h.carriedOverTopics.maxAgeDays)} days)`}
                  </Text>
                  <TimeSpent time={h.time} />
                  <MoodTrend {...h.moodTrend} />
                  <WhatToTry advice={healthAdvice(h, p.cadence.frequency)} />
                </div>
              )}
            </Card>
          );
        })}
      </div>
    </section>
  );
}
