import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

export interface BotApp {
  readonly id: string;
  readonly password: string;
  readonly tenantId?: string;
}

/**
 * botbuilder's CloudAdapter, the one place that knows botbuilder's authentication (the seam for the move
 * to the Microsoft 365 Agents SDK). Without an app (embedded mode, tests) it accepts unauthenticated
 * activities and replies without a token: fine on loopback only, which is where embedded mode listens.
 */
export function createAdapter(app: BotApp | undefined, logger: Pick<Logger, 'error'>): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    app
      ? {
          MicrosoftAppId: app.id,
          MicrosoftAppPassword: app.password,
          MicrosoftAppType: app.tenantId ? 'SingleTenant' : 'MultiTenant',
          ...(app.tenantId && { MicrosoftAppTenantId: app.tenantId }),
        }
      : {},
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again.').catch(() => undefined);
    }
  };
  return adapter;
}
