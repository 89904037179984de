import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { devTokenSource } from '../../ui/auth/dev-token-source';

export type TokenSource = () => Promise<string>;

/** What the production page is built with (meta tags); all empty in embedded mode. */
export interface AddinConfig {
  /** The add-in's Entra app (client) id, for nested app authentication. */
  readonly clientId?: string;
  /** The scope of Tandem's own API, e.g. `api://tandem.example/<id>/access_as_user`. */
  readonly apiScope?: string;
  /** The Teams app id, for deep links to the meeting tab. */
  readonly teamsAppId?: string;
}

export function readAddinConfig(doc: Document): AddinConfig {
  const meta = (name: string) => doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
  const clientId = meta('tandem-client-id');
  const apiScope = meta('tandem-api-scope');
  const teamsAppId = meta('tandem-teams-app-id');
  return { ...(clientId && { clientId }), ...(apiScope && { apiScope }), ...(teamsAppId && { teamsAppId }) };
}

type Nestable = Pick<IPublicClientApplication, 'acquireTokenSilent' | 'acquireTokenPopup'>;
export type PcaFactory = (configuration: Configuration) => Promise<Nestable>;

/**
 * Nested app authentication: Outlook brokers the token for Tandem's API, silently when it can. When the user
 * must consent or sign in again, a popup (which Outlook hosts) follows. MSAL caches and renews the token.
 */
export function naaTokenSource(
  clientId: string,
  apiScope: string,
  factory: PcaFactory = createNestablePublicClientApplication,
): TokenSource {
  let pca: Promise<Nestable> | undefined;
  return async () => {
    pca ??= factory({ auth: { clientId, authority: 'https://login.microsoftonline.com/common' } });
    const app = await pca.catch((error: unknown) => {
      pca = undefined; // let the next call try again
      throw error;
    });
    const request = { scopes: [apiScope] };
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await app.acquireTokenPopup(request)).accessToken;
    }
  };
}

/**
 * Nested app authentication when the page was built for a tenant; otherwise (embedded mode) a dev token for
 * the demo user whose mailbox this is (`blake@tandem.example` → `blake`).
 */
export function tokenSourceFor(config: AddinConfig, userEmail: string, factory?: PcaFactory): TokenSource {
  if (config.clientId && config.apiScope) return naaTokenSource(config.clientId, config.apiScope, factory);
  return devTokenSource(userEmail.split('@')[0]!.trim().toLowerCase());
}
