import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { HostContext } from '../host/host';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column' },
});

/** The configurable tab's setup: nothing to choose, the meeting's chat already names the 1:1. */
export function ConfigPage({ host }: { host: HostContext }) {
  const styles = useStyles();
  useEffect(() => {
    const base = `${window.location.origin}/tab/`;
    host.saveConfiguration?.({ contentUrl: base, entityId: 'tandem-agenda', suggestedDisplayName: 'Tandem' });
  }, [host]);
  return (
    <main className={styles.page}>
      <h1>Add Tandem to this meeting</h1>
      <Text>
        Tandem shows this 1:1’s shared agenda, notes and next steps for both of you, in the meeting and beside it.
        Select Save to add it.
      </Text>
    </main>
  );
}
