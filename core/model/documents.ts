import type { Cadence } from './cadence';
import type { Occurrence } from '../ports/calendar';
import type { NowDiscussing, Win } from './meeting-flow';
import type { Template, TopicSectionId } from './sections';

/**
 * The stored shapes. A pair's slowly-changing state and everything that spans sessions (topics, action
 * items, goals) live in one pair document; what belongs to one occurrence lives in its session document;
 * private notes live in the author's own store. Derived values (status, health, carry-over) are never stored.
 */
export type UserId = string;
export type Role = 'manager' | 'report';

export interface Topic {
  readonly id: string;
  title: string;
  detail?: string;
  readonly authorId: UserId;
  section: TopicSectionId;
  /** The session it was raised for; absent while in the pair's backlog. Carry-over is derived from it. */
  sessionId?: string;
  readonly createdAt: string;
  updatedAt: string;
  /** Set when checked off; the session it was discussed in. */
  discussedIn?: string;
  discussedAt?: string;
  /** Explicit position within its section, set by a reorder; unranked topics follow, report's first. */
  rank?: number;
  /** Bumped on every edit so a stale edit is refused instead of silently overwriting someone's text. */
  rev: number;
  /** A private talking point: only its author sees it (core/model/private-topics.ts). */
  readonly private?: true;
  /** The goal it is about (a goal of the same pair); kept when the goal is closed later. */
  goalId?: string;
}

export type ActionItemStatus = 'open' | 'done' | 'dropped';

export interface ActionItem {
  readonly id: string;
  text: string;
  ownerId: UserId;
  /** Calendar date, YYYY-MM-DD. */
  due: string;
  status: ActionItemStatus;
  readonly sourceSessionId: string;
  /** The topic it came out of, when added from that topic. */
  readonly topicId?: string;
  /** The goal it works towards (a goal of the same pair); kept when the goal is closed later. */
  goalId?: string;
  readonly createdBy: UserId;
  readonly createdAt: string;
  closedAt?: string;
  rev: number;
}

export const LEARNING_FORMATS = ['assignment', 'training', 'shadowing', 'cross-team', 'mentoring'] as const;
export type LearningFormat = (typeof LEARNING_FORMATS)[number];

export interface Milestone {
  readonly id: string;
  title: string;
  due?: string;
  doneAt?: string;
}

/** `proposed`: a development item the manager suggested, until the report accepts or declines it. */
export type GoalStatus = 'proposed' | 'active' | 'achieved' | 'dropped';

/** What changed in a goal, in a short history kept with it (the newest {@link GOAL_HISTORY_LENGTH}). */
export type GoalChangeKind =
  | 'created'
  | 'edited'
  | 'accepted'
  | 'achieved'
  | 'dropped'
  | 'reopened'
  | 'milestone-added'
  | 'milestone-edited'
  | 'milestone-done'
  | 'milestone-reopened'
  | 'commented';

export interface GoalChange {
  readonly at: string;
  readonly by: UserId;
  readonly kind: GoalChangeKind;
  /** The milestone's title for milestone changes. */
  readonly subject?: string;
}

export const GOAL_HISTORY_LENGTH = 20;

/** A remark on a goal: how the manager takes part in the report's development plan without overwriting it. */
export interface GoalComment {
  readonly id: string;
  readonly authorId: UserId;
  readonly text: string;
  readonly at: string;
}

export interface Goal {
  readonly id: string;
  readonly kind: 'goal' | 'development';
  title: string;
  detail?: string;
  /** The competency a development item grows, e.g. "stakeholder management". */
  competency?: string;
  learningFormat?: LearningFormat;
  status: GoalStatus;
  milestones: Milestone[];
  /** Sessions that discussed it. */
  sessionIds: string[];
  readonly createdBy: UserId;
  readonly createdAt: string;
  /** Absent on goals stored before the history was kept. */
  history?: GoalChange[];
  comments?: GoalComment[];
  rev: number;
}

