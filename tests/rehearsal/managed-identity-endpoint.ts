import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalIdentityProvider } from '../support/identity-provider';

/**
 * App Service's managed identity endpoint on loopback: the process gets IDENTITY_ENDPOINT and IDENTITY_HEADER,
 * and `GET {IDENTITY_ENDPOINT}?resource=…&api-version=2019-08-01` with the `X-IDENTITY-HEADER` header answers
 * `{access_token, expires_on, resource, token_type, client_id}`, as App Service documents it. The token is
 * Entra's v1 shape for a managed identity (issuer sts.windows.net, `idtyp: app`), signed by the local provider.
 */
export class ManagedIdentityEndpoint {
  /** The resources tokens were asked for, in order. */
  readonly requests: string[] = [];
  readonly header = randomBytes(16).toString('hex');
  url = '';
  private readonly server: http.Server;

  private constructor(
    idp: LocalIdentityProvider,
    identity: { tenantId: string; principalId: string; clientId: string },
  ) {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const resource = url.searchParams.get('resource') ?? '';
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-identity-header'] !== this.header) return answer(401, { error: 'missing header' });
      if (url.searchParams.get('api-version') !== '2019-08-01' || !resource)
        return answer(400, { error: 'invalid_request', error_description: 'api-version and resource are required' });
      this.requests.push(resource);
      const expiresIn = 3600;
      idp.issuer
        .buildToken({
          expiresIn,
          scopesOrTransform: (_header, payload) =>
            Object.assign(payload, {
              aud: resource.replace(/\/\.default$/, ''),
              iss: `https://sts.windows.net/${identity.tenantId}/`,
              tid: identity.tenantId,
              oid: identity.principalId,
              sub: identity.principalId,
              appid: identity.clientId,
              idtyp: 'app',
              ver: '1.0',
            }),
        })
        .then(
          (token) =>
            answer(200, {
              access_token: token,
              expires_on: String(Math.floor(Date.now() / 1000) + expiresIn),
              resource,
              token_type: 'Bearer',
              client_id: identity.clientId,
            }),
          (error: unknown) => answer(500, { error: String(error) }),
        );
    });
  }

  static async start(
    idp: LocalIdentityProvider,
    identity: { tenantId: string; principalId: string; clientId: string },
  ): Promise<ManagedIdentityEndpoint> {
    const endpoint = new ManagedIdentityEndpoint(idp, identity);
    await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
    endpoint.url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}/msi/token`;
    return endpoint;
  }

  /** What App Service puts in the environment of a web app with a managed identity. */
  get environment(): Record<string, string> {
    return { IDENTITY_ENDPOINT: this.url, IDENTITY_HEADER: this.header };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
