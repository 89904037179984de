import type { Cadence } from '../model/cadence';
import type { TopicSectionId } from '../model/sections';

/**
 * The request bodies of the HTTP API as clients send them. Where a use-case takes the body as it is, its
 * input type is the body; the others are written here. The edge's zod schemas are checked against these
 * types by the compiler, and the UI client sends them.
 */
export type { AddTopicInput as AddTopicBody, EditTopicInput as EditTopicBody } from '../use-cases/topics';
export type {
  AddActionItemInput as AddActionItemBody,
  EditActionItemInput as EditActionItemBody,
  AddGoalInput as AddGoalBody,
  EditGoalInput as EditGoalBody,
  AddGoalCommentInput as AddGoalCommentBody,
} from '../use-cases/commitments';

export interface CreatePairBody {
  readonly id?: string;
  readonly reportId: string;
  readonly cadence: Omit<Cadence, 'durationMinutes'> & { readonly durationMinutes?: number };
  /** Make it although a 1:1 with this report exists (otherwise 409 `duplicate-pair`). */
  readonly allowDuplicate?: boolean;
}

/** An existing Outlook event with a Teams meeting, made a 1:1 (the Outlook add-in). */
export interface LinkPairBody extends CreatePairBody {
  readonly chatId: string;
  readonly joinUrl?: string;
  readonly seriesId?: string;
  /** The invite's attendees' addresses, as the add-in reads them: the report must be one of them. */
  readonly attendees?: readonly string[];
}

/** A new rhythm from the next meeting on; `startDate` is its first meeting's date. */
export interface ChangeCadenceBody {
  readonly cadence: Omit<Cadence, 'durationMinutes'> & { readonly durationMinutes?: number };
}

export interface ReorderBody {
  readonly section: TopicSectionId;
  readonly topicIds: readonly string[];
}

export interface AddNoteBody {
  readonly id?: string;
  readonly text: string;
  /** Seen by its author only; shared when absent. */
  readonly private?: boolean;
  /** The topic it is taken on; absent for a general note. */
  readonly topicId?: string;
}

export interface EditNoteBody {
  readonly text: string;
  readonly rev: number;
  readonly private?: boolean;
}

export interface CheckInBody {
  readonly mood: number;
  readonly line?: string;
}

export interface FeedbackBody {
  readonly id?: string;
  readonly text: string;
}

export interface RatingBody {
  readonly score: number;
}

export interface DeepDiveBody {
  readonly topicId: string;
  readonly minutes?: number;
}

export interface MoveBody {
  /** The new start, ISO 8601 with an offset. */
  readonly start: string;
}

/** The report picks which open goals of an archived 1:1 go on in their new one. */
/** `POST /api/pairs/{pairId}/series`: a series in the caller's own calendar for the 1:1 to follow. */
export interface LinkSeriesBody {
  readonly seriesId: string;
}

export interface CarryOverBody {
  readonly fromPairId: string;
  readonly goalIds: readonly string[];
}

/** The report lets their new manager read the shared record of their earlier 1:1 (true), or stops (false). */
export interface HistorySharingBody {
  readonly shared: boolean;
}

/** Embedded mode's stand-in for a directory change: a new manager (null: none), or the person left. */
export interface DemoPersonBody {
  readonly managerId?: string | null;
  readonly left?: boolean;
}

/** Mark the topic being discussed now, or none (`null`) when the pair moves off the agenda. */
export interface NowDiscussingBody {
  readonly topicId: string | null;
}

/** Change the running deep dive's timebox (`minutes`), or stop its timer (`stop: true`): one of the two. */
export interface DeepDiveChangeBody {
  readonly minutes?: number;
  readonly stop?: true;
}

export interface WinBody {
  readonly id?: string;
  readonly text: string;
}

/** PATCH /api/me/attention: the settings to change, at least one. */
export type AttentionBody = Partial<import('../model/attention').AttentionSettings>;
