import type {
  ActionItem,
  CheckIn,
  DeepDive,
  Feedback,
  Goal,
  Note,
  PairDocument,
  Role,
  SessionDocument,
  Topic,
  UserId,
} from './documents';
import { roleOf } from './documents';
import { ownValue } from './own-keys';
import { isShared, visibleTo } from './private-topics';
import { SECTION_TITLES } from './sections';
import {
  isCustomSectionId,
  sectionsOf,
  templateForSession,
  type TemplatePrompt,
  type TemplateSectionId,
} from './templates';
import { shellEn as en } from '../i18n/catalogs/en';
import { isConcluded, effectiveSessionOf, type SessionStatus, type Slot } from './timeline';
import { buildRecap, type Recap } from './recap';
import type { NowDiscussing, Win } from './meeting-flow';

export interface PersonRef {
  readonly id: UserId;
  readonly displayName: string;
}

export interface TopicView {
  readonly id: string;
  readonly title: string;
  readonly detail?: string;
  readonly authorId: UserId;
  readonly authorRole: Role;
  readonly section: Topic['section'];
  readonly createdAt: string;
  readonly rev: number;
  readonly discussed: boolean;
  readonly discussedAt?: string;
  /** Raised for an earlier session and carried over: that session's id. */
  readonly carriedFrom?: string;
  /** When that earlier session took place (moved or held early: not its original slot), when known. */
  readonly carriedFromAt?: string;
  /** Not discussed in this (concluded) session: it moved on to the next one. */
  readonly carriedForward?: boolean;
  /** Seconds it was "now discussing" in this session, recorded when people moved on from it. */
  readonly secondsDiscussed?: number;
  /** A private talking point: only the viewer, its author, sees it. */
  readonly private?: true;
  /** The goal it is about, named; `closed` once the goal was achieved or dropped. */
  readonly goal?: LinkedGoal;
}

/** A goal a topic or an action item is linked to, as the agenda names it. */
export interface LinkedGoal {
  readonly id: string;
  readonly title: string;
  readonly closed: boolean;
}

/** An action item as the agenda shows it: with the goal it works towards named, like a topic's. */
export type ActionItemView = ActionItem & { readonly goal?: LinkedGoal };

export interface SectionView {
  readonly id: TemplateSectionId;
  /** In English; `customTitle` (the manager's words) or `titleKey` (a built-in template's) say it better. */
  readonly title: string;
  readonly customTitle?: string;
  readonly titleKey?: string;
  /** Questions the template asks under this section's heading. */
  readonly prompts?: readonly TemplatePrompt[];
  readonly topics: TopicView[];
}

export interface AgendaView {
  readonly pairId: string;
  readonly sessionId: string;
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  readonly status: SessionStatus;
  readonly viewer: { readonly id: UserId; readonly role: Role };
  readonly manager: PersonRef;
  readonly report: PersonRef;
  readonly sections: SectionView[];
  readonly checkIns: Array<CheckIn & { userId: UserId }>;
  /** Open commitments from earlier sessions and those closed since, for the progress section. */
  readonly progress: {
    readonly actionItems: ActionItemView[];
    /** Active goals, and those closed since the previous meeting (their last moves are news too). */
    readonly goals: Goal[];
    /** When the previous meeting that took place started: what moved after it is news in this one. */
    readonly since?: string;
  };
  /** Commitments made in this session. */
  readonly nextSteps: ActionItemView[];
  readonly deepDive?: DeepDive & { readonly minutesPlanned: number };
  readonly deepDiveMinutes: number;
  readonly sharedNotes: Note[];
  /** Only the viewer's own, never anyone else's. */
  readonly privateNotes: Note[];
  readonly feedback: Feedback[];
  /** Only the viewer's own rating: in a two-person meeting anything else identifies the rater. */
  readonly myRating?: number;
  readonly nothingFromMe: boolean;
  readonly recap?: Recap;
  /** The topic both people are on now, and since when (the service's clock). */
  readonly nowDiscussing?: NowDiscussing;
  /** What went well since last time. */
  readonly wins: Win[];
}

export interface AgendaInput {
  readonly pair: PairDocument;
  readonly slot: Slot;
  /** Slots from the earliest open topic's session up to and including this one, by original start. */
  readonly slots: readonly Slot[];
  readonly session: SessionDocument | undefined;
  readonly privateNotes: Note[];
  readonly viewerId: UserId;
  readonly manager: PersonRef;
  readonly report: PersonRef;
  /** The session after this one, for the recap. */
  readonly nextSession?: Slot;
  /** Leave out even the viewer's own private topics: for what the bot posts. */
  readonly sharedOnly?: boolean;
}

