import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { repoRoot } from '../support/server-process';

/** Where Teams on the web frames apps: one of the hosts the tab's `frame-ancestors` admits in Microsoft 365 mode. */
export const TEAMS_ORIGIN = 'https://teams.microsoft.com';

/**
 * The fake Teams host page (sandbox/teams-host) served at Teams' own origin through Playwright's routing, so
 * that the tab is framed exactly as Teams frames it (another origin, over https) while nothing leaves the
 * machine: every request to that origin is answered here. `/teams-host/sso-token` is the page's `sso=host`
 * token source: Teams SSO, answered with a token from the local identity provider.
 */
export async function serveTeamsHost(
  context: BrowserContext,
  ssoToken: (user: string) => Promise<string>,
): Promise<{ ssoRequests: string[] }> {
  const root = path.join(repoRoot(), 'sandbox', 'teams-host');
  const ssoRequests: string[] = [];
  await context.route(`${TEAMS_ORIGIN}/**`, async (route) => {
    const { pathname, searchParams } = new URL(route.request().url());
    if (pathname === '/teams-host/sso-token') {
      const user = searchParams.get('user') ?? '';
      ssoRequests.push(user);
      return route.fulfill({ json: { token: await ssoToken(user) } });
    }
    const file = /^\/teams-host\/(index\.html|teams-host\.js)$/.exec(pathname)?.[1];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({
      path: path.join(root, file),
      contentType: file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
    });
  });
  return { ssoRequests };
}
