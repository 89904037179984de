import { X509Certificate } from 'node:crypto';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { OAuth2Issuer } from 'oauth2-mock-server';
import { testTls } from '../graph-emulator/graph-emulator';

export interface IdentityProviderOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The certificate registered on the app: a signed client assertion is accepted instead of the secret. */
  readonly clientCertificatePem?: string;
  /** Further app registrations that sign in with the same secret (the bot's, when it has an id of its own). */
  readonly otherClientIds?: readonly string[];
}

/** What the Bot Framework puts in the token it sends with each activity. */
export interface ChannelTokenOptions {
  /** The bot's app id. */
  readonly audience: string;
  /** The connector this activity may be answered at (the `serviceurl` claim). */
  readonly serviceUrl: string;
  readonly issuer?: string;
  /** Whose key signs it: the channel's (the default), or Entra's, which the channel's metadata does not list. */
  readonly signedBy?: 'channel' | 'entra';
}

export interface UserTokenOptions {
  readonly version?: 1 | 2;
  readonly scp?: string;
  readonly tid?: string;
  readonly aud?: string;
  readonly expiresIn?: number;
}

const GRAPH = 'https://graph.microsoft.com';
const DELEGATED_SCOPES = 'Files.ReadWrite.AppFolder Calendars.ReadWrite User.Read User.ReadBasic.All';

export interface IdentityProviderRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * A local Entra ID for tests, over https (msal-node refuses http): oauth2-mock-server's issuer signs real
 * RS256 tokens and publishes its JWKS; in front of it, the tenant-shaped endpoints MSAL calls, including the
 * on-behalf-of (jwt-bearer) grant oauth2-mock-server lacks.
 */
export class LocalIdentityProvider {
  readonly issuer = new OAuth2Issuer();
  /**
   * The Bot Framework's side: its own signing key, published in an OpenID metadata document whose keys
   * carry `endorsements` (the channels each key may sign for), as login.botframework.com does.
   */
  readonly channel = new OAuth2Issuer();
  /** Every token request, by grant type: shows MSAL's cache at work. */
  readonly tokenRequests: string[] = [];
  /** Every request with when it started and when it was answered: each is a round trip for whoever waits on it. */
  readonly requests: IdentityProviderRequest[] = [];
  url = '';
  private server: https.Server | undefined;
  private readonly sockets = new Set<Socket>();

  static async start(options: IdentityProviderOptions): Promise<LocalIdentityProvider> {
    const idp = new LocalIdentityProvider(options);
    await idp.issuer.keys.generate('RS256');
    await idp.channel.keys.generate('RS256');
    await idp.listen();
    return idp;
  }

  private constructor(private readonly options: IdentityProviderOptions) {}

  get v2Issuer(): string {
    return `${this.url}/${this.options.tenantId}/v2.0`;
  }

  /** The issuer the channel's tokens name (https://api.botframework.com in Microsoft's cloud). */
  get channelIssuer(): string {
    return `${this.url}/botframework`;
  }

  /** The channel's OpenID metadata (login.botframework.com/v1/.well-known/openidconfiguration in Microsoft's cloud). */
  get channelOpenIdMetadataUrl(): string {
    return `${this.url}/botframework/v1/.well-known/openidconfiguration`;
  }

  /** The token the Bot Framework sends the bot with an activity. */
  async channelToken(options: ChannelTokenOptions): Promise<string> {
    const issuer = options.signedBy === 'entra' ? this.issuer : this.channel;
    return issuer.buildToken({
      expiresIn: 3600,
      scopesOrTransform: (_header, payload) =>
        Object.assign(payload, {
          iss: options.issuer ?? this.channelIssuer,
          aud: options.audience,
          serviceurl: options.serviceUrl,
        }),
    });
  }

