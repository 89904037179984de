import type { ConversationReference } from 'botbuilder';
import type { DocumentStore } from '../core/ports/document-store';
import { encodeChatId } from '../core/model/ids';

/** Where the bot can write proactively: captured on install, members added and every message. */
export class ConversationReferences {
  constructor(private readonly store: DocumentStore) {}

  forUser(userId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(userKey(userId));
  }

  forChat(chatId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(chatKey(chatId));
  }

  async saveUser(userId: string, ref: Partial<ConversationReference>): Promise<void> {
    await this.save(userKey(userId), ref);
  }

  async saveChat(chatId: string, ref: Partial<ConversationReference>): Promise<void> {
    await this.save(chatKey(chatId), ref);
  }

  /** The app was removed there: stop writing to it. */
  async forgetChat(chatId: string): Promise<void> {
    await this.store.delete(chatKey(chatId));
  }

  async forgetUser(userId: string): Promise<void> {
    await this.store.delete(userKey(userId));
  }

  private async read(key: string): Promise<Partial<ConversationReference> | undefined> {
    return (await this.store.get<Partial<ConversationReference>>(key))?.body;
  }

  /** Written only when it changed: every incoming message refreshes it, most change nothing. */
  private async save(key: string, ref: Partial<ConversationReference>): Promise<void> {
    const current = await this.store.get<Partial<ConversationReference>>(key);
    const next = JSON.parse(JSON.stringify(ref)) as Partial<ConversationReference>;
    if (current && JSON.stringify(current.body) === JSON.stringify(next)) return;
    await this.store.put(key, next);
  }
}

const userKey = (userId: string) => `bot/refs/users/${encodeChatId(userId)}`;
const chatKey = (chatId: string) => `bot/refs/chats/${encodeChatId(chatId)}`;
