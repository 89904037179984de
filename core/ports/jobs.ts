import type { PlannedReminder } from '../model/reminders';

/**
 * A job is one message to one conversation (or a fan-out into such jobs), stored as a document under its
 * idempotency key: planning the same job twice finds the document already there.
 */
export type JobState = 'pending' | 'sending';
export type JobOutcome = 'sent' | 'skipped' | 'failed';

/** Idempotency key (a document-key segment), kind, due time and ids: core's PlannedReminder is one. */
export type JobSpec = Omit<PlannedReminder, 'kind'> & { readonly kind: string };

export interface JobDocument extends JobSpec {
  readonly schema: 1;
  readonly state: JobState;
  readonly attempts: number;
  /** Earliest next attempt after a failure or a 429 (backoff); absent when due at dueAt. */
  readonly notBefore?: string;
  /** Set with state 'sending': who took it and when. */
  readonly sendingSince?: string;
  readonly holder?: string;
}

/** Written once a job is finished, before its job document is removed: a replanned job sees it and stops. */
export interface JobMark {
  readonly schema: 1;
  readonly key: string;
  readonly kind: string;
  readonly outcome: JobOutcome;
  readonly at: string;
  readonly activityId?: string;
  readonly reason?: string;
}

/** What an executor decides for a due job, from the current data (not from when it was planned). */
export type JobPlan =
  | {
      readonly type: 'send';
      /** The conversation it goes to: the rate limits are per thread. */
      readonly thread: string;
      /** Sends and returns the connector's activity id. */
      readonly send: () => Promise<string | undefined>;
    }
  | { readonly type: 'skip'; readonly reason: string }
  | { readonly type: 'fan-out'; readonly jobs: readonly JobSpec[] }
  /**
   * Not now, but keep it: the meeting moved later (`until` its new due time, with the payload updated), or
   * there is nowhere to send it yet (the person has not installed the bot: checked again shortly). After
   * `keepUntil` the job is dropped, saying why.
   */
  | {
      readonly type: 'wait';
      readonly reason: string;
      readonly until?: string;
      readonly keepUntil?: string;
      readonly payload?: Readonly<Record<string, string>>;
    };

export interface JobExecutor {
  plan(job: JobDocument): Promise<JobPlan>;
}
