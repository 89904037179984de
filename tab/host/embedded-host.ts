import { devTokenSource } from '../../ui/auth/dev-token-source';
import { themeFromName, type HostContext, type Layout, type ThemeName } from './host';

export const DEMO_USERS = ['avery', 'blake', 'casey', 'emery', 'devon'] as const;
const STORAGE_KEY = 'tandem.demoUser';

/** Embedded mode: a dev token for a demo user from the service (loopback only). */

export function rememberedUser(search: URLSearchParams): string | undefined {
  const fromQuery = search.get('user');
  if (fromQuery) return fromQuery;
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberUser(user: string | undefined): void {
  try {
    if (user) localStorage.setItem(STORAGE_KEY, user);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked in a frame; the picker simply shows again.
  }
}

/** A plain browser: layout and theme from the query string (`?view=panel&theme=dark`) or the OS setting. */
export function browserHost(user: string, search: URLSearchParams): HostContext {
  const view = search.get('view');
  const layout: Layout = view === 'panel' ? 'panel' : view === 'config' ? 'config' : 'wide';
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  const listeners: Array<(theme: ThemeName) => void> = [];
  media?.addEventListener?.('change', (e) => listeners.forEach((l) => l(e.matches ? 'dark' : 'default')));
  const chatId = search.get('chatId');
  return {
    kind: 'browser',
    layout,
    theme: search.get('theme') ? themeFromName(search.get('theme') ?? undefined) : media?.matches ? 'dark' : 'default',
    locale: navigator.language,
    ...(chatId && { chatId }),
    getToken: devTokenSource(user),
    onThemeChange: (listener) => listeners.push(listener),
  };
}
