import { Button, Spinner, Text, makeStyles, teamsLightTheme, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { ClientConfig } from '../ui/api/client-config';
import type { SessionTarget } from '../ui/api/resolve-session';
import type { MessageId } from '../core/i18n/messages';
import { LocaleProvider, useT } from '../ui/i18n/intl';
import { App } from './app';
import type { HostContext } from './host/host';
import type { TrackedPromise } from './tracked-promise';
import { LoadingSpinner } from '../ui/forms/loading-spinner';

// Embedded mode only (the demo-user picker): never fetched inside Teams.
const EmbeddedRoot = lazy(() => import('./views/demo-user-picker').then((m) => ({ default: m.EmbeddedRoot })));

/** After this long without an answer from Teams the tab says so and offers to try again (it keeps waiting). */
export const SLOW_HOST_MS = 10_000;

export interface TabRootProps {
  readonly search: URLSearchParams;
  /** Framed (or opened) by a host: only Teams can answer, so the tab waits for it. */
  readonly inFrame: boolean;
  readonly connectTeams: () => Promise<HostContext>;
  /** Teams' answer when it came before the first render: the view is drawn at once, without "Connecting…". */
  readonly connected?: HostContext;
  /** The side panel's look-up, started as soon as Teams answered; the panel asks itself without it. */
  readonly firstLookUp?: TrackedPromise<SessionTarget | undefined>;
  readonly loadConfig: () => Promise<ClientConfig>;
  readonly reload: () => void;
  readonly slowAfterMs?: number;
}

type State =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'teams'; readonly host: HostContext }
  | { readonly kind: 'embedded' }
  | { readonly kind: 'outside-teams' }
  | { readonly kind: 'failed'; readonly message: MessageId };

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '480px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * Where the tab runs decides what it shows. Inside a frame it waits for Teams however long Teams takes,
 * saying what it waits for. Outside Teams, the demo-user picker exists only in embedded mode (the service
 * says which mode at run time); in Microsoft 365 mode it never appears.
 */
export function TabRoot({
  search,
  inFrame,
  connectTeams,
  connected,
  firstLookUp,
  loadConfig,
  reload,
  slowAfterMs = SLOW_HOST_MS,
}: TabRootProps) {
  const [state, setState] = useState<State>(() =>
    connected ? { kind: 'teams', host: connected } : { kind: 'waiting' },
  );
  const [config, setConfig] = useState<ClientConfig>();
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    let live = true;
    const configLoaded = loadConfig();
    configLoaded.then(
      (c) => live && setConfig(c),
      () => undefined,
    );
    if (inFrame) {
      // Teams' answer already in hand (`connected`): the first render showed the view.
      if (!connected)
        connectTeams().then(
          (host) => live && setState({ kind: 'teams', host }),
          () => live && setState({ kind: 'failed', message: 'tab.teamsDidNotAnswer' }),
        );
    } else {
      configLoaded.then(
        (c) => live && setState({ kind: c.mode === 'embedded' ? 'embedded' : 'outside-teams' }),
        () => live && setState({ kind: 'failed', message: 'tab.unreachable' }),
      );
    }
    return () => {
      live = false;
    };
  }, [inFrame, connectTeams, connected, loadConfig]);

  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const timer = setTimeout(() => setSlow(true), slowAfterMs);
    return () => clearTimeout(timer);
  }, [state.kind, slowAfterMs]);

  if (state.kind === 'teams') return <App host={state.host} search={search} firstLookUp={firstLookUp} />;
  if (state.kind === 'embedded')
    return (
      <Suspense fallback={<LoadingSpinner />}>
        <EmbeddedRoot search={search} />
      </Suspense>
    );
  // Before the host answers, the browser's language is the best guess.
  return (
    <LocaleProvider locale={navigator.language} theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      <Waiting
        state={state}
        inFrame={inFrame}
        slow={slow}
        reload={reload}
        withoutTeams={config?.mode === 'embedded' ? () => setState({ kind: 'embedded' }) : undefined}
      />
    </LocaleProvider>
  );
}

interface WaitingProps {
  readonly state: Exclude<State, { kind: 'teams' | 'embedded' }>;
  readonly inFrame: boolean;
  readonly slow: boolean;
  readonly reload: () => void;
  /** Embedded mode only: the sandbox can also be used without its fake Teams host. */
  readonly withoutTeams?: () => void;
}

function Waiting({ state, inFrame, slow, reload, withoutTeams }: WaitingProps) {
  const styles = useStyles();
  const { t } = useT();
  const tryAgain = (
    <Button appearance="primary" onClick={reload}>
      {t('tab.tryAgain')}
    </Button>
  );
  const withoutTeamsButton = withoutTeams && <Button onClick={withoutTeams}>{t('tab.withoutTeams')}</Button>;
  if (state.kind === 'outside-teams') {
    return (
      <Page title="Tandem">
        <Text as="p">{t('tab.outside.where')}</Text>
        <Text as="p">{t('tab.outside.how')}</Text>
      </Page>
    );
  }
  if (state.kind === 'failed') {
    return (
      <Page title="Tandem">
        <Text as="p" role="alert">
          {t(state.message)}
        </Text>
        <div className={styles.actions}>
          {tryAgain}
          {withoutTeamsButton}
        </div>
      </Page>
    );
  }
  return (
    <Page title="Tandem">
      <Spinner label={inFrame ? t('tab.connecting') : t('tab.starting')} labelPosition="after" />
      {slow && (
        <>
          <Text as="p" role="status">
            {inFrame ? t('tab.slowTeams') : t('tab.slow')}
          </Text>
          <div className={styles.actions}>
            {tryAgain}
            {withoutTeamsButton}
          </div>
        </>
      )}
    </Page>
  );
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <h1>{title}</h1>
      {children}
    </main>
  );
}
