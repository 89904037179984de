import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import type { TandemApi } from '../../ui/api/client';
import type { HostContext } from '../host/host';
import { ActionItemsTab } from './wide/action-items-tab';
import { GoalsTab } from './wide/goals-tab';
import { HealthTab } from './wide/health-tab';
import { HistoryTab } from './wide/history-tab';
import { NewPairForm } from './wide/new-pair-form';
import { CadenceDialog } from './wide/cadence-dialog';
import { OccurrencesPanel } from './wide/occurrences-panel';
import { usePairs } from './wide/use-pairs';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) 1fr',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
});

type View = 'sessions' | 'actions' | 'goals' | 'history' | 'health' | 'new';

/** The personal tab and meeting details tab: all my 1:1s and what spans them. */
export function WideView({ api, host }: { api: TandemApi; host: HostContext; search: URLSearchParams }) {
  const styles = useStyles();
  const { me, histories, error, reload } = usePairs(api);
  const [view, setView] = useState<View>('sessions');
  const [selected, setSelected] = useState<string>();
  // The meeting open in the agenda: the next one unless another was opened from the list.
  const [opened, setOpened] = useState<{ pairId: string; sessionId: string }>();
  const [scheduleNote, setScheduleNote] = useState('');
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!me) return <Spinner label="Loading your 1:1s…" />;
  const isManager = me.pairs.some((p) => p.role === 'manager');
  const pair = me.pairs.find((p) => p.id === selected) ?? me.pairs[0];
  const openSessionId = (opened?.pairId === pair?.id && opened?.sessionId) || pair?.nextSession?.id;
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Tandem · {me.user.displayName}</h1>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Tandem views">
        <Tab value="sessions">My 1:1s</Tab>
        <Tab value="actions">Action items</Tab>
        <Tab value="goals">Goals</Tab>
        <Tab value="history">History</Tab>
        {isManager && <Tab value="health">Meeting health</Tab>}
        {isManager && <Tab value="new">New 1:1</Tab>}
      </TabList>
      {view === 'sessions' && (
        <div className={styles.layout}>
          <nav aria-label="My 1:1s" className={styles.list}>
            {me.pairs.map((p) => (
              <Card key={p.id} appearance={p.id === pair?.id ? 'filled-alternative' : 'outline'}>
                <CardHeader
                  header={
                    <Button appearance="transparent" onClick={() => setSelected(p.id)} aria-pressed={p.id === pair?.id}>
                      {p.other.displayName}
                    </Button>
                  }
                  description={
                    <Text size={200}>
                      {p.role === 'manager' ? 'Your report' : 'Your manager'} · {p.cadence.frequency}
                      {p.nextSession &&
                        ` · next ${new Date(p.nextSession.start).toLocaleString(host.locale, { dateStyle: 'medium', timeStyle: 'short' })}`}
                    </Text>
                  }
                />
              </Card>
            ))}
            {me.pairs.length === 0 && <Text>No 1:1s yet.</Text>}
          </nav>
          {pair && (
            <div className={styles.list}>
              <CadenceDialog
                key={pair.id}
                api={api}
                pair={pair}
                locale={host.locale}
                onChanged={(message) => {
                  setScheduleNote(message);
                  void reload();
                }}
              />
              {scheduleNote && (
                <Text role="status" size={200}>
                  {scheduleNote}
                </Text>
              )}
              <OccurrencesPanel
                key={`${pair.id}/${pair.cadence.startDate}/${pair.cadence.time}/${pair.cadence.timeZone}`}
                api={api}
                pair={pair}
                locale={host.locale}
                openSessionId={openSessionId}
                onOpen={(sessionId) => setOpened({ pairId: pair.id, sessionId })}
                onChanged={() => void reload()}
              />
              {openSessionId && (
                <AgendaPanel
                  key={`${pair.id}/${openSessionId}`}
                  api={api}
                  pairId={pair.id}
                  sessionId={openSessionId}
                  locale={host.locale}
                />
              )}
            </div>
          )}
        </div>
      )}
      {view === 'actions' && <ActionItemsTab histories={histories} viewerId={me.user.id} />}
      {view === 'goals' && <GoalsTab histories={histories} />}
      {view === 'history' && <HistoryTab histories={histories} viewerId={me.user.id} />}
      {view === 'health' && <HealthTab api={api} pairs={me.pairs.filter((p) => p.role === 'manager')} />}
      {view === 'new' && <NewPairForm api={api} onCreated={() => void reload()} />}
    </div>
  );
}
