import type { Occurrence } from '../ports/calendar';
import type { SessionDocument, Topic } from './documents';
import { sessionIdFromStart } from './ids';

export type SessionStatus = 'upcoming' | 'in-progress' | 'held' | 'skipped' | 'cancelled';

/** An occurrence with its Tandem session state, derived, never stored. */
export interface Slot {
  readonly id: string;
  readonly occurrence: Occurrence;
  readonly status: SessionStatus;
  /**
   * When the meeting took place (or will): its explicit start when it was started — a meeting held ahead of
   * its slot is dated by when it happened — else the occurrence's (possibly moved) start.
   */
  readonly at: string;
}

const HOUR = 3_600_000;
/** An ended meeting can be reopened by its people until this long after its slot's scheduled end. */
export const REOPEN_HOURS = 24;

/** Until when an ended session may be reopened, and a reopened one stays open. */
export function reopenDeadline(occurrence: Occurrence): number {
  return Date.parse(occurrence.end) + REOPEN_HOURS * HOUR;
}

/**
 * A past occurrence that was not skipped or cancelled counts as held: that is what the calendar says
 * happened, and it is what a person would assume. An explicit end (the meeting ended early) counts too.
 */
export function sessionStatus(occurrence: Occurrence, doc: SessionDocument | undefined, now: Date): SessionStatus {
  if (occurrence.status === 'cancelled') return doc?.skipped ? 'skipped' : 'cancelled';
  if (doc?.endedAt) return 'held';
  const t = now.getTime();
  if (doc?.reopenedAt && t < reopenDeadline(occurrence)) return 'in-progress';
  if (t >= Date.parse(occurrence.end)) return 'held';
  if (doc?.startedAt || t >= Date.parse(occurrence.start)) return 'in-progress';
  return 'upcoming';
}

export function isConcluded(status: SessionStatus): boolean {
  return status === 'held' || status === 'skipped' || status === 'cancelled';
}

export function toSlot(occurrence: Occurrence, doc: SessionDocument | undefined, now: Date): Slot {
  const status = sessionStatus(occurrence, doc, now);
  const started = doc?.startedAt && (status === 'held' || status === 'in-progress') ? doc.startedAt : undefined;
  return {
    id: sessionIdFromStart(occurrence.originalStart),
    occurrence,
    status,
    at: started && started < occurrence.start ? started : occurrence.start,
  };
}

/**
 * Where an open topic shows up: the session it was raised for, or — once that session is over, skipped or
 * cancelled — the next session that is not. `undefined` when that session lies beyond the known slots.
 * A discussed topic stays where it was discussed; a backlog topic is in no session.
 */
export function effectiveSessionOf(topic: Topic, slots: readonly Slot[]): string | undefined {
  if (topic.discussedIn) return topic.discussedIn;
  if (!topic.sessionId) return undefined;
  let start = slots.findIndex((s) => s.id === topic.sessionId);
  // Its occurrence is gone from the calendar (the cadence changed after it was raised): the next one after it.
  const sessionId = topic.sessionId;
  if (start < 0 && slots.length > 0 && sessionId > slots[0]!.id) start = slots.findIndex((s) => s.id > sessionId);
  if (start < 0) return undefined;
  for (let i = start; i < slots.length; i++) {
    const slot = slots[i]!;
    if (!isConcluded(slot.status)) return slot.id;
  }
  return undefined;
}

/**
 * How far from its slot a meeting may be moved: far enough to postpone it past the next one at any cadence,
 * near enough that a window reaching this far back finds it (the Graph calendar reads this far around).
 */
export const MOVE_REACH_DAYS = 35;

/**
 * The session people mean by "the next one": in progress, else the upcoming one that starts first (a meeting
 * postponed past the next one comes after it).
 */
export function nextSlot(slots: readonly Slot[]): Slot | undefined {
  const upcoming = slots
    .filter((s) => s.status === 'upcoming')
    .reduce<Slot | undefined>(
      (first, s) => (!first || s.occurrence.start < first.occurrence.start ? s : first),
      undefined,
    );
  return slots.find((s) => s.status === 'in-progress') ?? upcoming;
}
