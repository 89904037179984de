import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { DomainError } from '../../core/errors';
import { agendaCard } from '../cards/agenda-card';
import { escapeText } from '../cards/card';
import { clientId, pairsHere, UNKNOWN_USER, userOf, type HandlerDeps } from './turn';

const MAX_AGENDAS = 3;

const HELP = [
  'I help you prepare your 1:1s and keep track of what comes out of them.',
  '- **agenda**: the agenda of your next 1:1',
  '- **add** *topic*: add a topic to your next 1:1',
  '- **actions**: your open action items',
  '- **help**: this message',
  'Before each 1:1 I ask you for topics; after it I post the recap; the day before an action item is due I remind its owner.',
].join('\r');

/** What people type to the bot, in personal chat or in the meeting chat (there with an @mention). */
export class Commands {
  constructor(private readonly deps: HandlerDeps) {}

  /** The bot itself was added (installed in personal chat, added to a chat): say what it does. */
  async onMembersAdded(context: TurnContext): Promise<void> {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    if (botAdded) await context.sendActivity(MessageFactory.text(HELP));
  }

  async onMessage(context: TurnContext): Promise<void> {
    const userId = userOf(this.deps, context);
    if (!userId) return void (await context.sendActivity(MessageFactory.text(UNKNOWN_USER)));
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
    const pairs = (await pairsHere(this.deps, context, userId)).filter((p) => p.nextSession);
    if (pairs.length === 0) return void (await context.sendActivity(MessageFactory.text('You have no 1:1 coming up.')));
    for (const pair of pairs.slice(0, MAX_AGENDAS)) {
      const view = await this.deps.useCases.sessions.sharedAgenda(userId, pair.id, pair.nextSession!.id);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(agendaCard(view))));
    }
  }

  /** In a meeting chat: that pair. In personal chat: the 1:1 coming up soonest (the reply names it). */
  private async addTopic(context: TurnContext, userId: string, title: string): Promise<void> {
    if (!title) return void (await context.sendActivity(MessageFactory.text('Add what? Try **add** *your topic*.')));
    const pair = (await pairsHere(this.deps, context, userId))
      .filter((p) => p.nextSession)
      .sort((a, b) => a.nextSession!.start.localeCompare(b.nextSession!.start))[0];
    if (!pair) return void (await context.sendActivity(MessageFactory.text('You have no 1:1 coming up to add it to.')));
    try {
      await this.deps.useCases.topics.add(userId, pair.id, pair.nextSession!.id, {
        id: clientId(this.deps, context),
        title,
      });
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
    for (const pair of await pairsHere(this.deps, context, userId)) {
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
}