/** Report's topics first; an explicit order from a reorder wins. */
export function compareTopics(pair: PairDocument): (a: Topic, b: Topic) => number {
  return (a, b) =>
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    Number(a.authorId !== pair.reportId) - Number(b.authorId !== pair.reportId) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id);
}

/** Topics on a session's agenda: its own, those carried into it, and (once over) what moved on. */
export function topicsOfSession(pair: PairDocument, slot: Slot, slots: readonly Slot[]): Topic[] {
  const concluded = isConcluded(slot.status);
  return pair.topics.filter((t) => {
    if (t.discussedIn === slot.id) return true;
    if (!t.sessionId) return false;
    if (!concluded) return !t.discussedIn && effectiveSessionOf(t, slots) === slot.id;
    // History of a concluded session: what was raised for it, or carried through it while it was held,
    // whether or not a later session discussed it. A later check-off does not rewrite this history.
    if (t.sessionId === slot.id) return true;
    return slot.status === 'held' && t.sessionId < slot.id && (!t.discussedIn || t.discussedIn > slot.id);
  });
}

export function toTopicView(pair: PairDocument, t: Topic, slot: Slot, slots: readonly Slot[] = []): TopicView {
  const concluded = isConcluded(slot.status);
  const carriedFrom = t.sessionId !== undefined && t.sessionId !== slot.id ? t.sessionId : undefined;
  const origin = carriedFrom && slots.find((s) => s.id === carriedFrom);
  return {
    id: t.id,
    title: t.title,
    ...(t.detail !== undefined && { detail: t.detail }),
    authorId: t.authorId,
    authorRole: roleOf(pair, t.authorId) ?? 'report',
    section: t.section,
    createdAt: t.createdAt,
    rev: t.rev,
    // Relative to the session viewed: a topic carried on and discussed later was not discussed here.
    discussed: t.discussedIn === slot.id,
    ...(t.discussedIn === slot.id && t.discussedAt !== undefined && { discussedAt: t.discussedAt }),
    ...(carriedFrom && { carriedFrom }),
    ...(origin && { carriedFromAt: origin.at }),
    ...(concluded && t.discussedIn !== slot.id && { carriedForward: true }),
    ...(t.private && { private: true }),
    ...goalOf(pair, t.goalId),
  };
}

/** The linked goal as a topic shows it; a goal no longer in the pair (moved with the report) is not named. */
function goalOf(pair: PairDocument, goalId: string | undefined): { goal?: LinkedGoal } {
  const goal = goalId === undefined ? undefined : pair.goals.find((g) => g.id === goalId);
  if (!goal) return {};
  return { goal: { id: goal.id, title: goal.title, closed: goal.status === 'achieved' || goal.status === 'dropped' } };
}

/**
 * A topic as the agenda shows it the moment it is added, before anyone discusses it: what a client draws
 * optimistically while the service stores it (the re-read then brings the stored one).
 */
export function newTopicView(input: {
  readonly id: string;
  readonly title: string;
  readonly section: Topic['section'];
  readonly author: { readonly id: UserId; readonly role: Role };
  readonly createdAt: string;
  readonly private?: boolean;
}): TopicView {
  return {
    id: input.id,
    title: input.title,
    authorId: input.author.id,
    authorRole: input.author.role,
    section: input.section,
    createdAt: input.createdAt,
    rev: 1,
    discussed: false,
    ...(input.private && { private: true }),
  };
}