export interface CalendarLink {
  readonly provider: 'local' | 'graph';
  readonly seriesId: string;
  readonly organizerId: UserId;
  readonly joinUrl?: string;
  /** The Teams meeting chat thread id shared by every occurrence: how Teams and Outlook find the pair. */
  readonly chatId?: string;
}

export interface PairDocument {
  readonly schema: 1;
  readonly id: string;
  readonly managerId: UserId;
  readonly reportId: UserId;
  readonly createdAt: string;
  readonly createdBy: UserId;
  cadence: Cadence;
  /** The template of the sessions after `templateAfter` (all sessions when absent): core/model/templates.ts. */
  template: Template;
  templateAfter?: string;
  /** The versions before, oldest first: each applies to the sessions up to `through` (a session id). */
  earlierTemplates?: Array<{ readonly through: string; readonly template: Template }>;
  calendar: CalendarLink;
  /**
   * Since when the calendar series is the record (an instant, ISO). A cadence change rewrites the series from
   * the next occurrence on; the occurrences before it are kept in `pastOccurrences`, as they were.
   */
  calendarFrom?: string;
  pastOccurrences?: Occurrence[];
  /**
   * Hours before each occurrence the bot asked both people for topics, before each person chose their own
   * (core/model/attention.ts): still written, no longer read.
   */
  promptHoursBefore: number;
  topics: Topic[];
  actionItems: ActionItem[];
  goals: Goal[];
  /** Read-only for both people while set: every write is refused (docs/pair-lifecycle.md). */
  archived?: PairArchive;
  /** Being deleted (see PairLifecycleUseCases.remove): nobody sees it; a retry finishes the deletion. */
  deleting?: { readonly at: string; readonly by: UserId };
  /** Goals the report carried over from an earlier 1:1 (its id), so a repeated carry-over copies nothing twice. */
  carriedFrom?: string[];
}

/** Why and since when a 1:1 is read-only. */
export interface PairArchive {
  readonly at: string;
  /** A person of the pair, or the directory (a manager change or a leaver found by reconciliation). */
  readonly by: UserId | 'directory';
  readonly reason: 'by-person' | 'manager-changed' | 'left';
  /** For a leaver's 1:1: the remaining person reads it until then; after that it is gone for both. */
  readonly readUntil?: string;
  /** On a manager change: the report's new manager, to whom a new 1:1 is proposed. */
  readonly newManagerId?: UserId;
  /** On a manager change: the new manager may read the shared record, because the report said so (revocable). */
  readonly sharedWith?: UserId;
}

/** A new 1:1 the directory suggests (the report moved to a new manager), shown to both until acted on. */
export interface PairProposal {
  /** The archived 1:1 it follows. */
  readonly fromPairId: string;
  readonly managerId: UserId;
  readonly reportId: UserId;
  readonly at: string;
}

export interface CheckIn {
  readonly mood: 1 | 2 | 3 | 4 | 5;
  readonly line?: string;
  readonly at: string;
}

export interface Note {
  readonly id: string;
  readonly authorId: UserId;
  /** The topic it was taken on, shown with that topic; absent for the session's general notes. */
  readonly topicId?: string;
  text: string;
  readonly createdAt: string;
  updatedAt: string;
  rev: number;
}

export interface Feedback {
  readonly id: string;
  readonly fromId: UserId;
  readonly toId: UserId;
  readonly text: string;
  readonly createdAt: string;
}

export interface Rating {
  readonly score: 1 | 2 | 3 | 4 | 5;
  readonly at: string;
  /** The pooling period it counts toward (e.g. `2026-Q2`), fixed when given; absent on older ratings: from `at`. */
  readonly period?: string;
}

/** A manager's released pooled ratings: each period written once, when first asked for after it closed. */
export interface RatingReleasesDocument {
  readonly schema: 1;
  releases: RatingRelease[];
}

