import { app, authentication, meeting, pages, FrameContexts } from '@microsoft/teams-js';
import { cachedToken } from '../../ui/auth/token-cache';
import { themeFromName, withTimeout, type HostContext, type Layout, type ThemeName } from './host';

function layoutOf(frameContext: string | undefined): Layout {
  if (frameContext === FrameContexts.settings) return 'config';
  if (frameContext === FrameContexts.sidePanel || frameContext === FrameContexts.meetingStage) return 'panel';
  return 'wide';
}

function meetingStart(): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      meeting.getMeetingDetails((error, details) => {
        if (error || !details) return resolve(undefined);
        const start = (details.details as { scheduledStartTime?: string } | undefined)?.scheduledStartTime;
        resolve(start ? new Date(start).toISOString() : undefined);
      });
    } catch {
      resolve(undefined);
    }
  });
}

/** Teams frames the tab (or opens it, for authentication); anywhere else no Teams host can answer. */
export function inHostFrame(): boolean {
  return window.parent !== window || !!window.opener;
}

/**
 * Teams (or a page that answers like it): the context's chat id and frame context, SSO tokens and theme
 * changes. It waits as long as Teams takes to answer (a loaded laptop can take many seconds); teams-js itself
 * gives up after a minute, and then this rejects.
 */
export async function connectTeams(): Promise<HostContext> {
  await app.initialize();
  // Asked for as soon as Teams answers (Microsoft's advice: after initialize), so the first API call does not
  // wait for it; Teams answers from its cache while the token is valid.
  const getToken = cachedToken(() => authentication.getAuthToken());
  getToken().catch(() => undefined);
  // Asked beside the context, not after it: only a meeting answers, and then its start is on the agenda's path.
  const details = withTimeout(meetingStart(), 2000, 'meeting').catch(() => undefined);
  const context = await app.getContext();
  const layout = layoutOf(context.page.frameContext);
  const listeners: Array<(theme: ThemeName) => void> = [];
  app.registerOnThemeChangeHandler((theme) => listeners.forEach((l) => l(themeFromName(theme))));
  const start = context.chat?.id && layout !== 'config' ? await details : undefined;
  app.notifySuccess();
  return {
    kind: 'teams',
    layout,
    theme: themeFromName(context.app.theme),
    locale: context.app.locale,
    ...(context.chat?.id && { chatId: context.chat.id }),
    ...(start && { meetingStart: start }),
    getToken,
    onThemeChange: (listener) => listeners.push(listener),
    saveConfiguration: (config) => {
      pages.config.registerOnSaveHandler((event) => {
        pages.config.setConfig(config).then(
          () => event.notifySuccess(),
          (e: unknown) => event.notifyFailure(String(e)),
        );
      });
      pages.config.setValidityState(true);
    },
  };
}
