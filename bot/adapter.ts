import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

export interface BotApp {
  readonly id: string;
  readonly password: string;
  readonly tenantId?: string;
}

export interface AdapterOptions {
  /**
   * Embedded mode: the only connectors the bot may call (the local Agents Playground). Every outbound call,
   * a reply or a proactive message, is refused for any other serviceUrl.
   */
  readonly serviceUrlAllowed?: (serviceUrl: string) => boolean;
  /** Where the Bot Framework's signing keys and issuer are (a local issuer in tests); Microsoft's by default. */
  readonly channelTokens?: { readonly openIdMetadataUrl: string; readonly issuer: string };
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
    private readonly bounds: { allowed?: (url: string) => boolean; timeoutMs: number },
  ) {
    super(config);
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
  const auth = new BoundedAuthentication(
    {
      ...(app && {
        MicrosoftAppId: app.id,
        MicrosoftAppPassword: app.password,
        MicrosoftAppType: app.tenantId ? 'SingleTenant' : 'MultiTenant',
        ...(app.tenantId && { MicrosoftAppTenantId: app.tenantId }),
      }),
      ...(options.channelTokens && {
        ToBotFromChannelOpenIdMetadataUrl: options.channelTokens.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: options.channelTokens.issuer,
      }),
    },
    {
      ...(options.serviceUrlAllowed && { allowed: options.serviceUrlAllowed }),
      timeoutMs: options.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS,
    },
  );
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
