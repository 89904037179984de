import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { ConflictError, DomainError, NotFoundError } from '../../core/errors';
import { agendaCard, VERBS } from '../cards/agenda-card';
import type { AdaptiveCardJson } from '../cards/card';
import { nudgeCard, REFRESH_NUDGE } from '../cards/nudge-card';
import { clientId, messageCard, UNKNOWN_USER, userOf, type HandlerDeps } from './turn';

/** The buttons on the bot's cards (Action.Execute): the answer is the refreshed card. */
export class CardActions {
  constructor(private readonly deps: HandlerDeps) {}

  async onInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const userId = userOf(this.deps, context);
    if (!userId) return answer(messageCard(UNKNOWN_USER));
    const data = (value.action?.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
    const { sessions, topics, commitments, pairs } = this.deps.useCases;
    const pairId = str('pairId');
    try {
      switch (value.action?.verb) {
        case VERBS.addTopic: {
          const sessionId = str('sessionId');
          const title = str('topic').trim();
          if (!title)
            return answer(agendaCard(await sessions.sharedAgenda(userId, pairId, sessionId), 'Type a topic first.'));
          // The invoke's activity id makes a retried click idempotent (Teams retries invokes).
          await topics.add(userId, pairId, sessionId, { id: clientId(this.deps, context), title });
          return answer(agendaCard(await sessions.sharedAgenda(userId, pairId, sessionId), `Added: ${title}`));
        }
        case VERBS.nothingFromMe: {
          const sessionId = str('sessionId');
          await sessions.nothingFromMe(userId, pairId, sessionId);
          return answer(
            agendaCard(await sessions.sharedAgenda(userId, pairId, sessionId), 'Noted: nothing from you this time.'),
          );
        }
        case VERBS.actionDone:
        case VERBS.moveDue: {
          const done = value.action.verb === VERBS.actionDone;
          const rev = typeof data.rev === 'number' ? data.rev : Number(data.rev);
          try {
            const item = await commitments.editActionItem(userId, pairId, str('itemId'), {
              rev,
              ...(done ? { status: 'done' as const } : { due: str('due') }),
            });
            const overview = await pairs.overview(userId, pairId);
            return answer(
              nudgeCard(pairId, item, overview.other.displayName, done ? 'Marked done.' : `Moved to ${item.due}.`),
            );
          } catch (error) {
            // Changed since the card was sent (in the tab, by the other person): show it as it is now, not an error.
            if (!(error instanceof ConflictError) || error.field !== 'rev') throw error;
            return answer(
              await this.currentNudge(userId, pairId, str('itemId'), 'It changed meanwhile: here it is now.'),
            );
          }
        }
        case REFRESH_NUDGE:
          return answer(await this.currentNudge(userId, pairId, str('itemId')));
        default:
          return answer(messageCard('That action is not known here.'));
      }
    } catch (error) {
      if (error instanceof DomainError) return answer(messageCard(`That did not work: ${error.message}.`));
      throw error;
    }
  }

  private async currentNudge(userId: string, pairId: string, itemId: string, note?: string): Promise<AdaptiveCardJson> {
    const overview = await this.deps.useCases.pairs.overview(userId, pairId);
    const item = overview.actionItems.find((a) => a.id === itemId);
    if (!item) throw new NotFoundError('no such action item', 'itemId');
    return nudgeCard(pairId, item, overview.other.displayName, note);
  }
}

function answer(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card as unknown as Record<string, unknown>,
  };
}
