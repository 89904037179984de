import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useT } from '../../ui/i18n/intl';
import type { HostContext } from '../host/host';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column' },
});

/** The configurable tab's setup: nothing to choose, the meeting's chat already names the 1:1. */
export function ConfigPage({ host }: { host: HostContext }) {
  const styles = useStyles();
  const { t } = useT();
  useEffect(() => {
    const base = `${window.location.origin}/tab/`;
    host.saveConfiguration?.({ contentUrl: base, entityId: 'tandem-agenda', suggestedDisplayName: 'Tandem' });
  }, [host]);
  return (
    <main className={styles.page}>
      <h1>{t('tab.config.heading')}</h1>
      <Text>{t('tab.config.body')}</Text>
    </main>
  );
}
