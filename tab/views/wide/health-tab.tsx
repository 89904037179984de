import { Card, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Frequency } from '../../../core/model/cadence';
import { MIN_DISTINCT_RATERS, poolTimeShare, type TimePerTopic } from '../../../core/model/health';
import { healthAdvice, ratingGap, type Advice } from '../../../core/model/health-advice';
import type { MessageId } from '../../../core/i18n/messages';
import { MoodTrend } from '../../../ui/charts/mood-trend';
import { RatioBar } from '../../../ui/charts/ratio-bar';
import type { TandemApi } from '../../../ui/api/client';
import type { PairHealth, PairSummary, ReleasedRatings } from '../../../ui/api/types';
import { useT } from '../../../ui/i18n/intl';
import { FormattedMessage } from 'react-intl';
import { LoadingSpinner } from '../../../ui/forms/loading-spinner';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(480px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** "2026-Q1" as "January to March 2026" in the reader's words. */
function quarterName(t: ReturnType<typeof useT>['t'], period: string): string {
  const [year, quarter] = period.split('-Q');
  return t('health.quarter', { quarter: `q${quarter}`, year: year ?? period });
}

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

function PooledRatingCard({ rating }: { rating: ReleasedRatings | undefined }) {
  const { t } = useT();
  if (!rating) return <Spinner size="tiny" label={t('health.loadingRatings')} />;
  const shown = rating.periods.filter((p) => p.available).reverse();
  const rule = t('health.rule', { minimum: rating.minimumRaters });
  if (shown.length === 0) return <Text>{rule}</Text>;
  return (
    <>
      <ul>
        {shown.map((p) => (
          <li key={p.period}>
            <FormattedMessage
              id="health.average"
              values={{ quarter: quarterName(t, p.period), average: p.available ? p.average : 0, b: bold }}
            />
            <RatingGap release={p} />
          </li>
        ))}
      </ul>
      <Text size={200}>{rule}</Text>
    </>
  );
}

/** The manager's own rating beside the pool (released pools only), and what to try when it is much higher. */
function RatingGap({ release }: { release: ReleasedRatings['periods'][number] }) {
  const { t, locale } = useT();
  const gap = ratingGap(release);
  if (!gap || !release.available || release.managerAverage === undefined) return null;
  const figure = (n: number) => n.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div data-testid="rating-gap">
      <Text size={200}>
        {t('health.ratingGap.measure', { mine: figure(release.managerAverage), theirs: figure(release.average) })}
      </Text>
      {gap.adviceDue && (
        <div>
          <Text size={200}>{t('health.ratingGap.tryThis')}</Text>
        </div>
      )}
    </div>
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
  if (!times) return <LoadingSpinner size="tiny" />;
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
function WhatToTry({ advice, planned }: { advice: readonly Advice[]; planned: Frequency }) {
  const { t } = useT();
  if (advice.length === 0) return null;
  const id = (a: Advice, part: 'measure' | 'try') =>
    `health.advice.${a.kind === 'on-time' ? 'onTime' : a.kind}.${part}` as MessageId;
  return (
    <div>
      <h4>{t('health.whatToTry')}</h4>
      <ul>
        {advice.map((a) => (
          <li key={a.kind}>
            <strong>{t(id(a, 'measure'), { planned, real: a.real?.replace(/ /g, '_') })}:</strong> {t(id(a, 'try'))}
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
      <h2 id="health-heading">{t('health.heading')}</h2>
      <Card>
        <h3>{t('health.pooled')}</h3>
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
              <h3>{t('health.pairHeading', { name: p.other.displayName })}</h3>
              {!h ? (
                <LoadingSpinner size="tiny" />
              ) : (
                <div className={styles.bars}>
                  <RatioBar label={t('health.cadenceKept')} {...h.cadenceKept} warnBelow={0.8} />
                  <RatioBar label={t('health.rescheduled')} {...h.rescheduleRate} warnAbove={0.3} />
                  <RatioBar label={t('health.cancelled')} {...h.cancelRate} warnAbove={0.2} />
                  <RatioBar label={t('health.reportTopics')} {...h.reportTopicShare} warnBelow={0.5} />
                  <RatioBar label={t('health.actionsDone')} {...h.actionItemsDone} warnBelow={0.6} />
                  <RatioBar label={t('health.onTime')} {...h.actionItemsDoneOnTime} warnBelow={0.6} />
                  <Text size={200}>
                    {h.averageDaysBetweenSessions === null
                      ? t('health.noRhythm')
                      : t('health.rhythm', { days: Math.round(h.averageDaysBetweenSessions * 10) / 10 })}
                    {' · '}
                    {t('health.carried', { count: h.carriedOverTopics.count })}
                    {h.carriedOverTopics.maxAgeDays !== null &&
                      ` ${t('health.oldest', { days: Math.round(h.carriedOverTopics.maxAgeDays) })}`}
                  </Text>
                  <TimeSpent time={h.time} />
                  <MoodTrend {...h.moodTrend} />
                  <WhatToTry advice={healthAdvice(h, p.cadence.frequency)} planned={p.cadence.frequency} />
                </div>
              )}
            </Card>
          );
        })}
      </div>
    </section>
  );
}
