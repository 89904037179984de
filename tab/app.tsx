import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TandemApi } from '../ui/api/client';
import { LocaleProvider } from '../ui/i18n/intl';
import { lazyWithMessages } from '../ui/i18n/lazy-with-messages';
import { viewsTranslations } from '../ui/i18n/views-translations';
import type { SessionTarget } from '../ui/api/resolve-session';
import type { HostContext, ThemeName } from './host/host';
import type { TrackedPromise } from './tracked-promise';
import { loadTheme, themeNamed } from './themes';
import { MeetingPanel } from './views/meeting-panel';
import { LoadingSpinner } from '../ui/forms/loading-spinner';

// The side panel is the first screen most people see: only its code is in the page's first script; the wide
// tab and the configuration page arrive on demand (issue 14, lighter pages). The wide views' words in German
// or Japanese are fetched beside the wide view's chunk, not once it has run.
const WideView = lazyWithMessages(() => import('./views/wide-view').then((m) => m.WideView), viewsTranslations);
const ConfigPage = lazy(() => import('./views/config-page').then((m) => ({ default: m.ConfigPage })));

export interface AppProps {
  readonly host: HostContext;
  readonly search: URLSearchParams;
  /** Shown above the view in a plain browser: who is signed in, and a way to switch. */
  readonly banner?: ReactNode;
  /** The side panel's look-up, already started for this host (`tab/index.tsx`). */
  readonly firstLookUp?: TrackedPromise<SessionTarget | undefined>;
}

/** The tab: theme and language from the host, one API client, and the view the frame context asks for. */
export function App({ host, search, banner, firstLookUp }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  // The wide tab's chunk and words are fetched beside the shell's words and the theme, not after them.
  useEffect(() => {
    if (host.layout === 'wide') WideView.preload(host.locale);
  }, [host]);
  const api = useMemo(() => new TandemApi({ baseUrl: '', getToken: host.getToken }), [host]);
  // The theme on screen: a change waits for its theme's chunk, keeping the current one meanwhile; a dark or
  // high-contrast first page waits for it rather than flashing light.
  const [fluentTheme, setFluentTheme] = useState(() => themeNamed(host.theme));
  useEffect(() => {
    let live = true;
    loadTheme(theme).then(
      () => {
        if (!live) return;
        setFluentTheme(themeNamed(theme));
        document.documentElement.dataset.theme = theme;
      },
      () => live && setFluentTheme((shown) => shown ?? themeNamed('default')),
    );
    return () => {
      live = false;
    };
  }, [theme]);
  if (!fluentTheme) return null;
  return (
    <LocaleProvider locale={host.locale} theme={fluentTheme} style={{ minHeight: '100vh' }}>
      {banner}
      <Suspense fallback={<LoadingSpinner />}>
        {host.layout === 'config' && <ConfigPage host={host} />}
        {host.layout === 'panel' && <MeetingPanel api={api} host={host} search={search} firstLookUp={firstLookUp} />}
        {host.layout === 'wide' && <WideView api={api} host={host} search={search} />}
      </Suspense>
    </LocaleProvider>
  );
}
