import type { ServerResponse } from 'node:http';

/**
 * Who may frame Tandem's pages: the Teams, Outlook and Microsoft 365 web hosts Microsoft lists for tabs
 * and add-ins (docs/security.md cites the source). Nothing else can put the tab or the task pane in a frame.
 */
export const MICROSOFT_HOSTS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

export type Surface = 'tab' | 'outlook-addin' | 'sandbox' | 'api';

const OFFICE_JS = 'https://appsforoffice.microsoft.com';
/** Sign-in (MSAL's popup fallback) and teams-js's list of valid domains. */
const MICROSOFT_CONNECT = ['https://login.microsoftonline.com', 'https://res.cdn.office.net'];

function page(scripts: readonly string[], ancestors: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    // Fluent UI (griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${MICROSOFT_CONNECT.join(' ')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/**
 * The Content-Security-Policy of each surface. The tab and the task pane may be framed by Microsoft's hosts
 * (and, in embedded mode, by the sandbox on this origin); the sandbox by itself only; API answers by nobody.
 */
export function contentSecurityPolicy(surface: Surface, mode: 'embedded' | 'm365'): string {
  const microsoft = mode === 'embedded' ? ["'self'", ...MICROSOFT_HOSTS] : [...MICROSOFT_HOSTS];
  switch (surface) {
    case 'tab':
      return page([], microsoft);
    case 'outlook-addin':
      return page([OFFICE_JS], microsoft);
    case 'sandbox':
      // The sandbox frames the tab, the task pane and the Agents Playground's page on another loopback port.
      return [
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'self' http://localhost:* http://127.0.0.1:*",
        "frame-ancestors 'self'",
      ].join('; ');
    case 'api':
      return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }
}

export function surfaceOf(pathname: string): Surface {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'tab' || first === 'outlook-addin' || first === 'sandbox') return first;
  return 'api';
}

/** Headers every answer carries; set before any handler runs, so errors and static files get them too. */
export function securityHeaders(mode: 'embedded' | 'm365') {
  const policies = new Map<Surface, string>(
    (['tab', 'outlook-addin', 'sandbox', 'api'] as const).map((s) => [s, contentSecurityPolicy(s, mode)]),
  );
  return (pathname: string, res: ServerResponse): void => {
    res.setHeader('content-security-policy', policies.get(surfaceOf(pathname))!);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // Browsers ignore it over plain http; in Microsoft 365 mode the service is reached over https only.
    if (mode === 'm365') res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}
