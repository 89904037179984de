import { FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { fetchClientConfig } from '../ui/api/client-config';
import { OfficeHost } from './office/office-host';
import type { OfficeLike } from './office/office-types';
import { TaskPane } from './views/task-pane';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalL } });

/** Opened outside Outlook (Office.js loads, but there is no host): say where the add-in lives. */
function OutsideOutlook() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <h1>Tandem for Outlook</h1>
        <Text as="p">Open Tandem from a calendar event in Outlook to see and build that 1:1’s agenda.</Text>
        <Text as="p">
          Running Tandem locally? Try the add-in beside a simulated appointment:{' '}
          <a href="/outlook-addin/sandbox.html">the Outlook sandbox</a>.
        </Text>
      </main>
    </FluentProvider>
  );
}

/** The service that served this page did not tell its settings: nothing can be signed in to. */
function Unreachable() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <h1>Tandem</h1>
        <Text as="p" role="alert">
          Tandem could not reach its service. Check your connection, then close and reopen Tandem.
        </Text>
      </main>
    </FluentProvider>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  // Office.js at run time: its enums are strings, which OfficeLike describes (the sandbox and tests use a fake).
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  const [host, config] = await Promise.all([
    OfficeHost.connect(office).catch(() => undefined),
    fetchClientConfig().catch(() => undefined),
  ]);
  if (!host) return root.render(<OutsideOutlook />);
  root.render(config ? <TaskPane host={host} config={config} /> : <Unreachable />);
}

void main();
