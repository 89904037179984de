import { LIMITS } from '../contract/limits';
import { ConflictError, ValidationError } from '../errors';
import { topicsOfSession } from '../model/agenda-view';
import type { UserId } from '../model/documents';
import { assertClientId } from '../model/ids';
import { moveOn, type Win } from '../model/meeting-flow';
import { assertSharedTopic } from '../model/private-topics';
import { requiredText } from '../model/text';
import type { TandemDeps } from './deps';
import type { PairAccess, SessionContext } from './pair-access';

/** Wins noted in one session: enough for any meeting, small enough for the session document. */
export const WINS_PER_SESSION = 50;
/** The deep dive's timebox: whole minutes, at most two hours. */
export const DEEP_DIVE_MAX_MINUTES = 120;

/**
 * The meeting as both people live it: which topic they are on ("now discussing", its time recorded when they
 * move on), the shared deep-dive timer (changed or stopped by either person) and the wins they note. Either
 * person may do each; all of it is shared, none of it private.
 */
export class MeetingFlowUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /** Mark a topic as the one being discussed (`topicId`), or none (`null`); the previous one's time is recorded. */
  async discuss(actor: UserId, pairId: string, sessionId: string, topicId: string | null): Promise<void> {
    const ctx = await this.openSession(actor, pairId, sessionId);
    if (topicId !== null) this.assertTopicOf(ctx, actor, topicId);
    const at = this.access.now();
    const changed = await this.access.mutateSession(pairId, ctx.slot, (s) => {
      const moved = moveOn(s, topicId ?? undefined, at, actor);
      return { changed: moved, result: moved };
    });
    if (changed) this.access.publish({ pairId, sessionId, kind: 'session', by: actor });
  }

  /** Change the running deep dive's timebox (it keeps its start) or stop its timer. */
  async changeDeepDive(
    actor: UserId,
    pairId: string,
    sessionId: string,
    change: { readonly minutes?: number; readonly stop?: true },
  ): Promise<void> {
    const minutes = change.stop ? undefined : change.minutes;
    if (!change.stop) assertMinutes(minutes);
    const ctx = await this.openSession(actor, pairId, sessionId);
    const at = this.access.now();
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      if (!s.deepDive) throw new ConflictError('no deep dive was chosen in this session', 'topicId');
      s.deepDive = minutes !== undefined ? { ...s.deepDive, minutes } : { ...s.deepDive, stoppedAt: at };
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'session', by: actor });
  }

  /** Note a win (retried with the same id: the same win, not a second one). */
  async addWin(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: { readonly id?: string; readonly text: string },
  ): Promise<{ win: Win; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const text = requiredText(input.text, 'text', LIMITS.line);
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.slot.status === 'skipped' || ctx.slot.status === 'cancelled')
      throw new ConflictError(`this session is ${ctx.slot.status}`, 'sessionId');
    const win: Win = { id, authorId: actor, text, createdAt: this.access.now() };
    const result = await this.access.mutateSession(pairId, ctx.slot, (s) => {
      const wins = (s.wins ??= []);
      const existing = wins.find((w) => w.id === id);
      if (existing) {
        if (existing.authorId === actor && existing.text === text)
          return { changed: false, result: { win: existing, created: false } };
        throw new ConflictError('a different win already has this id', 'id');
      }
      if (wins.length >= WINS_PER_SESSION)
        throw new ConflictError(`a session holds at most ${WINS_PER_SESSION} wins`, 'text');
      wins.push(win);
      return { changed: true, result: { win, created: true } };
    });
    if (result.created) this.access.publish({ pairId, sessionId, kind: 'session', by: actor });
    return result;
  }

  private async openSession(actor: UserId, pairId: string, sessionId: string): Promise<SessionContext> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    const { status } = ctx.slot;
    if (status === 'held') throw new ConflictError('this meeting has ended', 'sessionId').withCode('session-ended');
    if (status === 'skipped' || status === 'cancelled')
      throw new ConflictError(`this meeting was ${status}`, 'sessionId').withCode(`session-${status}`);
    return ctx;
  }

  private assertTopicOf(ctx: SessionContext, actor: UserId, topicId: string): void {
    assertSharedTopic(topicsOfSession(ctx.pair, ctx.slot, ctx.slots), topicId, actor, 'is not a topic of this session');
  }
}

export function assertMinutes(minutes: number | undefined): asserts minutes is number {
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < 1 || minutes > DEEP_DIVE_MAX_MINUTES)
    throw new ValidationError(`must be a whole number of minutes from 1 to ${DEEP_DIVE_MAX_MINUTES}`, 'minutes');
}
