import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n/intl';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 1fr) 2fr auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  track: { height: '10px', borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorNeutralBackground5 },
  fill: { height: '100%', borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorBrandBackground },
  warn: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
});

export interface RatioBarProps {
  readonly label: string;
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** Below this share the bar turns amber: worth a look. */
  readonly warnBelow?: number;
  /** For rates where less is better (cancellations). */
  readonly warnAbove?: number;
}

/** One share as a bar and its counts ("4 of 5"), so 1 of 1 never looks like 40 of 40. */
export function RatioBar({ label, value, numerator, denominator, warnBelow, warnAbove }: RatioBarProps) {
  const styles = useStyles();
  const { t } = useT();
  const pct = value === null ? 0 : Math.round(value * 100);
  const warn =
    value !== null &&
    ((warnBelow !== undefined && value < warnBelow) || (warnAbove !== undefined && value > warnAbove));
  return (
    <div className={styles.row}>
      <Text size={300}>{label}</Text>
      <div
        className={styles.track}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={value === null ? t('chart.noData') : t('chart.ratio', { percent: pct, numerator, denominator })}
      >
        <div className={warn ? `${styles.fill} ${styles.warn}` : styles.fill} style={{ width: `${pct}%` }} />
      </div>
      <Text size={200}>
        {value === null ? t('chart.noData') : t('chart.ratioShort', { percent: pct, numerator, denominator })}
      </Text>
    </div>
  );
}
