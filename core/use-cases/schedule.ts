import { LIMITS } from '../contract/limits';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { keys, type ChatIndexDocument, type PairDocument, type UserId } from '../model/documents';
import { validateCadence, type Cadence } from '../model/cadence';
import { assertWithinHorizon, horizonOf } from '../model/horizon';
import { toInstant } from '../model/zoned-time';
import { encodeChatId } from '../model/ids';
import { MOVE_REACH_DAYS, isConcluded, type SessionStatus } from '../model/timeline';
import type { TandemDeps } from './deps';
import { assertWritable, sessionConcluded, type PairAccess } from './pair-access';

const DAY = 86_400_000;

export interface SessionListItem {
  readonly id: string;
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  readonly status: SessionStatus;
  readonly moved: boolean;
  /** When a held meeting took place: its explicit start when held ahead of its slot, else its start. */
  readonly heldAt?: string;
  /** A skip that can still be undone: the occurrence is ahead and the calendar can bring it back. */
  readonly undoable?: true;
}

/**
 * The series lives in the calendar (local or Outlook); a session is keyed by its original start, so moving
 * an occurrence keeps its agenda and skipping one carries its open topics to the next.
 */
export class ScheduleUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async list(actor: UserId, pairId: string, from: Date, to: Date): Promise<SessionListItem[]> {
    if (!(to > from)) throw new ValidationError('must be after from', 'to');
    if (to.getTime() - from.getTime() > LIMITS.periodDays * DAY) {
      throw new ValidationError(`the window may span at most ${LIMITS.periodDays} days`, 'to');
    }
    assertWithinHorizon(from, this.deps.clock.now(), 'from');
    assertWithinHorizon(to, this.deps.clock.now(), 'to');
    const { pair } = await this.access.member(actor, pairId);
    const slots = await this.access.slots(pair, from, to);
    const now = this.deps.clock.now();
    return slots.map((s) => ({
      id: s.id,
      originalStart: s.occurrence.originalStart,
      start: s.occurrence.start,
      end: s.occurrence.end,
      status: s.status,
      moved: s.occurrence.start !== s.occurrence.originalStart,
      ...(s.status === 'held' && { heldAt: s.at }),
      ...(this.canUndoSkip(s.status, s.occurrence.originalStart, now) && { undoable: true as const }),
    }));
  }

  /** Only the organizer moves or skips: the calendar series is theirs (the manager's unless re-linked). */
  async move(actor: UserId, pairId: string, sessionId: string, newStart: Date): Promise<SessionListItem> {
    if (Number.isNaN(newStart.getTime())) throw new ValidationError('must be a date-time', 'start');
    assertWithinHorizon(newStart, this.deps.clock.now(), 'start');
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.pair.calendar.organizerId !== actor)
      throw new ForbiddenError('only the organizer can move the meeting', 'sessionId');
    assertWritable(ctx.pair);
    if (isConcluded(ctx.slot.status)) throw sessionConcluded(ctx.slot.status);
    assertInSeries(ctx.pair, ctx.slot.occurrence.originalStart);
    if (newStart <= this.deps.clock.now()) throw new ValidationError('must be in the future', 'start');
    if (Math.abs(newStart.getTime() - Date.parse(ctx.slot.occurrence.originalStart)) > MOVE_REACH_DAYS * DAY) {
      throw new ValidationError(`must be within ${MOVE_REACH_DAYS} days of the meeting's usual time`, 'start');
    }
    const occurrence = await this.deps.calendar.moveOccurrence(
      ctx.pair.calendar,
      ctx.slot.occurrence.originalStart,
      newStart,
    );
    this.access.publish({ pairId, sessionId, kind: 'schedule', by: actor });
    return {
      id: sessionId,
      originalStart: occurrence.originalStart,
      start: occurrence.start,
      end: occurrence.end,
      status: 'upcoming',
      moved: occurrence.start !== occurrence.originalStart,
    };
  }

  /**
   * The organizer changed the meeting outside Tandem (moved or cancelled an occurrence in Outlook). Sessions
   * are keyed by original start and occurrences are read from the calendar, so the agenda already follows;
   * this tells both people's open views to re-read. Returns the pair, or undefined for a meeting that is not
   * a Tandem 1:1.
   */
  async changedInCalendar(chatId: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9:_@.-]{1,200}$/.test(chatId)) return undefined;
    const index = await this.access.docs.read<ChatIndexDocument>(keys.chatIndex(encodeChatId(chatId)));
    if (!index) return undefined;
    const pair = await this.access.docs.read<PairDocument>(keys.pair(index.body.pairId));
    if (!pair) return undefined;
    this.access.publish({ pairId: pair.body.id, kind: 'schedule', by: pair.body.calendar.organizerId });
    return pair.body.id;
  }

  async skip(actor: UserId, pairId: string, sessionId: string): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.pair.calendar.organizerId !== actor)
      throw new ForbiddenError('only the organizer can skip the meeting', 'sessionId');
    if (isConcluded(ctx.slot.status)) throw sessionConcluded(ctx.slot.status);
    assertInSeries(ctx.pair, ctx.slot.occurrence.originalStart);
    const at = this.access.now();
    // Record the skip first: if the calendar call fails, a retry finds the mark and completes the cancel.
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      if (s.skipped) return { changed: false, result: undefined };
      s.skipped = { by: actor, at };
      return { changed: true, result: undefined };
    });
    await this.deps.calendar.cancelOccurrence(ctx.pair.calendar, ctx.slot.occurrence.originalStart);
    this.access.publish({ pairId, sessionId, kind: 'schedule', by: actor });
  }

  /**
   * Undo a skip: the occurrence comes back at its original time, before that time only. The calendar is
   * restored first, then the mark cleared: a failure between the two leaves a scheduled occurrence, which
   * reads as upcoming whatever the mark says, and a retry completes it.
   */
  async undoSkip(actor: UserId, pairId: string, sessionId: string): Promise<SessionListItem> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.pair.calendar.organizerId !== actor)
      throw new ForbiddenError('only the organizer can undo a skip', 'sessionId');
    const { occurrence } = ctx.slot;
    const restore = this.deps.calendar.restoreOccurrence?.bind(this.deps.calendar);
    if (ctx.slot.status === 'skipped' || ctx.slot.status === 'cancelled') {
      if (ctx.slot.status === 'cancelled')
        throw new ConflictError('this meeting was cancelled in the calendar, not skipped in Tandem', 'sessionId');
      if (Date.parse(occurrence.originalStart) <= this.deps.clock.now().getTime())
        throw new ConflictError('a skip can be undone only before the meeting', 'sessionId');
      if (!restore) {
        throw new ConflictError(
          'Outlook cannot bring back a cancelled occurrence: move another one, or add a meeting in Outlook',
          'sessionId',
        ).withCode('skip-not-undoable');
      }
      await restore(ctx.pair.calendar, occurrence.originalStart);
    } else if (ctx.slot.status !== 'upcoming' || !ctx.session?.skipped) {
      throw new ConflictError('this session is not skipped', 'sessionId');
    }
    // Upcoming with the mark still set: a retry after the calendar was restored; clear the mark.
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      if (!s.skipped) return { changed: false, result: undefined };
      delete s.skipped;
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'schedule', by: actor });
    const end = new Date(
      Date.parse(occurrence.originalStart) + Date.parse(occurrence.end) - Date.parse(occurrence.start),
    );
    return {
      id: sessionId,
      originalStart: occurrence.originalStart,
      start: occurrence.originalStart,
      end: end.toISOString(),
      status: 'upcoming',
      moved: false,
    };
  }

  /**
   * Change the cadence, weekday, time, length or time zone from the next occurrence on: `startDate` is the
   * first meeting's date in the new rhythm (its weekday is the new meeting day), ahead of now. What came before
   * stays as it was: Tandem keeps those occurrences itself, since the calendar series is rewritten from the
   * new first date (Outlook drops a series' moved and cancelled occurrences when its pattern changes). The
   * pair is written first, so a calendar failure leaves a change that a retry completes.
   */
  async changeCadence(
    actor: UserId,
    pairId: string,
    cadence: Cadence,
  ): Promise<{ cadence: Cadence; firstStart: string }> {
    validateCadence(cadence, 'cadence.');
    const now = this.deps.clock.now();
    const first = firstStartOf(cadence);
    assertWithinHorizon(first, now, 'cadence.startDate');
    if (first <= now)
      throw new ValidationError(
        'must be a date ahead: the new rhythm starts with a meeting to come',
        'cadence.startDate',
      );
    const membership = await this.access.member(actor, pairId);
    const { pair } = membership;
    if (pair.calendar.organizerId !== actor)
      throw new ForbiddenError('only the organizer can change the meeting', 'pairId');
    // The occurrences not yet kept, through the next one to come (at most ~100 days ahead at any cadence).
    const since = pair.calendarFrom ? new Date(pair.calendarFrom) : firstStartOf(pair.cadence);
    const from = new Date(Math.max(since.getTime(), horizonOf(now).earliest.getTime()));
    const slots = await this.access.slots(pair, from, new Date(now.getTime() + 100 * DAY));
    const next = slots.find((s) => s.status === 'upcoming');
    const cut = Math.min(next ? Date.parse(next.occurrence.originalStart) : now.getTime(), first.getTime());
    const kept = slots
      .map((s) => s.occurrence)
      .filter((o) => Date.parse(o.originalStart) < cut && o.originalStart >= from.toISOString());
    await this.access.mutatePair(
      pairId,
      (p) => {
        if (p.calendarFrom && Date.parse(p.calendarFrom) >= cut && sameCadence(p.cadence, cadence))
          return { changed: false, result: undefined };
        p.pastOccurrences = [
          ...(p.pastOccurrences ?? []).filter((o) => Date.parse(o.originalStart) < from.getTime()),
          ...kept,
        ];
        p.calendarFrom = new Date(cut).toISOString();
        p.cadence = cadence;
        return { changed: true, result: undefined };
      },
      membership,
    );
    await this.deps.calendar.changeSeries(pair.calendar, cadence);
    this.access.publish({ pairId, kind: 'schedule', by: actor });
    return { cadence, firstStart: first.toISOString() };
  }

  private canUndoSkip(status: SessionStatus, originalStart: string, now: Date): boolean {
    return status === 'skipped' && !!this.deps.calendar.restoreOccurrence && Date.parse(originalStart) > now.getTime();
  }
}

/**
 * A meeting before `calendarFrom` is Tandem's copy of one in a series the 1:1 no longer follows (a split or
 * re-linked series, docs/occurrences.md): changing it is for Outlook, where that series still is.
 */
function assertInSeries(pair: PairDocument, originalStart: string): void {
  if (pair.calendarFrom && Date.parse(originalStart) < Date.parse(pair.calendarFrom))
    throw new ConflictError("this meeting is in the 1:1's earlier calendar series: change it in Outlook", 'sessionId');
}

/** The first occurrence's start: `startDate` at `time` in the cadence's zone. */
export function firstStartOf(cadence: Cadence): Date {
  const [year, month, day] = cadence.startDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  return toInstant({ year, month, day, hour, minute }, cadence.timeZone);
}

function sameCadence(a: Cadence, b: Cadence): boolean {
  return (
    a.frequency === b.frequency &&
    a.startDate === b.startDate &&
    a.time === b.time &&
    a.timeZone === b.timeZone &&
    a.durationMinutes === b.durationMinutes
  );
}
