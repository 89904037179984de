/**
 * Sends one card to a conversation the bot was told about earlier (a proactive message). `Address` is the
 * adapter's own conversation reference: core stores and passes it, never looks inside.
 */
export interface Messenger<Address = unknown> {
  /** Returns the channel's message id. Throws NotInstalledError or ThrottledError. */
  sendCard(to: Address, card: CardJson, summary: string): Promise<string | undefined>;
}

/** An Adaptive Card as JSON: built by pure card builders, sent as is. */
export type CardJson = object;

/** The conversation refused the bot (403: the app is not installed there any more): never retried. */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** Teams said 429; `retryAfterMs` from its Retry-After header when it sent one. */
export class ThrottledError extends Error {
  override readonly name = 'ThrottledError';
  constructor(readonly retryAfterMs: number | undefined) {
    super('throttled by the Bot Connector');
  }
}
