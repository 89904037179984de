import {
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TandemApi } from '../ui/api/client';
import { LocaleProvider } from '../ui/i18n/intl';
import type { HostContext, ThemeName } from './host/host';
import { MeetingPanel } from './views/meeting-panel';

// The side panel is the first screen most people see: only its code is in the page's first script; the wide
// tab and the configuration page arrive on demand (issue 14, lighter pages).
const WideView = lazy(() => import('./views/wide-view').then((m) => ({ default: m.WideView })));
const ConfigPage = lazy(() => import('./views/config-page').then((m) => ({ default: m.ConfigPage })));

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export interface AppProps {
  readonly host: HostContext;
  readonly search: URLSearchParams;
  /** Shown above the view in a plain browser: who is signed in, and a way to switch. */
  readonly banner?: ReactNode;
}

/** The tab: theme and language from the host, one API client, and the view the frame context asks for. */
export function App({ host, search, banner }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const api = useMemo(() => new TandemApi({ baseUrl: '', getToken: host.getToken }), [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <LocaleProvider locale={host.locale} theme={THEMES[theme]} style={{ minHeight: '100vh' }}>
      {banner}
      <Suspense fallback={<Spinner />}>
        {host.layout === 'config' && <ConfigPage host={host} />}
        {host.layout === 'panel' && <MeetingPanel api={api} host={host} search={search} />}
        {host.layout === 'wide' && <WideView api={api} host={host} search={search} />}
      </Suspense>
    </LocaleProvider>
  );
}
