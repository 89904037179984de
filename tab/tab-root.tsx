import { Button, FluentProvider, Spinner, Text, makeStyles, teamsLightTheme, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { ClientConfig } from '../ui/api/client-config';
import { App } from './app';
import type { HostContext } from './host/host';

// Embedded mode only (the demo-user picker): never fetched inside Teams.
const EmbeddedRoot = lazy(() => import('./views/demo-user-picker').then((m) => ({ default: m.EmbeddedRoot })));

/** After this long without an answer from Teams the tab says so and offers to try again (it keeps waiting). */
export const SLOW_HOST_MS = 10_000;

export interface TabRootProps {
  readonly search: URLSearchParams;
  /** Framed (or opened) by a host: only Teams can answer, so the tab waits for it. */
  readonly inFrame: boolean;
  readonly connectTeams: () => Promise<HostContext>;
  readonly loadConfig: () => Promise<ClientConfig>;
  readonly reload: () => void;
  readonly slowAfterMs?: number;
}

type State =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'teams'; readonly host: HostContext }
  | { readonly kind: 'embedded' }
  | { readonly kind: 'outside-teams' }
  | { readonly kind: 'failed'; readonly message: string };

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
  loadConfig,
  reload,
  slowAfterMs = SLOW_HOST_MS,
}: TabRootProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'waiting' });
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
      connectTeams().then(
        (host) => live && setState({ kind: 'teams', host }),
        () => live && setState({ kind: 'failed', message: 'Microsoft Teams did not answer.' }),
      );
    } else {
      configLoaded.then(
        (c) => live && setState({ kind: c.mode === 'embedded' ? 'embedded' : 'outside-teams' }),
        () => live && setState({ kind: 'failed', message: 'Tandem could not reach its service.' }),
      );
    }
    return () => {
      live = false;
    };
  }, [inFrame, connectTeams, loadConfig]);

  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const timer = setTimeout(() => setSlow(true), slowAfterMs);
    return () => clearTimeout(timer);
  }, [state.kind, slowAfterMs]);

  if (state.kind === 'teams') return <App host={state.host} search={search} />;
  if (state.kind === 'embedded')
    return (
      <Suspense fallback={<Spinner label="Starting Tandem…" />}>
        <EmbeddedRoot search={search} />
      </Suspense>
    );
  const tryAgain = (
    <Button appearance="primary" onClick={reload}>
      Try again
    </Button>
  );
  if (state.kind === 'outside-teams') {
    return (
      <Page title="Tandem">
        <Text as="p">Tandem runs inside Microsoft Teams and Outlook.</Text>
        <Text as="p">In Teams, open Apps, find Tandem and choose Open; in a 1:1 meeting, open its Tandem tab.</Text>
      </Page>
    );
  }
  // Embedded mode only: the sandbox can also be used without its fake Teams host.
  const withoutTeams = config?.mode === 'embedded' && (
    <Button onClick={() => setState({ kind: 'embedded' })}>Continue without Teams</Button>
  );
  if (state.kind === 'failed') {
    return (
      <Page title="Tandem">
        <Text as="p" role="alert">
          {state.message}
        </Text>
        <div className={styles.actions}>
          {tryAgain}
          {withoutTeams}
        </div>
      </Page>
    );
  }
  return (
    <Page title="Tandem">
      <Spinner label={inFrame ? 'Connecting to Microsoft Teams…' : 'Starting Tandem…'} labelPosition="after" />
      {slow && (
        <>
          <Text as="p" role="status">
            {inFrame
              ? 'Teams is taking longer than usual to answer. Tandem keeps waiting.'
              : 'This is taking longer than usual.'}
          </Text>
          <div className={styles.actions}>
            {tryAgain}
            {withoutTeams}
          </div>
        </>
      )}
    </Page>
  );
}

function Page({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      <main className={styles.page}>
        <h1>{title}</h1>
        {children}
      </main>
    </FluentProvider>
  );
}
