import type { ActionItem, PairDocument, SessionDocument, Topic } from './documents';
import { milestoneNews } from './follow-through';
import type { Slot } from './timeline';
import { timeSpent, type TimeSpent } from './meeting-flow';

/**
 * What the recap says: generated from the session, never typed, and never holding a private note (it is
 * built only from shared documents, which have none).
 */
export interface Recap {
  readonly sessionId: string;
  readonly heldOn: string;
  readonly discussed: Array<{ readonly id: string; readonly title: string }>;
  readonly carriedForward: Array<{ readonly id: string; readonly title: string }>;
  readonly sharedNotes: string[];
  readonly actionItems: Array<Pick<ActionItem, 'id' | 'text' | 'ownerId' | 'due' | 'status'>>;
  readonly nextSessionStart?: string;
  /** What went well since last time, as noted in the meeting. */
  readonly wins: string[];
  /** How the time was spent: per topic and the report's share (from "now discussing"). */
  readonly time: TimeSpent;
  /** Goals whose milestones moved since the previous meeting, up to this one's end: what moved. */
  readonly goalsMoved?: Array<{
    readonly id: string;
    readonly title: string;
    readonly milestones: Array<{ readonly title: string; readonly done: boolean }>;
  }>;
}

const NOTE_SUMMARY_LENGTH = 280;

export function buildRecap(
  pair: PairDocument,
  slot: Slot,
  session: SessionDocument | undefined,
  topics: readonly Topic[],
  next: Slot | undefined,
  /** When the previous meeting that took place started (absent before the first): what moved after it. */
  since?: string,
): Recap {
  const goalsMoved = pair.goals
    .filter((g) => g.status !== 'proposed')
    .map((g) => ({
      id: g.id,
      title: g.title,
      milestones: milestoneNews(g, slot.occurrence.end, since)
        .filter((m) => m.moved)
        .map((m) => ({ title: m.title, done: m.done })),
    }))
    .filter((g) => g.milestones.length > 0);
  return {
    sessionId: slot.id,
    heldOn: slot.occurrence.start,
    discussed: topics.filter((t) => t.discussedIn === slot.id).map((t) => ({ id: t.id, title: t.title })),
    carriedForward: topics.filter((t) => t.discussedIn !== slot.id).map((t) => ({ id: t.id, title: t.title })),
    sharedNotes: (session?.sharedNotes ?? []).map((n) =>
      n.text.length > NOTE_SUMMARY_LENGTH ? `${n.text.slice(0, NOTE_SUMMARY_LENGTH - 1)}…` : n.text,
    ),
    actionItems: pair.actionItems
      .filter((a) => a.sourceSessionId === slot.id)
      .map(({ id, text, ownerId, due, status }) => ({ id, text, ownerId, due, status })),
    ...(next && { nextSessionStart: next.occurrence.start }),
    wins: (session?.wins ?? []).map((w) => w.text),
    time: timeSpent(pair, session, topics),
    ...(goalsMoved.length > 0 && { goalsMoved }),
  };
}
