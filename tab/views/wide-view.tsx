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
import { lazy, Suspense, useState } from 'react';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import { WideAgendaParts } from '../../ui/agenda/wide-parts';
import { AttentionDialog } from '../../ui/attention/attention-dialog';
import type { TandemApi } from '../../ui/api/client';
import { useT, WithMessages } from '../../ui/i18n/intl';
import { viewsMessages } from '../../ui/i18n/views-messages';
import type { HostContext } from '../host/host';
import { CadenceDialog } from './wide/cadence-dialog';
import { HistorySharingSwitch } from './wide/history-sharing-switch';
import { OccurrencesPanel } from './wide/occurrences-panel';
import { PairManageMenu } from './wide/pair-manage-menu';
import { TemplateDialog } from '../../ui/templates/template-dialog';
import { ProposalsBanner } from './wide/proposals-banner';
import { SharedHistories } from './wide/shared-histories';
import { usePairs } from './wide/use-pairs';

// Each view beyond "My 1:1s" is its own chunk, fetched when its tab is first chosen.
const ActionItemsTab = lazy(() => import('./wide/action-items-tab').then((m) => ({ default: m.ActionItemsTab })));
const GoalsTab = lazy(() => import('./wide/goals-tab').then((m) => ({ default: m.GoalsTab })));
const HealthTab = lazy(() => import('./wide/health-tab').then((m) => ({ default: m.HealthTab })));
const HistoryTab = lazy(() => import('./wide/history-tab').then((m) => ({ default: m.HistoryTab })));
const NewPairForm = lazy(() => import('./wide/new-pair-form').then((m) => ({ default: m.NewPairForm })));

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
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  subtitle: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase300 },
});

type View = 'sessions' | 'actions' | 'goals' | 'history' | 'health' | 'new';

type WideViewProps = { api: TandemApi; host: HostContext; search: URLSearchParams };

/** The personal tab and meeting details tab, with the wide views' words (fetched with this chunk). */
export function WideView(props: WideViewProps) {
  return (
    <WithMessages part={viewsMessages}>
      <WideViews {...props} />
    </WithMessages>
  );
}

/** All my 1:1s and what spans them. */
function WideViews({ api, host }: WideViewProps) {
  const styles = useStyles();
  const { me, histories, error, reload } = usePairs(api);
  const [view, setView] = useState<View>('sessions');
  const [selected, setSelected] = useState<string>();
  const { t, locale } = useT();
  // The meeting open in the agenda: the next one unless another was opened from the list.
  const [opened, setOpened] = useState<{ pairId: string; sessionId: string }>();
  const [scheduleNote, setScheduleNote] = useState('');
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!me) return <Spinner label={t('tab.wide.loading')} />;
  const isManager = me.pairs.some((p) => p.role === 'manager');
  const pair = [...me.pairs, ...me.archived].find((p) => p.id === selected) ?? me.pairs[0];
  const pairCard = (p: (typeof me.pairs)[number]) => (
    <Card key={p.id} appearance={p.id === pair?.id ? 'filled-alternative' : 'outline'}>
      <CardHeader
        header={
          <Button appearance="transparent" onClick={() => setSelected(p.id)} aria-pressed={p.id === pair?.id}>
            {p.other.displayName}
          </Button>
        }
        description={
          <Text size={200}>
            {t(p.role === 'manager' ? 'tab.wide.yourReport' : 'tab.wide.yourManager')} ·{' '}
            {t(`frequency.${p.cadence.frequency}`)}
            {p.archived && ` · ${t('tab.wide.archivedTag')}`}
            {p.nextSession &&
              ` · ${t('tab.wide.next', { when: new Date(p.nextSession.start).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) })}`}
          </Text>
        }
      />
    </Card>
  );
  const openSessionId = (opened?.pairId === pair?.id && opened?.sessionId) || pair?.nextSession?.id;
  return (
    <div className={styles.page}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>{t('tab.wide.title', { name: me.user.displayName })}</h1>
        <AttentionDialog api={api} />
      </div>
      <ProposalsBanner api={api} me={me} onStart={() => setView('new')} onChanged={() => void reload()} />
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t('tab.wide.views')}>
        <Tab value="sessions">{t('tab.wide.sessions')}</Tab>
        <Tab value="actions">{t('tab.wide.actions')}</Tab>
        <Tab value="goals">{t('tab.wide.goals')}</Tab>
        <Tab value="history">{t('tab.wide.history')}</Tab>
        {isManager && <Tab value="health">{t('tab.wide.health')}</Tab>}
        {isManager && <Tab value="new">{t('tab.wide.new')}</Tab>}
      </TabList>
      {view === 'sessions' && (
        <div className={styles.layout}>
          <nav aria-label={t('tab.wide.sessions')} className={styles.list}>
            {me.pairs.map(pairCard)}
            {me.pairs.length === 0 && <Text>{t('tab.wide.none')}</Text>}
            {me.archived.length > 0 && (
              <>
                <h2 className={styles.subtitle}>{t('tab.wide.archived')}</h2>
                {me.archived.map(pairCard)}
              </>
            )}
          </nav>
          {pair && (
            <div className={styles.list}>
              <PairManageMenu api={api} pair={pair} onChanged={() => void reload()} />
              {pair.archived && (
                <MessageBar intent="info">
                  <MessageBarBody>
                    {t('wide.archivedNotice')}
                    {pair.archived.readUntil &&
                      ` ${t('wide.readableUntil', { date: new Date(pair.archived.readUntil).toLocaleDateString(host.locale, { dateStyle: 'long' }) })}`}
                  </MessageBarBody>
                </MessageBar>
              )}
              {pair.role === 'report' && pair.archived?.reason === 'manager-changed' && pair.archived.newManagerId && (
                <HistorySharingSwitch key={pair.id} api={api} pair={pair} onChanged={() => void reload()} />
              )}
              {!pair.archived && (
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
              )}
              <TemplateDialog key={`template/${pair.id}`} api={api} pair={pair} onSaved={setScheduleNote} />
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
                <WideAgendaParts>
                  <AgendaPanel
                    key={`${pair.id}/${openSessionId}`}
                    api={api}
                    pairId={pair.id}
                    sessionId={openSessionId}
                    locale={host.locale}
                  />
                </WideAgendaParts>
              )}
            </div>
          )}
        </div>
      )}
      {view === 'sessions' && <SharedHistories api={api} />}
      <Suspense fallback={<Spinner label={t('tab.wide.loading')} />}>
        {view === 'actions' && (
          <ActionItemsTab api={api} histories={histories} viewerId={me.user.id} onChanged={reload} />
        )}
        {view === 'goals' && <GoalsTab api={api} histories={histories} viewerId={me.user.id} onChanged={reload} />}
        {view === 'history' && <HistoryTab api={api} histories={histories} viewerId={me.user.id} />}
        {view === 'health' && <HealthTab api={api} pairs={me.pairs.filter((p) => p.role === 'manager')} />}
        {view === 'new' && (
          <NewPairForm
            api={api}
            onCreated={() => void reload()}
            onOpen={(pairId) => {
              setSelected(pairId);
              setView('sessions');
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
