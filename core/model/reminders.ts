import type { Occurrence } from '../ports/calendar';
import { attentionOf, type AttentionSettings } from './attention';
import type { PairDocument, UserId } from './documents';
import { sessionIdFromStart } from './ids';
import { zoneOffset } from './zoned-time';

/**
 * What the bot sends and when, planned from a pair and its occurrences: pure, so planning 100,000 pairs is
 * arithmetic. Each job carries ids only; its content is read when it is sent, through the use-cases, as the
 * person it goes to.
 */
export type ReminderKind = 'prompt' | 'recap' | 'nudge';

export interface PlannedReminder {
  /** Idempotency key: the same reminder planned twice has the same key. */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly dueAt: string;
  readonly payload: Readonly<Record<string, string>>;
}

export interface PlanWindow {
  readonly now: number;
  /** How far ahead to plan. */
  readonly horizonMs: number;
  /** How far back a missed recap or nudge is still worth sending (the service was down). */
  readonly lookbackMs: number;
  /** A recap goes this long after the scheduled end when Teams never said the meeting ended. */
  readonly recapGraceMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Nudges go at this local hour on the day before the due date. */
const NUDGE_HOUR = 9;
const NUDGE_LATEST_MS = 12 * HOUR;

export const reminderKeys = {
  prompt: (pairId: string, sessionId: string, userId: string) => `prompt.${pairId}.${sessionId}.${userId}`,
  recap: (pairId: string, sessionId: string) => `recap.${pairId}.${sessionId}`,
  nudge: (pairId: string, itemId: string, due: string) => `nudge.${pairId}.${itemId}.${due}`,
};

export function planPairReminders(
  pair: PairDocument,
  occurrences: readonly Occurrence[],
  w: PlanWindow,
  /** Each person's choice of prompts and nudges; the defaults for anyone not given. */
  attention: (userId: UserId) => AttentionSettings | undefined = () => undefined,
): PlannedReminder[] {
  const settingsOf = (userId: UserId) => attentionOf(attention(userId));
  const planned: PlannedReminder[] = [];
  const until = w.now + w.horizonMs;
  const since = w.now - w.lookbackMs;
  for (const o of occurrences) {
    if (o.status !== 'scheduled') continue;
    const sessionId = sessionIdFromStart(o.originalStart);
    const start = Date.parse(o.start);
    for (const userId of [pair.reportId, pair.managerId]) {
      const settings = settingsOf(userId);
      const promptAt = start - settings.promptHoursBefore * HOUR;
      if (settings.prompt && start > w.now && promptAt <= until) {
        planned.push({
          key: reminderKeys.prompt(pair.id, sessionId, userId),
          kind: 'prompt',
          dueAt: new Date(promptAt).toISOString(),
          // The start it was planned for: a meeting moved later makes the prompt wait (bot's executor).
          payload: { pairId: pair.id, sessionId, userId, start: o.start },
        });
      }
    }
    const recapAt = Date.parse(o.end) + w.recapGraceMs;
    if (recapAt >= since && recapAt <= until) planned.push(recapReminder(pair, sessionId, recapAt, o.end));
  }
  for (const item of pair.actionItems) {
    if (item.status !== 'open' || !settingsOf(item.ownerId).nudges) continue;
    const nudgeAt = nudgeTime(item.due, pair.cadence.timeZone);
    // "Due tomorrow" must still be true: a nudge missed by more than half a day is dropped.
    if (nudgeAt >= since && nudgeAt <= until && w.now < nudgeAt + NUDGE_LATEST_MS) {
      planned.push({
        key: reminderKeys.nudge(pair.id, item.id, item.due),
        kind: 'nudge',
        dueAt: new Date(nudgeAt).toISOString(),
        payload: { pairId: pair.id, itemId: item.id, userId: item.ownerId, due: item.due },
      });
    }
  }
  return planned;
}

/** The recap of one session; also planned at once when Teams says the meeting ended (same key: sent once). */
export function recapReminder(
  pair: Pick<PairDocument, 'id' | 'managerId' | 'reportId'>,
  sessionId: string,
  dueAt: number,
  /** The scheduled end it was planned for, when planned from the calendar (not on Teams' meetingEnd). */
  end?: string,
): PlannedReminder {
  return {
    key: reminderKeys.recap(pair.id, sessionId),
    kind: 'recap',
    dueAt: new Date(dueAt).toISOString(),
    payload: {
      pairId: pair.id,
      sessionId,
      managerId: pair.managerId,
      reportId: pair.reportId,
      ...(end && { end }),
    },
  };
}

/** 09:00 local time on the day before `due` (YYYY-MM-DD). The zone's offset is taken at noon UTC that day. */
export function nudgeTime(due: string, timeZone: string): number {
  const dayBefore = Date.parse(`${due}T00:00:00Z`) - DAY;
  return dayBefore + NUDGE_HOUR * HOUR - zoneOffset(dayBefore + 12 * HOUR, timeZone);
}
