import { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import { NotFoundError } from '../../core/errors';
import type { UseCases } from '../../core/use-cases';
import type { PairSummary } from '../../core/use-cases/pairs';
import type { Translator } from '../../core/i18n/messages';
import { card, line, run, type AdaptiveCardJson } from '../cards/card';
import { translatorFor } from '../i18n';
import type { IdentityMap } from '../identity';

/** What every handler may use: the use-cases (as the Tandem user), identities, the clock and a logger. */
export interface HandlerDeps {
  readonly useCases: UseCases;
  readonly identities: IdentityMap;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** The language of the person who sent the activity: Teams sets the activity's locale from their client. */
export function translatorOf(context: TurnContext): Translator {
  return translatorFor(context.activity.locale);
}

/** The Tandem user who sent the activity; undefined for a Teams account Tandem does not know. */
export function userOf(deps: HandlerDeps, context: TurnContext): string | undefined {
  return deps.identities.tandemUserOf(context.activity.from);
}

export function isPersonal(context: TurnContext): boolean {
  const type = context.activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}

/** A client id for what one incoming activity creates: a redelivered activity makes no duplicate. */
export function clientId(deps: HandlerDeps, context: TurnContext): string {
  const fromActivity = (context.activity.id ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(-40);
  return `bot-${fromActivity || deps.clock.now().getTime().toString(36)}`;
}

/** The 1:1 whose meeting chat this is, if the user is one of its two people. */
export async function pairByChat(deps: HandlerDeps, userId: string, chatId: string): Promise<PairSummary | undefined> {
  try {
    return await deps.useCases.pairs.byChat(userId, chatId);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** In personal chat: all my 1:1s. In a meeting chat: that meeting's 1:1. */
export async function pairsHere(deps: HandlerDeps, context: TurnContext, userId: string): Promise<PairSummary[]> {
  if (isPersonal(context)) return (await deps.useCases.pairs.me(userId)).pairs;
  const pair = await pairByChat(deps, userId, context.activity.conversation.id);
  return pair ? [pair] : [];
}

export function messageCard(message: string): AdaptiveCardJson {
  return card([line([run(message)])]);
}
