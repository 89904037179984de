import { Card, CardHeader, Spinner, Text, makeStyles, tokens, Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import type { Me } from '../../ui/api/types';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import type { HostContext } from '../host/host';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) 1fr',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The personal tab and meeting details tab: my 1:1s and, beside them, the selected one's next agenda. */
export function WideView({ api, host }: { api: TandemApi; host: HostContext; search: URLSearchParams }) {
  const styles = useStyles();
  const [me, setMe] = useState<Me>();
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    void api.me().then((m) => {
      setMe(m);
      setSelected((s) => s ?? m.pairs[0]?.id);
    });
  }, [api]);
  if (!me) return <Spinner label="Loading your 1:1s…" />;
  const pair = me.pairs.find((p) => p.id === selected);
  return (
    <div className={styles.layout}>
      <nav aria-label="My 1:1s" className={styles.list}>
        <h1>My 1:1s</h1>
        {me.pairs.map((p) => (
          <Card key={p.id} appearance={p.id === selected ? 'filled' : 'outline'}>
            <CardHeader
              header={
                <Button appearance="transparent" onClick={() => setSelected(p.id)} aria-pressed={p.id === selected}>
                  {p.other.displayName}
                </Button>
              }
              description={
                <Text size={200}>
                  {p.role === 'manager' ? 'Your report' : 'Your manager'} · {p.cadence.frequency}
                  {p.nextSession && ` · next ${new Date(p.nextSession.start).toLocaleString(host.locale)}`}
                </Text>
              }
            />
          </Card>
        ))}
        {me.pairs.length === 0 && <Text>No 1:1s yet.</Text>}
      </nav>
      {pair?.nextSession && (
        <AgendaPanel key={pair.id} api={api} pairId={pair.id} sessionId={pair.nextSession.id} locale={host.locale} />
      )}
    </div>
  );
}
