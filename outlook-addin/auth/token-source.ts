import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { ClientConfig } from '../../ui/api/client-config';
import { devTokenSource } from '../../ui/auth/dev-token-source';
import { cachedToken } from '../../ui/auth/token-cache';

export type TokenSource = () => Promise<string>;

/** What the host offers for signing in (OfficeHost in Outlook, a fake in tests). */
export interface SignInHost {
  supportsNestedAppAuth(): boolean;
  /** Office's own single sign-on (`Office.auth.getAccessToken`), where the host has it. */
  readonly officeSso?: () => Promise<string>;
}

type Nestable = Pick<IPublicClientApplication, 'acquireTokenSilent' | 'acquireTokenPopup'>;
export type PcaFactory = (configuration: Configuration) => Promise<Nestable>;

/** MSAL is a third of the task pane's script and only Microsoft 365 mode with NAA needs it: fetched then. */
const loadMsal = () => import('@azure/msal-browser');
const msalFactory: PcaFactory = async (configuration) =>
  (await loadMsal()).createNestablePublicClientApplication(configuration);

/**
 * Nested app authentication: Outlook brokers the token for Tandem's API, silently when it can. When the user
 * must consent or sign in again, a popup (which Outlook hosts) follows. MSAL caches and renews the token.
 */
export function naaTokenSource(clientId: string, apiScope: string, factory: PcaFactory = msalFactory): TokenSource {
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
      const { InteractionRequiredAuthError } = await loadMsal();
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      return (await app.acquireTokenPopup(request)).accessToken;
    }
  };
}

/**
 * How the task pane signs in, from the deployment's settings (told by the service at run time):
 * - embedded mode: a dev token for the demo user whose mailbox this is (`blake@tandem.example` → `blake`);
 * - Microsoft 365 mode: nested app authentication where the host supports it (NestedAppAuth 1.1), else
 *   Office's own single sign-on, whose token is for the same API (the manifest's `webApplicationInfo`).
 *   Never a dev token: the service would refuse it, and a silent fallback would hide a broken deployment.
 */
export function tokenSourceFor(
  config: ClientConfig,
  userEmail: string,
  host: SignInHost,
  factory?: PcaFactory,
): TokenSource {
  if (config.mode === 'embedded') return devTokenSource(userEmail.split('@')[0]!.trim().toLowerCase());
  if (!config.clientId || !config.apiScope) {
    throw new Error(
      'This Tandem service has no sign-in settings: ask your administrator to check its app registration.',
    );
  }
  if (host.supportsNestedAppAuth()) return naaTokenSource(config.clientId, config.apiScope, factory);
  if (host.officeSso) return cachedToken(host.officeSso);
  throw new Error('This version of Outlook cannot sign in to Tandem: update Outlook, or use Outlook on the web.');
}
