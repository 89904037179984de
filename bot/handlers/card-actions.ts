import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { ConflictError, DomainError, NotFoundError } from '../../core/errors';
import type { Translator } from '../../core/i18n/messages';
import { formatDay } from '../i18n';
import { agendaCard, VERBS } from '../cards/agenda-card';
import { ATTENTION_VERBS, attentionCard, attentionFromInputs } from '../cards/attention-card';
import { REFRESH_VERB, type AdaptiveCardJson } from '../cards/card';
import { nudgeCard, REFRESH_NUDGE } from '../cards/nudge-card';
import { recapCard } from '../cards/recap-card';
import type { AudienceOf } from './refresh';
import { clientId, isPersonal, messageCard, translatorOf, userOf, type HandlerDeps } from './turn';

/**
 * The buttons on the bot's cards (Action.Execute), and Teams' refresh of a meeting chat's card: the answer
 * is the card as the person who clicked or viewed it should see it.
 */
export class CardActions {
  constructor(
    private readonly deps: HandlerDeps,
    private readonly audience: AudienceOf,
  ) {}

  async onInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const t = translatorOf(context);
    const userId = userOf(this.deps, context);
    if (!userId) return answer(messageCard(t.t('bot.unknownUser')));
    const data = (value.action?.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
    const { sessions, topics, commitments, pairs, attention } = this.deps.useCases;
    const pairId = str('pairId');
    const sessionId = str('sessionId');
    /** In a meeting chat the answer keeps the refresh block: the card stays each person's own. */
    const agendaAnswer = async (note?: string) => {
      const view = await sessions.sharedAgenda(userId, pairId, sessionId);
      const card = agendaCard(view, t, note);
      return answer(isPersonal(context) ? card : await this.audience.shared(card, view, context));
    };
    try {
      switch (value.action?.verb) {
        case REFRESH_VERB: {
          if (str('kind') !== 'recap') return await agendaAnswer();
          const view = await sessions.sharedAgenda(userId, pairId, sessionId);
          if (!view.recap) return await agendaAnswer();
          return answer(await this.audience.shared(recapCard(view.recap, view, t, userId), view, context, 'recap'));
        }
        case VERBS.addTopic: {
          const title = str('topic').trim();
          if (!title) return await agendaAnswer(t.t('bot.typeTopicFirst'));
          // The invoke's activity id makes a retried click idempotent (Teams retries invokes).
          await topics.add(userId, pairId, sessionId, { id: clientId(this.deps, context), title });
          return await agendaAnswer(t.t('bot.topicAdded', { title }));
        }
        case VERBS.nothingFromMe: {
          await sessions.nothingFromMe(userId, pairId, sessionId);
          return await agendaAnswer(t.t('bot.nothingNoted'));
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
            const note = done ? t.t('bot.markedDone') : t.t('bot.moved', { due: formatDay(t, item.due) });
            return answer(nudgeCard(pairId, item, overview.other.displayName, t, note));
          } catch (error) {
            // Changed since the card was sent (in the tab, by the other person): show it as it is now, not an error.
            if (!(error instanceof ConflictError) || error.field !== 'rev') throw error;
            return answer(await this.currentNudge(userId, pairId, str('itemId'), t, t.t('bot.changedMeanwhile')));
          }
        }
        case ATTENTION_VERBS.save: {
          const saved = await attention.update(userId, attentionFromInputs(data));
          return answer(attentionCard(saved, t, t.t('attention.saved')));
        }
        case ATTENTION_VERBS.refresh:
          return answer(attentionCard(await attention.get(userId), t));
        case REFRESH_NUDGE:
          return answer(await this.currentNudge(userId, pairId, str('itemId'), t));
        default:
          return answer(messageCard(t.t('bot.unknownAction')));
      }
    } catch (error) {
      if (error instanceof DomainError) return answer(messageCard(t.t('bot.failed', { reason: error.message })));
      throw error;
    }
  }

  private async currentNudge(
    userId: string,
    pairId: string,
    itemId: string,
    t: Translator,
    note?: string,
  ): Promise<AdaptiveCardJson> {
    const overview = await this.deps.useCases.pairs.overview(userId, pairId);
    const item = overview.actionItems.find((a) => a.id === itemId);
    if (!item) throw new NotFoundError('no such action item', 'itemId');
    return nudgeCard(pairId, item, overview.other.displayName, t, note);
  }
}

function answer(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card as unknown as Record<string, unknown>,
  };
}
