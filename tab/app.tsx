import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { TandemApi } from '../ui/api/client';
import { LocaleProvider } from '../ui/i18n/intl';
import type { HostContext, ThemeName } from './host/host';
import { ConfigPage } from './views/config-page';
import { MeetingPanel } from './views/meeting-panel';
import { WideView } from './views/wide-view';

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
      {host.layout === 'config' && <ConfigPage host={host} />}
      {host.layout === 'panel' && <MeetingPanel api={api} host={host} search={search} />}
      {host.layout === 'wide' && <WideView api={api} host={host} search={search} />}
    </LocaleProvider>
  );
}
