import { Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairSummary } from '../../../ui/api/types';
import { useT } from '../../../ui/i18n/intl';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * On the report's earlier 1:1 after a manager change: let the new manager read its shared record, or not
 * (docs/pair-lifecycle.md). Off unless the report switches it on; off again at any time.
 */
export function HistorySharingSwitch({
  api,
  pair,
  onChanged,
}: {
  api: TandemApi;
  pair: PairSummary;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const explanation = useId();
  const [shared, setShared] = useState(Boolean(pair.archived?.sharedWith));
  const [failed, setFailed] = useState(false);
  const change = async (next: boolean) => {
    setShared(next);
    try {
      await api.setHistorySharing(pair.id, next);
      setFailed(false);
      onChanged();
    } catch {
      setShared(!next);
      setFailed(true);
    }
  };
  return (
    <div className={styles.box}>
      <Switch
        checked={shared}
        label={t('continuity.share.label')}
        aria-describedby={explanation}
        onChange={(_, d) => void change(d.checked)}
      />
      <Text id={explanation} size={200}>
        {t('continuity.share.explain')}
      </Text>
      <Text size={200} role="status">
        {t(shared ? 'continuity.share.on' : 'continuity.share.off')}
      </Text>
      {failed && (
        <Text size={200} role="alert">
          {t('continuity.carryOver.failed')}
        </Text>
      )}
    </div>
  );
}