export type RatingRelease =
  | {
      readonly period: string;
      readonly available: true;
      readonly average: number;
      /**
       * The manager's own ratings of their 1:1s in the same period, averaged: beside the pool only (the gap
       * managers tend to have). Absent when they rated none, and on releases made before it was kept.
       */
      readonly managerAverage?: number;
    }
  | { readonly period: string; readonly available: false; readonly minimumRaters: number };

export interface DeepDive {
  readonly topicId: string;
  readonly minutes: number;
  readonly startedAt?: string;
  /** Stopped by either person, or by the meeting's end: the timer shows no countdown after it. */
  readonly stoppedAt?: string;
}

export interface SessionDocument {
  readonly schema: 1;
  readonly pairId: string;
  readonly id: string;
  readonly originalStart: string;
  startedAt?: string;
  endedAt?: string;
  /** Reopened after it ended: open again until its reopen deadline (timeline's `reopenDeadline`). */
  reopenedAt?: string;
  /** Tandem's own skip; an occurrence cancelled elsewhere (Outlook) without this reads as cancelled. */
  skipped?: { readonly by: UserId; readonly at: string };
  checkIns: Record<UserId, CheckIn>;
  sharedNotes: Note[];
  feedback: Feedback[];
  ratings: Record<UserId, Rating>;
  deepDive?: DeepDive;
  /** People who said "nothing from me this time" (the bot stops asking them for this session). */
  nothingFrom: UserId[];
  /** The topic both people are on now (core/model/meeting-flow.ts). */
  nowDiscussing?: NowDiscussing;
  /** Seconds each topic was current, recorded when people moved on; by topic id. */
  topicSeconds?: Record<string, number>;
  /** What went well since last time. */
  wins?: Win[];
}

export interface PrivateNotesDocument {
  readonly schema: 1;
  readonly pairId: string;
  readonly sessionId: string;
  notes: Note[];
}

export interface UserIndexDocument {
  readonly schema: 1;
  pairIds: string[];
  /** New 1:1s proposed to this person (as report or new manager), until made or dismissed. */
  proposals?: PairProposal[];
  /** Others' archived 1:1s whose report let this person read the shared record (the pair document decides). */
  sharedWithMe?: string[];
}

export interface ChatIndexDocument {
  readonly schema: 1;
  readonly pairId: string;
}

export function emptySession(pairId: string, id: string, originalStart: string): SessionDocument {
  return {
    schema: 1,
    pairId,
    id,
    originalStart,
    checkIns: {},
    sharedNotes: [],
    feedback: [],
    ratings: {},
    nothingFrom: [],
  };
}

export function roleOf(pair: PairDocument, userId: UserId): Role | undefined {
  if (pair.managerId === userId) return 'manager';
  if (pair.reportId === userId) return 'report';
  return undefined;
}

export function otherMember(pair: PairDocument, userId: UserId): UserId {
  return pair.managerId === userId ? pair.reportId : pair.managerId;
}

/** Document keys, in one place so every adapter sees the same layout. */
export const keys = {
  pair: (pairId: string) => `pairs/${pairId}/pair`,
  session: (pairId: string, sessionId: string) => `pairs/${pairId}/sessions/${sessionId}`,
  sessions: (pairId: string) => `pairs/${pairId}/sessions`,
  privateNotes: (pairId: string, sessionId: string) => `pairs/${pairId}/sessions/${sessionId}`,
  privateNotesOfPair: (pairId: string) => `pairs/${pairId}/sessions`,
  userIndex: (userId: string) => `index/users/${userId}`,
  chatIndex: (chatId: string) => `index/chats/${chatId}`,
  ratingReleases: (managerId: string) => `insights/ratings/${managerId}`,
  /** Finished topics and action items of one quarter (core/model/archive.ts). */
  archive: (pairId: string, period: string) => `pairs/${pairId}/archive/${period}`,
  archives: (pairId: string) => `pairs/${pairId}/archive`,
  /** A person's choice of prompts and nudges (core/model/attention.ts). */
  attention: (userId: string) => `settings/attention/${userId}`,
};