export function buildAgenda(input: AgendaInput): AgendaView {
  const { pair, slot, session, viewerId } = input;
  const all = topicsOfSession(pair, slot, input.slots).sort(compareTopics(pair));
  const topics = all.filter(input.sharedOnly ? isShared : visibleTo(viewerId));
  const seconds = session?.topicSeconds ?? {};
  // This session's own version of the template: a later change does not rewrite it (core/model/templates.ts).
  const template = templateForSession(pair, slot.id);
  const shown = sectionsOf(template).filter((s) => !s.hidden);
  const has = (id: string) => shown.some((s) => s.id === id);
  // The deep dive's topic shows in the Deep dive section for this session only: nothing is rewritten.
  const deepDiveId = session?.deepDive?.topicId;
  // A topic whose section this version hides or lacks shows under Topics rather than nowhere.
  const sectionOf = (t: Topic) =>
    t.id === deepDiveId && has('deep-dive') ? 'deep-dive' : has(t.section) ? t.section : 'topics';
  const sections: SectionView[] = shown.map((s) => ({
    id: s.id,
    title: s.title ?? (s.titleKey && textOf(s.titleKey)) ?? (isCustomSectionId(s.id) ? s.id : SECTION_TITLES[s.id]),
    ...(s.title !== undefined && { customTitle: s.title }),
    ...(s.titleKey !== undefined && { titleKey: s.titleKey }),
    ...(s.prompts && s.prompts.length > 0 && { prompts: s.prompts }),
    topics: topics
      .filter((t) => sectionOf(t) === s.id)
      .map((t) => ({
        ...toTopicView(pair, t, slot, input.slots),
        section: sectionOf(t),
        ...(Object.hasOwn(seconds, t.id) && { secondsDiscussed: seconds[t.id]! }),
      })),
  }));
  const role = roleOf(pair, viewerId);
  if (!role) throw new Error('buildAgenda for a non-member');
  const rating = ownValue(session?.ratings, viewerId);
  const held = slot.status === 'held';
  const progress = progressOf(pair, slot, input.slots);
  return {
    pairId: pair.id,
    sessionId: slot.id,
    originalStart: slot.occurrence.originalStart,
    start: slot.occurrence.start,
    end: slot.occurrence.end,
    status: slot.status,
    viewer: { id: viewerId, role },
    manager: input.manager,
    report: input.report,
    sections,
    checkIns: Object.entries(session?.checkIns ?? {}).map(([userId, c]) => ({ userId, ...c })),
    progress,
    nextSteps: pair.actionItems.filter((a) => a.sourceSessionId === slot.id).map((a) => withGoal(pair, a)),
    ...(session?.deepDive && { deepDive: { ...session.deepDive, minutesPlanned: session.deepDive.minutes } }),
    deepDiveMinutes: template.deepDiveMinutes,
    sharedNotes: session?.sharedNotes ?? [],
    privateNotes: input.privateNotes,
    feedback: session?.feedback ?? [],
    ...(rating && { myRating: rating.score }),
    nothingFromMe: session?.nothingFrom.includes(viewerId) ?? false,
    // The recap is what both people (and the bot's card) share: no one's private topics.
    ...(held && { recap: buildRecap(pair, slot, session, all.filter(isShared), input.nextSession, progress.since) }),
    ...(session?.nowDiscussing && !held && { nowDiscussing: session.nowDiscussing }),
    wins: session?.wins ?? [],
  };
}

function withGoal(pair: PairDocument, item: ActionItem): ActionItemView {
  return { ...item, ...goalOf(pair, item.goalId) };
}

/** A built-in template's words in English (each client shows them in its reader's language). */
function textOf(key: string): string | undefined {
  return Object.hasOwn(en, key) ? en[key as keyof typeof en] : undefined;
}

/**
 * Commitments from earlier sessions that are still open, and those closed since the previous session, so
 * people see what came of them; active goals with their milestones, proposals still waiting for the report (so one
 * made in the meeting can be accepted there), and the goals achieved or dropped since the previous meeting (what
 * moved in them last is news, not something to hide).
 */
export function progressOf(
  pair: PairDocument,
  slot: Slot,
  slots: readonly Slot[],
): { actionItems: ActionItemView[]; goals: Goal[]; since?: string } {
  const index = slots.findIndex((s) => s.id === slot.id);
  // The previous meeting that took place: nobody saw what closed before a skipped or cancelled one.
  const previous = slots
    .slice(0, Math.max(index, 0))
    .reverse()
    .find((s) => s.status !== 'skipped' && s.status !== 'cancelled');
  const since = previous ? previous.occurrence.start : '';
  const actionItems = pair.actionItems.filter(
    (a) =>
      a.sourceSessionId < slot.id &&
      (a.status === 'open' || (a.closedAt !== undefined && a.closedAt >= since && a.closedAt <= slot.occurrence.end)),
  );
  const closedSince = (g: Goal) =>
    previous !== undefined &&
    (g.status === 'achieved' || g.status === 'dropped') &&
    (g.history ?? []).some((c) => c.kind === g.status && c.at > since && c.at <= slot.occurrence.end);
  return {
    actionItems: actionItems.map((a) => withGoal(pair, a)),
    goals: pair.goals.filter((g) => g.status === 'active' || g.status === 'proposed' || closedSince(g)),
    ...(previous && { since }),
  };
}
