import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { DomainError } from '../../core/errors';
import type { Translator } from '../../core/i18n/messages';
import { agendaCard, sharedAgendaCard } from '../cards/agenda-card';
import { attentionCard } from '../cards/attention-card';
import { escapeText } from '../cards/card';
import { formatDay, translatorFor } from '../i18n';
import type { AudienceOf } from './refresh';
import { clientId, isPersonal, pairsHere, translatorOf, userOf, type HandlerDeps } from './turn';

const MAX_AGENDAS = 3;
const COMMANDS = ['help', 'agenda', 'add', 'actions', 'settings'] as const;
type Command = (typeof COMMANDS)[number];
const ENGLISH = translatorFor('en');

/** The command words in the speaker's language, for the help text and the hints. */
function words(t: Translator): Record<Command, string> {
  return {
    help: t.t('bot.word.help'),
    agenda: t.t('bot.word.agenda'),
    add: t.t('bot.word.add'),
    actions: t.t('bot.word.actions'),
    settings: t.t('bot.word.settings'),
  };
}

/** A typed word is a command in the speaker's language or in English (the manifest's command list is English). */
function commandOf(word: string, t: Translator): Command | undefined {
  const typed = word.toLocaleLowerCase(t.locale);
  return COMMANDS.find(
    (c) => words(t)[c].toLocaleLowerCase(t.locale) === typed || words(ENGLISH)[c] === word.toLowerCase(),
  );
}

/** What people type to the bot, in personal chat or in the meeting chat (there with an @mention). */
export class Commands {
  constructor(
    private readonly deps: HandlerDeps,
    private readonly audienceOf: AudienceOf,
  ) {}

  /** The bot itself was added (installed in personal chat, added to a chat): say what it does. */
  async onMembersAdded(context: TurnContext): Promise<void> {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    const t = translatorOf(context);
    if (botAdded) await context.sendActivity(MessageFactory.text(t.t('bot.help', words(t))));
  }

  async onMessage(context: TurnContext): Promise<void> {
    const t = translatorOf(context);
    const userId = userOf(this.deps, context);
    if (!userId) return void (await context.sendActivity(MessageFactory.text(t.t('bot.unknownUser'))));
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
    const [word = '', ...rest] = text.split(/\s+/);
    switch (commandOf(word, t)) {
      case 'help':
        return void (await context.sendActivity(MessageFactory.text(t.t('bot.help', words(t)))));
      case 'agenda':
        return this.agenda(context, userId, t);
      case 'add':
        return this.addTopic(context, userId, text.slice(word.length).trim() || rest.join(' '), t);
      case 'actions':
        return this.actions(context, userId, t);
      case 'settings':
        return this.settings(context, userId, t);
      default:
        await context.sendActivity(
          MessageFactory.text(text ? t.t('bot.notUnderstood', words(t)) : t.t('bot.hello', words(t))),
        );
    }
  }

  /**
   * In personal chat, the asker's own agenda. In the meeting chat both people read the one message: it is
   * written from neither side, and its refresh gives each of the two their own card.
   */
  private async agenda(context: TurnContext, userId: string, t: Translator): Promise<void> {
    const pairs = (await pairsHere(this.deps, context, userId)).filter((p) => p.nextSession);
    if (pairs.length === 0) return void (await context.sendActivity(MessageFactory.text(t.t('bot.noUpcoming'))));
    for (const pair of pairs.slice(0, MAX_AGENDAS)) {
      const view = await this.deps.useCases.sessions.sharedAgenda(userId, pair.id, pair.nextSession!.id);
      const card = isPersonal(context)
        ? agendaCard(view, t)
        : await this.audienceOf.shared(sharedAgendaCard(view, t), view, context);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    }
  }

  /** In a meeting chat: that pair. In personal chat: the 1:1 coming up soonest (the reply names it). */
  private async addTopic(context: TurnContext, userId: string, title: string, t: Translator): Promise<void> {
    if (!title) return void (await context.sendActivity(MessageFactory.text(t.t('bot.addWhat', words(t)))));
    const pair = (await pairsHere(this.deps, context, userId))
      .filter((p) => p.nextSession)
      .sort((a, b) => a.nextSession!.start.localeCompare(b.nextSession!.start))[0];
    if (!pair) return void (await context.sendActivity(MessageFactory.text(t.t('bot.noUpcomingToAdd'))));
    try {
      await this.deps.useCases.topics.add(userId, pair.id, pair.nextSession!.id, {
        id: clientId(this.deps, context),
        title,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return void (await context.sendActivity(
        MessageFactory.text(t.t('bot.couldNotAdd', { reason: escapeText(error.message) })),
      ));
    }
    await context.sendActivity(
      MessageFactory.text(t.t('bot.added', { title: escapeText(title), name: escapeText(pair.other.displayName) })),
    );
  }

  /** Each person's own choice: shown in personal chat only, where nobody else reads the card. */
  private async settings(context: TurnContext, userId: string, t: Translator): Promise<void> {
    if (!isPersonal(context))
      return void (await context.sendActivity(MessageFactory.text(t.t('bot.settingsInPersonal', words(t)))));
    const card = attentionCard(await this.deps.useCases.attention.get(userId), t);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async actions(context: TurnContext, userId: string, t: Translator): Promise<void> {
    const lines: string[] = [];
    for (const pair of await pairsHere(this.deps, context, userId)) {
      const overview = await this.deps.useCases.pairs.overview(userId, pair.id);
      for (const item of overview.actionItems) {
        if (item.status === 'open' && item.ownerId === userId) {
          lines.push(
            t.t('bot.openAction', {
              text: escapeText(item.text),
              due: formatDay(t, item.due),
              name: escapeText(overview.other.displayName),
            }),
          );
        }
      }
    }
    await context.sendActivity(
      MessageFactory.text([t.t('bot.openActions', { count: lines.length }), ...lines].join('\r')),
    );
  }
}
