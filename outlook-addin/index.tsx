import { Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { useIntl } from 'react-intl';
import { addinMessages } from '../ui/i18n/addin-messages';
import { LocaleProvider, useT } from '../ui/i18n/intl';
import { fetchClientConfig } from '../ui/api/client-config';
import { OfficeHost } from './office/office-host';
import type { OfficeLike } from './office/office-types';
import { TaskPane } from './views/task-pane';

// The task pane's own words come with its first script: every screen of it needs some.
const ADDIN_PARTS = [addinMessages];

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalL } });

/** Opened outside Outlook (Office.js loads, but there is no host): say where the add-in lives. */
function OutsideOutlook() {
  const styles = useStyles();
  const intl = useIntl();
  const { t } = useT();
  return (
    <main className={styles.page}>
      <h1>{t('addin.outside.heading')}</h1>
      <Text as="p">{t('addin.outside.body')}</Text>
      <Text as="p">
        {intl.formatMessage(
          { id: 'addin.outside.sandbox' },
          { link: (chunks) => <a href="/outlook-addin/sandbox.html">{chunks}</a> },
        )}
      </Text>
    </main>
  );
}

/** The service that served this page did not tell its settings: nothing can be signed in to. */
function Unreachable() {
  const styles = useStyles();
  const { t } = useT();
  return (
    <main className={styles.page}>
      <h1>Tandem</h1>
      <Text as="p" role="alert">
        {t('addin.unreachable')}
      </Text>
    </main>
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
  // Outlook's interface language; outside Outlook, the browser's.
  const locale = host?.displayLanguage ?? navigator.language;
  root.render(
    <LocaleProvider locale={locale} parts={ADDIN_PARTS} theme={webLightTheme}>
      {!host ? <OutsideOutlook /> : config ? <TaskPane host={host} config={config} /> : <Unreachable />}
    </LocaleProvider>,
  );
}

void main();
