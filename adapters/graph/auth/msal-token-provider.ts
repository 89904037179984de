import { X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** Graph access tokens: the app's own (client credentials) or a user's (on-behalf-of their API token). */
export interface GraphTokenProvider {
  appToken(): Promise<string>;
  onBehalfOf(userAssertion: string): Promise<string>;
}

export type ClientCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  /** PEM holding the private key and the certificate registered on the app. */
  | { readonly kind: 'certificate'; readonly pem: string };

export interface MsalOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly credential: ClientCredential;
  /** https://login.microsoftonline.com, or a local identity provider in tests. */
  readonly authorityHost: string;
}

/**
 * Token provider on @azure/msal-node. MSAL's in-memory cache keeps the app token and each user's OBO token
 * (keyed by the incoming assertion) until shortly before expiry, so most Graph calls cost no token request.
 */
export class MsalTokenProvider implements GraphTokenProvider {
  private readonly client: ConfidentialClientApplication;

  constructor(
    options: MsalOptions,
    private readonly scopes: readonly string[] = [GRAPH_DEFAULT_SCOPE],
  ) {
    this.client = new ConfidentialClientApplication(msalConfiguration(options));
  }

  async appToken(): Promise<string> {
    const result = await this.client.acquireTokenByClientCredential({ scopes: [...this.scopes] });
    if (!result?.accessToken) throw new Error('no app token from the identity provider');
    return result.accessToken;
  }

  async onBehalfOf(userAssertion: string): Promise<string> {
    const result = await this.client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: [...this.scopes] });
    if (!result?.accessToken) throw new Error('no on-behalf-of token from the identity provider');
    return result.accessToken;
  }
}

export function msalConfiguration(options: MsalOptions): Configuration {
  const host = new URL(options.authorityHost);
  const auth: Configuration['auth'] = {
    clientId: options.clientId,
    authority: `${host.origin}/${options.tenantId}`,
    // A host other than Entra's (a sovereign cloud, or the local provider in tests) must be declared.
    ...(host.hostname !== 'login.microsoftonline.com' && { knownAuthorities: [host.host] }),
  };
  if (options.credential.kind === 'secret') auth.clientSecret = options.credential.secret;
  else {
    const certificate = new X509Certificate(options.credential.pem);
    auth.clientCertificate = {
      thumbprintSha256: certificate.fingerprint256.replace(/:/g, ''),
      privateKey: options.credential.pem,
      x5c: certificate.toString(),
    };
  }
  return { auth };
}