  /** An access token for Tandem's API, as Teams SSO would hand the tab. */
  async userToken(oid: string, options: UserTokenOptions = {}): Promise<string> {
    const tid = options.tid ?? this.options.tenantId;
    const v1 = options.version === 1;
    return this.sign(
      {
        iss: v1 ? `${this.url}/${tid}/` : `${this.url}/${tid}/v2.0`,
        aud: options.aud ?? (v1 ? `api://${this.options.clientId}` : this.options.clientId),
        ver: v1 ? '1.0' : '2.0',
        tid,
        oid,
        sub: `sub-${oid}`,
        scp: options.scp ?? 'access_as_user',
        azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      },
      options.expiresIn ?? 3600,
    );
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** A client secret, or a client assertion signed with the registered certificate's key (RFC 7523). */
  private async clientAuthenticated(form: URLSearchParams): Promise<boolean> {
    const assertion = form.get('client_assertion');
    if (assertion === null) {
      const clientIds = [this.options.clientId, ...(this.options.otherClientIds ?? [])];
      return clientIds.includes(form.get('client_id') ?? '') && form.get('client_secret') === this.options.clientSecret;
    }
    if (!this.options.clientCertificatePem) return false;
    try {
      const key = new X509Certificate(this.options.clientCertificatePem).publicKey;
      const { payload } = await jwtVerify(assertion, key, {
        issuer: this.options.clientId,
        subject: this.options.clientId,
        audience: `${this.url}/${this.options.tenantId}/oauth2/v2.0/token`,
        // MSAL rounds `nbf` up to the next second; Entra allows clock skew too.
        clockTolerance: 300,
      });
      return payload.sub === this.options.clientId;
    } catch {
      return false;
    }
  }

  /** The public keys (oauth2-mock-server gives a bare array). */
  jwks(): JSONWebKeySet {
    return { keys: this.issuer.keys.toJSON() as unknown as JSONWebKeySet['keys'] };
  }

  private async sign(claims: Record<string, unknown>, expiresIn: number): Promise<string> {
    return this.issuer.buildToken({
      expiresIn,
      scopesOrTransform: (_header, payload) => Object.assign(payload, claims),
    });
  }

  private async listen(): Promise<void> {
    this.server = https.createServer(testTls(), (req, res) => {
      const startedAt = performance.now();
      res.on('finish', () =>
        this.requests.push({
          method: req.method ?? '',
          path: new URL(req.url ?? '/', this.url).pathname,
          status: res.statusCode,
          startedAt,
          endedAt: performance.now(),
        }),
      );
      this.handle(req, res).catch((error: unknown) =>
        json(res, 500, { error: 'server_error', error_description: String(error) }),
      );
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `https://localhost:${(this.server.address() as AddressInfo).port}`;
    this.issuer.url = this.v2Issuer;
    this.channel.url = this.channelIssuer;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.url).pathname;
    const tenantRoot = `${this.url}/${this.options.tenantId}`;
    if (req.method === 'GET' && path.endsWith('/.well-known/openid-configuration')) {
      return json(res, 200, {
        issuer: this.v2Issuer,
        token_endpoint: `${tenantRoot}/oauth2/v2.0/token`,
        authorization_endpoint: `${tenantRoot}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${tenantRoot}/oauth2/v2.0/logout`,
        jwks_uri: `${tenantRoot}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && path.endsWith('/discovery/v2.0/keys')) return json(res, 200, this.jwks());
    if (req.method === 'GET' && path === '/botframework/v1/.well-known/openidconfiguration') {
      return json(res, 200, {
        issuer: this.channelIssuer,
        authorization_endpoint: `${this.url}/botframework/v1/authorize`,
        jwks_uri: `${this.url}/botframework/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === '/botframework/v1/keys') {
      const keys = this.channel.keys.toJSON() as unknown as Array<Record<string, unknown>>;
      return json(res, 200, { keys: keys.map((k) => ({ ...k, endorsements: ['msteams'] })) });
    }
    if (req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')) return this.token(req, res);
    json(res, 404, { error: 'not_found' });
  }

  private async token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const grant = form.get('grant_type') ?? '';
    this.tokenRequests.push(grant);
    if (!(await this.clientAuthenticated(form))) {
      return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' });
    }
    const tid = this.options.tenantId;
    if (grant === 'client_credentials') {
      // `https://graph.microsoft.com/.default` → a token for Graph; `https://api.botframework.com/.default` → the connector's.
      const aud = (form.get('scope') ?? '').replace(/\/\.default$/, '') || GRAPH;
      const token = await this.sign(
        {
          aud,
          tid,
          appid: form.get('client_id') ?? this.options.clientId,
          ...(aud === GRAPH && { roles: ['Sites.Selected', 'Calendars.ReadBasic.All'] }),
        },
        3600,
      );
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.get('requested_token_use') === 'on_behalf_of') {
      let oid: string;
      try {
        const keys = createLocalJWKSet(this.jwks());
        const { payload } = await jwtVerify(form.get('assertion') ?? '', keys, {
          audience: [this.options.clientId, `api://${this.options.clientId}`],
        });
        oid = String(payload.oid);
      } catch (error) {
        return json(res, 400, { error: 'invalid_grant', error_description: `AADSTS50013: ${String(error)}` });
      }
      const token = await this.sign({ aud: GRAPH, tid, oid, scp: DELEGATED_SCOPES, ver: '1.0' }, 3600);
      return json(res, 200, {
        token_type: 'Bearer',
        scope: `${GRAPH}/.default`,
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: token,
      });
    }
    json(res, 400, { error: 'unsupported_grant_type', error_description: grant });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
