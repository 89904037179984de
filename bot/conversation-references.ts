import type { ConversationReference } from 'botbuilder';
import type { DocumentStore } from '../core/ports/document-store';
import { encodeChatId } from '../core/model/ids';
import type { ChatMembership } from './chat-membership';

/**
 * Where the bot can write proactively: captured on install, members added and every message. A meeting
 * chat's reference is kept only when its sender is the manager or the report of that chat's 1:1, so a
 * stranger cannot point a pair's recap at a conversation of their choosing; with an allow-list (embedded
 * mode), a reference to any other connector is neither kept nor used.
 */
export class ConversationReferences {
  constructor(
    private readonly store: DocumentStore,
    private readonly guard: {
      readonly membership?: ChatMembership;
      readonly serviceUrlAllowed?: (serviceUrl: string) => boolean;
    } = {},
  ) {}

  forUser(userId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(userKey(userId));
  }

  forChat(chatId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.read(chatKey(chatId));
  }

  async saveUser(userId: string, ref: Partial<ConversationReference>): Promise<void> {
    await this.save(userKey(userId), ref);
  }

  /** Kept only from a member of the chat's 1:1 (the reference's `user` is the activity's sender). */
  async saveChat(chatId: string, ref: Partial<ConversationReference>): Promise<void> {
    if (!(await this.fromMember(ref.user, chatId))) return;
    await this.save(chatKey(chatId), ref);
  }

  /** The app was removed there: stop writing to it. Only a member of the chat's 1:1 can say so, as for saving. */
  async forgetChat(chatId: string, from: { readonly id: string; readonly aadObjectId?: string }): Promise<void> {
    if (!(await this.fromMember(from, chatId))) return;
    await this.store.delete(chatKey(chatId));
  }

  async forgetUser(userId: string): Promise<void> {
    await this.store.delete(userKey(userId));
  }

  private async fromMember(
    account: { readonly id: string; readonly aadObjectId?: string } | undefined,
    chatId: string,
  ): Promise<boolean> {
    const { membership } = this.guard;
    return !membership || (account !== undefined && (await membership.isMember(account, chatId)));
  }

  private async read(key: string): Promise<Partial<ConversationReference> | undefined> {
    const ref = (await this.store.get<Partial<ConversationReference>>(key))?.body;
    return ref && this.allowed(ref) ? ref : undefined;
  }

  private allowed(ref: Partial<ConversationReference>): boolean {
    const { serviceUrlAllowed } = this.guard;
    return !serviceUrlAllowed || (ref.serviceUrl !== undefined && serviceUrlAllowed(ref.serviceUrl));
  }

  /** Written only when it changed: every incoming message refreshes it, most change nothing. */
  private async save(key: string, ref: Partial<ConversationReference>): Promise<void> {
    if (!this.allowed(ref)) return;
    const current = await this.store.get<Partial<ConversationReference>>(key);
    const next = JSON.parse(JSON.stringify(ref)) as Partial<ConversationReference>;
    if (current && JSON.stringify(current.body) === JSON.stringify(next)) return;
    await this.store.put(key, next);
  }
}

const userKey = (userId: string) => `bot/refs/users/${encodeChatId(userId)}`;
const chatKey = (chatId: string) => `bot/refs/chats/${encodeChatId(chatId)}`;
