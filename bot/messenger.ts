import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { NotInstalledError, ThrottledError, type Messenger } from '../core/ports/messenger';
import type { AdaptiveCardJson } from './cards/card';

/** core's Messenger port on the Bot Framework connector; the address is a stored conversation reference. */
export type ProactiveMessenger = Messenger<Partial<ConversationReference>>;

export class BotFrameworkMessenger implements ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async sendCard(
    ref: Partial<ConversationReference>,
    card: AdaptiveCardJson,
    summary: string,
  ): Promise<string | undefined> {
    let id: string | undefined;
    let failure: unknown;
    // An error thrown inside the turn would go to the adapter's onTurnError, which swallows it: the job
    // would count as sent. Keep it here and throw it after the turn.
    await this.adapter.continueConversationAsync(this.appId, ref, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.summary = summary;
      try {
        id = (await context.sendActivity(activity))?.id;
      } catch (error) {
        failure = error ?? new Error('send failed');
      }
    });
    if (failure !== undefined) throw classify(failure);
    return id;
  }
}

interface HttpFailure {
  readonly statusCode?: number;
  readonly response?: { readonly headers?: { get?(name: string): string | undefined } };
}

/** The connector's RestError carries the status and the response headers (Retry-After on 429). */
export function classify(error: unknown): unknown {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as HttpFailure;
  if (failure.statusCode === 403 || failure.statusCode === 404) {
    return new NotInstalledError(`the conversation refused the bot (${failure.statusCode})`);
  }
  if (failure.statusCode === 429) {
    const header = failure.response?.headers?.get?.('retry-after');
    const seconds = header === undefined ? NaN : Number(header);
    return new ThrottledError(Number.isFinite(seconds) ? seconds * 1000 : undefined);
  }
  return error;
}
