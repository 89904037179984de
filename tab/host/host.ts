/** What the tab needs from wherever it runs (Teams, the fake Teams host, or a plain browser). */
export type ThemeName = 'default' | 'dark' | 'contrast';
export type Layout = 'panel' | 'wide' | 'config';

export interface HostContext {
  readonly kind: 'teams' | 'browser';
  readonly layout: Layout;
  readonly theme: ThemeName;
  readonly locale?: string;
  /** The Teams meeting chat thread id: the key to the pair. */
  readonly chatId?: string;
  /** The meeting occurrence's scheduled start when the host tells it: the key to the session. */
  readonly meetingStart?: string;
  readonly getToken: () => Promise<string>;
  readonly onThemeChange: (listener: (theme: ThemeName) => void) => void;
  /** The configurable tab's save step (Teams only). */
  readonly saveConfiguration?: (config: { contentUrl: string; entityId: string; suggestedDisplayName: string }) => void;
}

export function themeFromName(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'default';
}

/** Resolves with the promise, or rejects after `ms` (for host calls not worth waiting long for). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
