/**
 * What the tab and the add-in need to know about a deployment before signing in, told by the service at run
 * time (`GET /api/client-config`). None of it is secret: it is all in the app manifest too.
 */
export interface ClientConfig {
  readonly mode: 'embedded' | 'm365';
  /** Microsoft 365 mode: the Entra app the add-in signs in with (nested app authentication). */
  readonly clientId?: string;
  /** Microsoft 365 mode: the scope of Tandem's API, `api://<host>/<client id>/access_as_user`. */
  readonly apiScope?: string;
  /** The Teams app id, for deep links from the add-in into the meeting tab. */
  readonly teamsAppId?: string;
}
