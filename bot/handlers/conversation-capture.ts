import { TurnContext } from 'botbuilder';
import type { ConversationReferences } from '../conversation-references';
import { isPersonal, userOf, type HandlerDeps } from './turn';

/** Activities that prove the bot can write to the conversation: a person installed, added or used it. */
const CAPTURED_FROM = new Set(['installationUpdate', 'conversationUpdate', 'message', 'invoke']);

/**
 * Keeps the conversation references proactive messages need: fresh from what a person does with the bot,
 * dropped when the app is removed. Meeting events are not used: they say nothing about the installation.
 */
export class ConversationCapture {
  constructor(
    private readonly deps: HandlerDeps,
    private readonly refs: ConversationReferences,
  ) {}

  async onTurn(context: TurnContext): Promise<void> {
    const { type, action } = context.activity;
    const removed = type === 'installationUpdate' && action?.startsWith('remove');
    if (CAPTURED_FROM.has(type) && !removed) await this.capture(context);
  }

  /** Personal chats are stored by Tandem user, group and meeting chats by their chat id. */
  private async capture(context: TurnContext): Promise<void> {
    const ref = TurnContext.getConversationReference(context.activity);
    if (isPersonal(context)) {
      const userId = userOf(this.deps, context);
      if (userId) await this.refs.saveUser(userId, ref);
    } else {
      await this.refs.saveChat(context.activity.conversation.id, ref);
    }
  }

  async onRemoved(context: TurnContext): Promise<void> {
    if (!isPersonal(context)) return this.refs.forgetChat(context.activity.conversation.id, context.activity.from);
    const userId = userOf(this.deps, context);
    if (userId) await this.refs.forgetUser(userId);
  }
}
