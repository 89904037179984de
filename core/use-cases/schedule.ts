import { LIMITS } from '../contract/limits';
import { ForbiddenError, ValidationError } from '../errors';
import { keys, type ChatIndexDocument, type PairDocument, type UserId } from '../model/documents';
import { assertWithinHorizon } from '../model/horizon';
import { encodeChatId } from '../model/ids';
import { isConcluded, type SessionStatus } from '../model/timeline';
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
    return slots.map((s) => ({
      id: s.id,
      originalStart: s.occurrence.originalStart,
      start: s.occurrence.start,
      end: s.occurrence.end,
      status: s.status,
      moved: s.occurrence.start !== s.occurrence.originalStart,
      ...(s.status === 'held' && { heldAt: s.at }),
    }));
  }

  /** Only the organizer (the manager) moves or skips: the calendar series is theirs. */
  async move(actor: UserId, pairId: string, sessionId: string, newStart: Date): Promise<SessionListItem> {
    if (Number.isNaN(newStart.getTime())) throw new ValidationError('must be a date-time', 'start');
    assertWithinHorizon(newStart, this.deps.clock.now(), 'start');
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.role !== 'manager') throw new ForbiddenError('only the organizer can move the meeting', 'sessionId');
    assertWritable(ctx.pair);
    if (isConcluded(ctx.slot.status)) throw sessionConcluded(ctx.slot.status);
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
    if (isConcluded(ctx.slot.status)) throw sessionConcluded(ctx.slot.status);
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
}
