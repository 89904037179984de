import { ConfidentialClientApplication } from '@azure/msal-node';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, MsalServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';

export interface BotApp {
  readonly id: string;
  readonly password: string;
  /** Single-tenant bot; a multi-tenant one signs in through the `botframework.com` tenant. */
  readonly tenantId?: string;
  /** Entra's sign-in host (https://login.microsoftonline.com), where the bot gets its token for the connector. */
  readonly authorityHost: string;
  /** Where the Bot Framework's signing keys are and the issuer its tokens name (Microsoft's, or a local one). */
  readonly channel: { readonly openIdMetadataUrl: string; readonly issuer: string };
}

export interface AdapterOptions {
  /**
   * Embedded mode: the only connectors the bot may call (the local Agents Playground). Every outbound call,
   * a reply or a proactive message, is refused for any other serviceUrl.
   */
  readonly serviceUrlAllowed?: (serviceUrl: string) => boolean;
  /** How long one call to the connector may take. */
  readonly connectorTimeoutMs?: number;
}

/** A connector that does not answer fails the call after this long instead of holding the request. */
export const CONNECTOR_TIMEOUT_MS = 5_000;

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { timeout: number; url: string }, next: (r: unknown) => Promise<unknown>): Promise<unknown>;
  }): void;
}

/**
 * botbuilder's authentication, unchanged for what comes in (in Microsoft 365 mode it checks the token's
 * signature, audience, issuer and that its `serviceurl` claim is the activity's serviceUrl), with the calls
 * going out bounded: one attempt with a timeout, no redirects, and only to allowed connectors. botbuilder's
 * pipeline would otherwise retry a dead connector for about 11 s; the job runner does its own retries.
 */
class BoundedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly bounds: {
      credentials?: MsalServiceClientCredentialsFactory;
      allowed?: (url: string) => boolean;
      timeoutMs: number;
    },
  ) {
    super(config, bounds.credentials);
  }

  override createConnectorFactory(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>
  ): ConnectorFactory {
    return this.bounded(super.createConnectorFactory(...args));
  }

  /** Replies within a turn use the factory that comes with the authenticated request: bound it too. */
  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.bounded(result.connectorFactory) } : result;
  }

  override async authenticateStreamingRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateStreamingRequest']>
  ): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateStreamingRequest']> {
    const result = await super.authenticateStreamingRequest(...args);
    return result.connectorFactory ? { ...result, connectorFactory: this.bounded(result.connectorFactory) } : result;
  }

  private bounded(inner: ConnectorFactory): ConnectorFactory {
    const { allowed, timeoutMs } = this.bounds;
    return {
      create: async (serviceUrl: string, audience?: string) => {
        if (allowed && !allowed(serviceUrl)) {
          throw Object.assign(new Error('this connector is not allowed'), { statusCode: 403 });
        }
        const client = await inner.create(serviceUrl, audience);
        const pipeline = (client as unknown as { client: { pipeline: Pipeline } }).client.pipeline;
        pipeline.removePolicy({ name: 'defaultRetryPolicy' });
        pipeline.removePolicy({ name: 'redirectPolicy' });
        pipeline.addPolicy({
          name: 'tandemConnectorBounds',
          sendRequest: (request, next) => {
            request.timeout = timeoutMs;
            return next(request);
          },
        });
        return client;
      },
    };
  }
}

/**
 * botbuilder's CloudAdapter, the one place that knows botbuilder's authentication (the seam for the move
 * to the Microsoft 365 Agents SDK). Without an app (embedded mode, tests) it accepts unauthenticated
 * activities and replies without a token: fine on loopback only, which is where embedded mode listens, and
 * only to the allowed connectors.
 */
export function createAdapter(
  app: BotApp | undefined,
  logger: Pick<Logger, 'error'>,
  options: AdapterOptions = {},
): CloudAdapter {
  const auth = new BoundedAuthentication(app ? appAuthentication(app) : {}, {
    ...(app && { credentials: appCredentials(app) }),
    ...(options.serviceUrlAllowed && { allowed: options.serviceUrlAllowed }),
    timeoutMs: options.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    // When the connector itself failed (refused, timed out), an apology would only fail the same way.
    const connectorFailed = ['RestError', 'AbortError'].includes(error?.name) || 'statusCode' in (error ?? {});
    if (context.activity.type === 'message' && !connectorFailed) {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again.').catch(() => undefined);
    }
  };
  return adapter;
}

/**
 * Every endpoint spelled out: botbuilder takes either all of them or Microsoft's public cloud, and the channel's
 * keys and issuer come from configuration (a sovereign cloud, a local issuer in tests).
 */
function appAuthentication(app: BotApp): ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0] {
  return {
    MicrosoftAppId: app.id,
    MicrosoftAppType: app.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(app.tenantId && { MicrosoftAppTenantId: app.tenantId }),
    ToBotFromChannelOpenIdMetadataUrl: app.channel.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: app.channel.issuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: authorityOf(app),
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

function authorityOf(app: BotApp): string {
  return `${new URL(app.authorityHost).origin}/${app.tenantId ?? 'botframework.com'}`;
}

/**
 * The bot's token for the connector, from MSAL configured here rather than inside botbuilder, so the
 * authority can be other than Entra's public cloud (which botbuilder's own MSAL client would insist on).
 */
function appCredentials(app: BotApp): MsalServiceClientCredentialsFactory {
  const host = new URL(app.authorityHost);
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: app.id,
      clientSecret: app.password,
      authority: authorityOf(app),
      // A host other than Entra's (a sovereign cloud, a local identity provider in tests) must be declared.
      ...(host.hostname !== 'login.microsoftonline.com' && { knownAuthorities: [host.host] }),
    },
  });
  // botframework-connector is typed against an older msal-node; it calls acquireTokenByClientCredential only.
  return new MsalServiceClientCredentialsFactory(
    app.id,
    client as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
  );
}

/** Matches a serviceUrl against an allow-list by origin and path prefix (`http://localhost:56150/_connector`). */
export function serviceUrlAllowList(allowed: readonly string[]): (serviceUrl: string) => boolean {
  const entries = allowed
    .map((u) => new URL(u))
    .map((u) => ({ origin: u.origin, path: u.pathname.replace(/\/+$/, '') }));
  return (serviceUrl) => {
    if (!URL.canParse(serviceUrl)) return false;
    const url = new URL(serviceUrl);
    const path = url.pathname.replace(/\/+$/, '');
    return entries.some((e) => e.origin === url.origin && (path === e.path || path.startsWith(`${e.path}/`)));
  };
}
