import type { ActionItem, UserId } from '../model/documents';

/**
 * Optional: a copy of a person's own action items in their task list (Microsoft To Do in Microsoft 365
 * mode). Tandem stays the source of truth; the copy is refreshed whenever its owner changes the item.
 */
export interface TaskMirror {
  /** Creates or updates the owner's copy; called while serving the owner, whose own list it is. */
  upsert(ownerId: UserId, pairId: string, item: ActionItem): Promise<void>;
}
