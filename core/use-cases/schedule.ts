import { LIMITS } from '../contract/limits';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { keys, type ChatIndexDocument, type PairDocument, type UserId } from '../model/documents';
import { assertWithinHorizon } from '../model/horizon';
import { encodeChatId } from '../model/ids';
import { isConcluded, type SessionStatus } from '../model/timeline';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

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

  /** Only the organizer (the manager) moves or skips: the calendar series is theirs. */
  async move(actor: UserId, pairId: string, sessionId: string, newStart: Date): Promise<SessionListItem> {
    if (Number.isNaN(newStart.getTime())) throw new ValidationError('must be a date-time', 'start');
    assertWithinHorizon(newStart, this.deps.clock.now(), 'start');
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.role !== 'manager') throw new ForbiddenError('only the organizer can move the meeting', 'sessionId');
    if (isConcluded(ctx.slot.status)) throw new ConflictError(`this session is ${ctx.slot.status}`, 'sessionId');
    if (newStart <= this.deps.clock.now()) throw new ValidationError('must be in the future', 'start');
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
    if (ctx.role !== 'manager') throw new ForbiddenError('only the organizer can skip the meeting', 'sessionId');
    if (isConcluded(ctx.slot.status)) throw new ConflictError(`this session is ${ctx.slot.status}`, 'sessionId');
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
    if (ctx.role !== 'manager') throw new ForbiddenError('only the organizer can undo a skip', 'sessionId');
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

  private canUndoSkip(status: SessionStatus, originalStart: string, now: Date): boolean {
    return status === 'skipped' && !!this.deps.calendar.restoreOccurrence && Date.parse(originalStart) > now.getTime();
  }
}
