import type { Clock } from '../../core/clock';
import type { PlannedReminder, PlanWindow } from '../../core/model/reminders';

/** What the planner reads: core's ReminderUseCases is one. */
export interface PlanSource {
  pairIds(): Promise<string[]>;
  planPairs(pairIds: readonly string[], window: Omit<PlanWindow, 'now'>): Promise<PlannedReminder[]>;
}

export interface ChangePlannerOptions {
  readonly source: PlanSource;
  readonly clock: Clock;
  /** A reminder is handed to the job runner this long before it is due. */
  readonly horizonMs: number;
  /** How far back a missed recap or nudge is still worth sending. */
  readonly lookbackMs: number;
  readonly recapGraceMs: number;
  /** The full reconciliation: every pair read again this often (default: daily). */
  readonly reconcileEveryMs?: number;
  /**
   * Calls further apart than this (the lease was with another instance, the process was stopped) start with
   * a full reconciliation: changes made meanwhile were not seen here.
   */
  readonly maxGapMs?: number;
}

interface Entry {
  readonly reminder: PlannedReminder;
  readonly at: number;
  /** Which planning made it: a pair re-planned since makes its older entries stale. */
  readonly token: number;
}

const DAY = 86_400_000;
/**
 * Pair kinds of change that can move a reminder: the calendar, the pair itself (archived and deleted too), its
 * action items, a session's state, a person's choice of reminders.
 */
const PLANNING_CHANGES: ReadonlySet<string> = new Set([
  'schedule',
  'pair',
  'actions',
  'session',
  'session-ended',
  'pair-archived',
  'pair-deleted',
  // A person changed their prompts or nudges: each of their 1:1s is re-planned.
  'attention',
]);

/** True when a change of this kind may change what the bot sends for the pair. */
export function changesPlan(kind: string): boolean {
  return PLANNING_CHANGES.has(kind);
}

/**
 * Plans the bot's reminders from changes instead of reading every pair every minute. A full reconciliation
 * (on the first call, daily, and after a gap) reads every pair and keeps in memory what falls due before the
 * next one; a change to a pair (through Tandem, or the calendar's change notifications) re-plans that pair
 * alone; in between, each call hands over what came within the horizon and reads nothing. What it hands over
 * is idempotent (job keys), so a re-planned reminder already handed over costs the job store one look-up.
 */
export class ChangePlanner {
  /** Reminder key → the token of its live entry; removed once handed over. */
  private readonly pending = new Map<string, number>();
  private readonly keysOfPair = new Map<string, string[]>();
  /** Latest first, so the earliest is popped from the end. */
  private queue: Entry[] = [];
  private readonly dirty = new Set<string>();
  private lastReconcile = Number.NEGATIVE_INFINITY;
  private lastCall = Number.NEGATIVE_INFINITY;
  private token = 0;

  constructor(private readonly o: ChangePlannerOptions) {}

  /** A pair changed: it is re-planned on the next call. */
  changed(pairId: string): void {
    this.dirty.add(pairId);
  }

  /** The reminders that came within the horizon since the last call (JobRunner's `planner`). */
  async due(): Promise<PlannedReminder[]> {
    const now = this.o.clock.now().getTime();
    const away = now - this.lastCall > (this.o.maxGapMs ?? 5 * 60_000);
    this.lastCall = now;
    if (away || now - this.lastReconcile >= (this.o.reconcileEveryMs ?? DAY)) await this.reconcile(now);
    else if (this.dirty.size > 0) await this.replan([...this.dirty]);
    return this.handOver(now);
  }

  /** Reminders planned and not yet handed over (for tests and the bench). */
  get plannedCount(): number {
    return this.pending.size;
  }

  private window(): Omit<PlanWindow, 'now'> {
    // Reaches past the next reconciliation, so nothing falls between two of them.
    const horizonMs = (this.o.reconcileEveryMs ?? DAY) + (this.o.maxGapMs ?? 5 * 60_000) + this.o.horizonMs;
    return { horizonMs, lookbackMs: this.o.lookbackMs, recapGraceMs: this.o.recapGraceMs };
  }

  private async reconcile(now: number): Promise<void> {
    // Changes arriving while it reads are kept for the next call.
    this.dirty.clear();
    try {
      const planned = await this.o.source.planPairs(await this.o.source.pairIds(), this.window());
      this.pending.clear();
      this.keysOfPair.clear();
      this.queue = [];
      const entries = planned.map((reminder) => this.track(reminder));
      this.queue = entries.sort((a, b) => b.at - a.at);
      this.lastReconcile = now;
    } catch (error) {
      // Tried again on the next call.
      this.lastCall = Number.NEGATIVE_INFINITY;
      throw error;
    }
  }

  private async replan(pairIds: readonly string[]): Promise<void> {
    for (const id of pairIds) this.dirty.delete(id);
    let planned: PlannedReminder[];
    try {
      planned = await this.o.source.planPairs(pairIds, this.window());
    } catch (error) {
      for (const id of pairIds) this.dirty.add(id);
      throw error;
    }
    for (const id of pairIds) {
      for (const key of this.keysOfPair.get(id) ?? []) this.pending.delete(key);
      this.keysOfPair.delete(id);
    }
    for (const reminder of planned) this.insert(this.track(reminder));
  }

  private track(reminder: PlannedReminder): Entry {
    const token = ++this.token;
    const pairId = reminder.payload.pairId ?? '';
    this.pending.set(reminder.key, token);
    const keys = this.keysOfPair.get(pairId);
    if (keys) keys.push(reminder.key);
    else this.keysOfPair.set(pairId, [reminder.key]);
    return { reminder, at: Date.parse(reminder.dueAt), token };
  }

  private insert(entry: Entry): void {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.queue[mid]!.at > entry.at) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, entry);
  }

  private handOver(now: number): PlannedReminder[] {
    const out: PlannedReminder[] = [];
    const until = now + this.o.horizonMs;
    while (this.queue.length > 0 && this.queue.at(-1)!.at <= until) {
      const entry = this.queue.pop()!;
      if (this.pending.get(entry.reminder.key) !== entry.token) continue;
      this.pending.delete(entry.reminder.key);
      out.push(entry.reminder);
    }
    return out;
  }
}
