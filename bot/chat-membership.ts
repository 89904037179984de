import { DomainError } from '../core/errors';
import type { UseCases } from '../core/use-cases';
import type { IdentityMap } from './identity';

/** Whether a Teams account is one of the two people of the 1:1 whose meeting chat this is. */
export interface ChatMembership {
  isMember(account: { readonly id: string; readonly aadObjectId?: string }, chatId: string): Promise<boolean>;
}

/**
 * Decided by core, as the sender: the chat index names the pair, and only its manager or report can see it.
 * An unknown account, a chat of no 1:1, or someone else's 1:1 all answer no.
 */
export class PairChatMembership implements ChatMembership {
  constructor(
    private readonly identities: IdentityMap,
    private readonly pairs: Pick<UseCases['pairs'], 'byChat'>,
  ) {}

  async isMember(account: { readonly id: string; readonly aadObjectId?: string }, chatId: string): Promise<boolean> {
    const userId = this.identities.tandemUserOf(account);
    if (!userId) return false;
    try {
      await this.pairs.byChat(userId, chatId);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}
