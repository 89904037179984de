import { Text, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/intl';

export interface MoodTrendProps {
  readonly points: ReadonlyArray<{ readonly sessionId: string; readonly mood: number }>;
  readonly slopePerSession: number | null;
}

/** Check-in mood per held session (1–5) as a small line chart, with its trend in words for everyone. */
export function MoodTrend({ points, slopePerSession }: MoodTrendProps) {
  const width = 240;
  const height = 60;
  const x = (i: number) => (points.length < 2 ? width / 2 : (i / (points.length - 1)) * (width - 10) + 5);
  const y = (mood: number) => height - 5 - ((mood - 1) / 4) * (height - 10);
  const { t } = useT();
  const trend =
    slopePerSession === null
      ? 'none'
      : slopePerSession > 0.05
        ? 'rising'
        : slopePerSession < -0.05
          ? 'falling'
          : 'steady';
  const words = t('chart.mood', { trend });
  return (
    <figure style={{ margin: 0 }}>
      <svg width={width} height={height} role="img" aria-label={t('chart.moodLabel', { count: points.length, words })}>
        <rect x={0} y={0} width={width} height={height} fill={tokens.colorNeutralBackground2} rx={4} />
        <polyline
          fill="none"
          stroke={tokens.colorBrandForeground1}
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.mood)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle key={p.sessionId} cx={x(i)} cy={y(p.mood)} r={3} fill={tokens.colorBrandForeground1} />
        ))}
      </svg>
      <figcaption>
        <Text size={200}>{t('chart.moodCaption', { words })}</Text>
      </figcaption>
    </figure>
  );
}
