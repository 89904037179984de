import type { UserId } from '../model/documents';

/**
 * What changed, never the changed content: listeners re-read through the use-cases, which apply
 * authorization. A private change goes only to its author, so nobody learns a private note exists.
 */
export interface PairChange {
  readonly pairId: string;
  readonly sessionId?: string;
  readonly kind:
    | 'topics'
    | 'notes'
    | 'private-notes'
    | 'check-in'
    | 'feedback'
    | 'rating'
    | 'actions'
    | 'goals'
    | 'session'
    | 'session-ended'
    | 'schedule'
    | 'pair'
    /** Sent to the other person only: the bot tells them. */
    | 'pair-deleted'
    /** Sent to each person: the directory archived it (a manager change or a leaver). */
    | 'pair-archived'
    /** Sent to the report and the new manager: a new 1:1 is proposed after a manager change (`pairId`: the old one). */
    | 'pair-proposed'
    /** Sent to the person only: they changed what the bot interrupts them with (re-plans their reminders). */
    | 'attention';
  /** A person, or 'directory' for a reconciliation. */
  readonly by: UserId;
  readonly at: string;
  /** Absent: both members. Present: only this user. */
  readonly onlyFor?: UserId;
}

export interface ChangeFeed {
  publish(change: PairChange): void;
}
