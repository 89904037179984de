import { ValidationError } from '../errors';
import type { Topic, UserId } from './documents';

/**
 * A private talking point is a reminder its author keeps for themselves: only they see it. Everything that
 * reaches the other person, a shared card, the recap, the invite or meeting health reads topics through
 * these, so the rule lives in one place.
 */
export function visibleTo(viewer: UserId | undefined): (t: Topic) => boolean {
  return (t) => t.private !== true || t.authorId === viewer;
}

/** What both people share: no one's private topics. */
export function isShared(t: Topic): boolean {
  return t.private !== true;
}

/**
 * What is shared with the other person (a shared note, an action item, the deep dive, "now discussing") may
 * point only at a shared topic. Someone else's private topic is no different from one that does not exist.
 */
export function assertSharedTopic(topics: readonly Topic[], topicId: string, actor: UserId, notFound: string): void {
  const topic = topics.find((t) => t.id === topicId && visibleTo(actor)(t));
  if (!topic) throw new ValidationError(notFound, 'topicId');
  if (!isShared(topic))
    throw new ValidationError('is a private topic: only you see it, so nothing shared can point at it', 'topicId');
}
