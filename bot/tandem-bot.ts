import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock';
import { DomainError, NotFoundError } from '../core/errors';
import type { PairSummary } from '../core/use-cases/pairs';
import type { UseCases } from '../core/use-cases';
import { agendaCard, VERBS } from './cards/agenda-card';
import { card, escapeText, text, type AdaptiveCardJson } from './cards/card';
import { nudgeCard } from './cards/nudge-card';
import type { ConversationReferences } from './conversation-references';
import type { IdentityMap } from './identity';

/** What the bot asks of the job runner: the meeting ended, so the recap is due now (still sent once). */
export interface RecapTrigger {
  meetingEnded(pair: { id: string; managerId: string; reportId: string }, sessionId: string): Promise<void>;
}

export interface TandemBotDeps {
  readonly useCases: UseCases;
  readonly identities: IdentityMap;
  readonly refs: ConversationReferences;
  readonly recaps: RecapTrigger;
  readonly clock: Clock;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

const HOUR = 3_600_000;
const MAX_AGENDAS = 3;

export const HELP = [
  'I help you prepare your 1:1s and keep track of what comes out of them.',
  '- **agenda**: the agenda of your next 1:1',
  '- **add** *topic*: add a topic to your next 1:1',
  '- **actions**: your open action items',
  '- **help**: this message',
  'Before each 1:1 I ask you for topics; after it I post the recap; the day before an action item is due I remind its owner.',
].join('\r');

/**
 * The Teams bot: personal chat and the meeting's group chat. It talks to the domain only through the
 * use-cases, as the Tandem user the Teams account maps to, so authorization stays in core.
 */
export class TandemBot extends TeamsActivityHandler {
  constructor(private readonly deps: TandemBotDeps) {
    super();
    // What a person does with the bot (install, add, message, card action) proves the bot can write there:
    // keep that reference fresh. Meeting events are not used: they say nothing about the chat's installation.
    this.onTurn(async (context, next) => {
      const { type, action } = context.activity;
      const removed = type === 'installationUpdate' && action?.startsWith('remove');
      if (CAPTURED_FROM.has(type) && !removed) await this.capture(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await context.sendActivity(MessageFactory.text(HELP));
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.command(context);
      await next();
    });
    this.onTeamsMeetingStartEvent(async (_meeting, context, next) => {
      await this.meetingState(context, 'started');
      await next();
    });
    this.onTeamsMeetingEndEvent(async (_meeting, context, next) => {
      await this.meetingState(context, 'ended');
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const userId = this.userOf(context);
    const data = (value.action?.data ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
    const answer = (card: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card as unknown as Record<string, unknown>,
    });
    if (!userId) return answer(messageCard(UNKNOWN_USER));
    const { sessions, topics, commitments } = this.deps.useCases;
    const pairId = str('pairId');
    try {
      switch (value.action?.verb) {
        case VERBS.addTopic: {
          const sessionId = str('sessionId');
          const title = str('topic').trim();
          if (!title)
            return answer(agendaCard(await sessions.agenda(userId, pairId, sessionId), 'Type a topic first.'));
          // The invoke's activity id makes a retried click idempotent (Teams retries invokes).
          await topics.add(userId, pairId, sessionId, { id: clientId(context), title });
          return answer(agendaCard(await sessions.agenda(userId, pairId, sessionId), `Added: ${title}`));
        }
        case VERBS.nothingFromMe: {
          const sessionId = str('sessionId');
          await sessions.nothingFromMe(userId, pairId, sessionId);
          return answer(
            agendaCard(await sessions.agenda(userId, pairId, sessionId), 'Noted: nothing from you this time.'),
          );
        }
        case VERBS.actionDone:
        case VERBS.moveDue: {
          const done = value.action.verb === VERBS.actionDone;
          const rev = typeof data.rev === 'number' ? data.rev : Number(data.rev);
          const item = await commitments.editActionItem(userId, pairId, str('itemId'), {
            rev,
            ...(done ? { status: 'done' as const } : { due: str('due') }),
          });
          const overview = await this.deps.useCases.pairs.overview(userId, pairId);
          return answer(
            nudgeCard(pairId, item, overview.other.displayName, done ? 'Marked done.' : `Moved to ${item.due}.`),
          );
        }
        default:
          return answer(messageCard('That action is not known here.'));
      }
    } catch (error) {
      if (error instanceof DomainError) return answer(messageCard(`That did not work: ${error.message}.`));
      throw error;
    }
  }

  private async command(context: TurnContext): Promise<void> {
    const userId = this.userOf(context);
    if (!userId) {
      await context.sendActivity(MessageFactory.text(UNKNOWN_USER));
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
    const [word = '', ...rest] = text.split(/\s+/);
    switch (word.toLowerCase()) {
      case 'help':
        return void (await context.sendActivity(MessageFactory.text(HELP)));
      case 'agenda':
        return this.agenda(context, userId);
      case 'add':
        return this.addTopic(context, userId, text.slice(word.length).trim() || rest.join(' '));
      case 'actions':
        return this.actions(context, userId);
      default:
        await context.sendActivity(
          MessageFactory.text(
            text
              ? "I didn't catch that. Try **agenda**, **add** *your topic*, **actions** or **help**."
              : 'Hello! Type **help** to see what I can do.',
          ),
        );
    }
  }

  private async agenda(context: TurnContext, userId: string): Promise<void> {
    const pairs = (await this.pairsHere(context, userId)).filter((p) => p.nextSession);
    if (pairs.length === 0) return void (await context.sendActivity(MessageFactory.text('You have no 1:1 coming up.')));
    for (const pair of pairs.slice(0, MAX_AGENDAS)) {
      const view = await this.deps.useCases.sessions.agenda(userId, pair.id, pair.nextSession!.id);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(agendaCard(view))));
    }
  }

  /** In a meeting chat: that pair. In personal chat: the 1:1 coming up soonest (the reply names it). */
  private async addTopic(context: TurnContext, userId: string, title: string): Promise<void> {
    if (!title) return void (await context.sendActivity(MessageFactory.text('Add what? Try **add** *your topic*.')));
    const pair = (await this.pairsHere(context, userId))
      .filter((p) => p.nextSession)
      .sort((a, b) => a.nextSession!.start.localeCompare(b.nextSession!.start))[0];
    if (!pair) return void (await context.sendActivity(MessageFactory.text('You have no 1:1 coming up to add it to.')));
    try {
      await this.deps.useCases.topics.add(userId, pair.id, pair.nextSession!.id, { id: clientId(context), title });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return void (await context.sendActivity(
        MessageFactory.text(`I could not add it: ${escapeText(error.message)}.`),
      ));
    }
    await context.sendActivity(
      MessageFactory.text(`Added "${escapeText(title)}" to your 1:1 with ${escapeText(pair.other.displayName)}.`),
    );
  }

  private async actions(context: TurnContext, userId: string): Promise<void> {
    const lines: string[] = [];
    for (const pair of await this.pairsHere(context, userId)) {
      const overview = await this.deps.useCases.pairs.overview(userId, pair.id);
      for (const item of overview.actionItems) {
        if (item.status === 'open' && item.ownerId === userId) {
          lines.push(`- ${escapeText(item.text)} (due ${item.due}, with ${escapeText(overview.other.displayName)})`);
        }
      }
    }
    await context.sendActivity(
      MessageFactory.text(
        lines.length ? ['Your open action items:', ...lines].join('\r') : 'You have no open action items.',
      ),
    );
  }

  private async meetingState(context: TurnContext, state: 'started' | 'ended'): Promise<void> {
    const userId = this.userOf(context);
    const chatId = context.activity.conversation.id;
    if (!userId) return this.deps.logger.warn({ chatId }, `meeting ${state}: the sender is not a known user`);
    const pair = await this.pairByChat(userId, chatId);
    if (!pair) return this.deps.logger.info({ chatId }, `meeting ${state}: no 1:1 uses this meeting`);
    const now = this.deps.clock.now().getTime();
    const slots = await this.deps.useCases.schedule.list(
      userId,
      pair.id,
      new Date(now - 12 * HOUR),
      new Date(now + HOUR),
    );
    const current = slots
      .filter((s) => Date.parse(s.start) <= now + HOUR && s.status !== 'cancelled' && s.status !== 'skipped')
      .pop();
    if (!current) return this.deps.logger.info({ pairId: pair.id }, `meeting ${state}: no session around now`);
    await this.deps.useCases.sessions.setState(userId, pair.id, current.id, state);
    if (state === 'ended') {
      const managerId = pair.role === 'manager' ? userId : pair.other.id;
      const reportId = pair.role === 'report' ? userId : pair.other.id;
      await this.deps.recaps.meetingEnded({ id: pair.id, managerId, reportId }, current.id);
    }
  }

  private async pairsHere(context: TurnContext, userId: string): Promise<PairSummary[]> {
    if (isPersonal(context)) return (await this.deps.useCases.pairs.me(userId)).pairs;
    const pair = await this.pairByChat(userId, context.activity.conversation.id);
    return pair ? [pair] : [];
  }

  private async pairByChat(userId: string, chatId: string): Promise<PairSummary | undefined> {
    try {
      return await this.deps.useCases.pairs.byChat(userId, chatId);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private userOf(context: TurnContext): string | undefined {
    return this.deps.identities.tandemUserOf(context.activity.from);
  }

  /** Personal chats are stored by Tandem user, group and meeting chats by their chat id. */
  private async capture(context: TurnContext): Promise<void> {
    const ref = TurnContext.getConversationReference(context.activity);
    if (isPersonal(context)) {
      const userId = this.userOf(context);
      if (userId) await this.deps.refs.saveUser(userId, ref);
    } else {
      await this.deps.refs.saveChat(context.activity.conversation.id, ref);
    }
  }

  private async forget(context: TurnContext): Promise<void> {
    if (!isPersonal(context)) return this.deps.refs.forgetChat(context.activity.conversation.id, context.activity.from);
    const userId = this.userOf(context);
    if (userId) await this.deps.refs.forgetUser(userId);
  }
}

const CAPTURED_FROM = new Set(['installationUpdate', 'conversationUpdate', 'message', 'invoke']);

const UNKNOWN_USER =
  "I don't know you in Tandem yet. Ask your admin to add you (embedded mode: TANDEM_BOT_IDENTITIES maps Teams ids to demo users).";

function isPersonal(context: TurnContext): boolean {
  const type = context.activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}

/** A client id for what one incoming activity creates: a redelivered activity makes no duplicate. */
function clientId(context: TurnContext): string {
  return `bot-${(context.activity.id ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(-40) || Date.now().toString(36)}`;
}

function messageCard(message: string): AdaptiveCardJson {
  return card([text(escapeText(message))]);
}
