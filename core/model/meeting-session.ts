import { nextSlot, type Slot } from './timeline';

const HOUR = 3_600_000;
/** A meeting may start this early: Teams sends meetingStart when the first person joins. */
const EARLY_MS = HOUR;
/** A meeting that ran long, or an event that came late, still belongs to the session that began this long ago. */
const RECENT_MS = 12 * HOUR;

export interface MeetingMoment {
  /** The meeting's start as the client knows it (the tab's meeting details, the Outlook appointment). */
  readonly meetingStart?: string;
  readonly now: Date;
}

/** How the session was found: at the meeting's start, around now, or merely the next one. */
export type MeetingMatch = 'start' | 'now' | 'next';

/**
 * Which session a meeting is — the one answer the tab, the add-in and the bot share. The occurrence that
 * starts, or originally started, at the meeting's start when the client knows it; else the one under way or
 * just over (begun within the last 12 hours or starting within the hour, not skipped or cancelled), which
 * is what a meeting event means; else the next one (a panel shows it; a meeting event ignores it).
 * `slots` are in start order.
 */
export function sessionOfMeeting(
  slots: readonly Slot[],
  at: MeetingMoment,
): { readonly slot: Slot; readonly match: MeetingMatch } | undefined {
  if (at.meetingStart) {
    const start = Date.parse(at.meetingStart);
    const exact = slots.find(
      (s) => Date.parse(s.occurrence.start) === start || Date.parse(s.occurrence.originalStart) === start,
    );
    if (exact) return { slot: exact, match: 'start' };
  }
  const now = at.now.getTime();
  const current = slots
    .filter((s) => s.status !== 'skipped' && s.status !== 'cancelled')
    .filter((s) => {
      const start = Date.parse(s.occurrence.start);
      return start >= now - RECENT_MS && start <= now + EARLY_MS;
    })
    .pop();
  if (current) return { slot: current, match: 'now' };
  const next = nextSlot(slots);
  return next && { slot: next, match: 'next' };
}
