import type { TurnContext } from 'botbuilder';
import { withRefresh, type AdaptiveCardJson } from '../cards/card';
import type { ConversationReferences } from '../conversation-references';
import type { IdentityMap } from '../identity';

export type RefreshKind = 'agenda' | 'recap';

interface Pair {
  readonly pairId: string;
  readonly sessionId: string;
  readonly manager: { readonly id: string };
  readonly report: { readonly id: string };
}

/**
 * Who gets their own card in a meeting chat: the 1:1's two people, by their Teams user ids. The bot knows an
 * id from the person's personal chat with it, or from the activity in hand when that person sent it. Someone
 * it does not know yet reads the shared card, which is written from neither side.
 */
export class ChatAudience {
  constructor(
    private readonly refs: ConversationReferences,
    private readonly identities: IdentityMap,
  ) {}

  async userIds(pair: Pair, context?: TurnContext): Promise<string[]> {
    const ids = new Set<string>();
    const from = context?.activity.from;
    const sender = from && this.identities.tandemUserOf(from);
    for (const userId of [pair.manager.id, pair.report.id]) {
      if (from && sender === userId) ids.add(from.id);
      else {
        const known = (await this.refs.forUser(userId))?.user?.id;
        if (known) ids.add(known);
      }
    }
    return [...ids];
  }

  /** The card with its refresh block: each of the two people who views it gets their own version. */
  async shared(
    card: AdaptiveCardJson,
    pair: Pair,
    context?: TurnContext,
    kind: RefreshKind = 'agenda',
  ): Promise<AdaptiveCardJson> {
    const userIds = await this.userIds(pair, context);
    return withRefresh(card, { kind, pairId: pair.pairId, sessionId: pair.sessionId }, userIds);
  }
}

export type AudienceOf = Pick<ChatAudience, 'shared' | 'userIds'>;
