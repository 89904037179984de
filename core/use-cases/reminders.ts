import { keys, type PairDocument } from '../model/documents';
import { planPairReminders, type PlanWindow, type PlannedReminder } from '../model/reminders';
import type { AttentionUseCases } from './attention';
import type { TandemDeps } from './deps';
import { occurrencesOf } from './pair-occurrences';
import type { PairAccess } from './pair-access';

/** How many pair documents are read at once while planning. */
const READ_BATCH = 32;
const DAY = 86_400_000;
/**
 * Occurrences are listed by original start, so one moved much earlier is found only if its original start
 * is within reach: this many days ahead (the same bound the history uses for meetings held early).
 */
const MOVED_EARLIER_DAYS = 100;

/**
 * The bot's schedule across all pairs. A system task, not a person's request: it returns keys and ids
 * only. Whatever a reminder shows is read when it is sent, through the other use-cases, as its recipient.
 */
export class ReminderUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
    private readonly attention: AttentionUseCases,
  ) {}

  async plan(window: Omit<PlanWindow, 'now'>): Promise<PlannedReminder[]> {
    return this.planPairs(await this.pairIds(), window);
  }

  /** Every pair's id: what a full reconciliation plans. */
  async pairIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const key of await this.deps.store.list('pairs')) {
      const match = /^pairs\/([^/]+)\/pair$/.exec(key);
      if (match) ids.push(match[1]!);
    }
    return ids;
  }

  /** The reminders of these pairs only (a pair that is gone plans nothing): what a change re-plans. */
  async planPairs(pairIds: readonly string[], window: Omit<PlanWindow, 'now'>): Promise<PlannedReminder[]> {
    const now = this.deps.clock.now().getTime();
    const w: PlanWindow = { ...window, now };
    const planned: PlannedReminder[] = [];
    for (let i = 0; i < pairIds.length; i += READ_BATCH) {
      const docs = await Promise.all(
        pairIds.slice(i, i + READ_BATCH).map((id) => this.access.docs.read<PairDocument>(keys.pair(id))),
      );
      const live = docs.filter((d) => d && !d.body.archived && !d.body.deleting).map((d) => d!.body);
      // Read once per batch: a manager's settings serve all their 1:1s.
      const attention = await this.attention.ofPeople(live.flatMap((p) => [p.managerId, p.reportId]));
      for (const pair of live) {
        const occurrences = await occurrencesOf(
          this.deps.calendar,
          pair,
          new Date(now - w.lookbackMs - 2 * DAY),
          new Date(now + w.horizonMs + MOVED_EARLIER_DAYS * DAY),
        );
        planned.push(...planPairReminders(pair, occurrences, w, (id) => attention.get(id)));
      }
    }
    return planned;
  }
}
