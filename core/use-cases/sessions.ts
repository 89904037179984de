import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { buildAgenda, topicsOfSession, type AgendaView } from '../model/agenda-view';
import { keys, otherMember, type Note, type PrivateNotesDocument, type UserId } from '../model/documents';
import { assertClientId, CLIENT_ID_PATTERN, isSessionId } from '../model/ids';
import { LIMITS } from '../contract/limits';
import { assertDocumentSize, assertScore, optionalText, requiredText } from '../model/text';
import { setOwn } from '../model/own-keys';
import { RATING_WINDOW_DAYS, ratingPeriodOf } from '../model/rating-periods';
import { sessionOfMeeting, type MeetingMatch } from '../model/meeting-session';
import { stopMeetingClocks } from '../model/meeting-flow';
import { assertSharedTopic, visibleTo } from '../model/private-topics';
import { MOVE_REACH_DAYS, REOPEN_HOURS, isConcluded, nextSlot, reopenDeadline, type Slot } from '../model/timeline';
import type { TandemDeps } from './deps';
import { assertMinutes } from './meeting-flow';
import { assertWritable, PairAccess, sessionConcluded, type SessionContext } from './pair-access';
import { templateForSession } from '../model/templates';

export interface NoteInput {
  readonly id?: string;
  readonly text: string;
  /** Private notes are seen by their author only: not the other person, not an admin, not a recap. */
  readonly private: boolean;
  /** The topic it is taken on (shown with it); absent for the session's general notes. */
  readonly topicId?: string;
}

/** Where a meeting is: its chat (tab, add-in, bot) or, outside a meeting, the pair; and its start if known. */
export interface MeetingQuery {
  readonly chatId?: string;
  readonly pairId?: string;
  readonly meetingStart?: string;
}

/** The pair a meeting belongs to and, when it has one, the session the meeting is. */
export interface MeetingSession {
  readonly pairId: string;
  readonly sessionId?: string;
  /** How it was found: at the meeting's start, under way or just over, or merely the next one. */
  readonly match?: MeetingMatch;
}

/**
 * The session a meeting is with its agenda, as `GET /api/meetings/session?…&include=agenda` answers it: a first
 * screen in one round trip (docs/pages.md, Navigation). The agenda is read as `agenda` reads it, same checks.
 */
export interface MeetingSessionWithAgenda extends MeetingSession {
  readonly agenda?: AgendaView;
  /** The ETag the agenda's own GET answers with for it: the client's later re-reads send it in If-None-Match. */
  readonly agendaEtag?: string;
}

const DAY = 86_400_000;
/** How far ahead the next session is looked for: beyond any cadence's gap. */
const NEXT_WITHIN_DAYS = 100;

export class SessionUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async agenda(actor: UserId, pairId: string, sessionId: string): Promise<AgendaView> {
    // The viewer's own notes are read beside the pair: they are theirs, and shown only if they are a member.
    const privateNotes =
      CLIENT_ID_PATTERN.test(pairId) && isSessionId(sessionId)
        ? this.access.readPrivateNotes(actor, pairId, sessionId)
        : undefined;
    privateNotes?.catch(() => undefined);
    const ctx = await this.access.session(actor, pairId, sessionId);
    return this.view(actor, ctx, privateNotes);
  }

  /**
   * The agenda without anyone's private notes, for the bot and its jobs: cards never show private notes, and in
   * Microsoft 365 mode a person's private notes are reachable only from that person's own request.
   */
  async sharedAgenda(actor: UserId, pairId: string, sessionId: string): Promise<AgendaView> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    return this.view(actor, ctx, Promise.resolve(undefined), true);
  }

  /** Which session a meeting is (core/model/meeting-session.ts): one answer for the tab, the add-in and the bot. */
  async forMeeting(actor: UserId, where: MeetingQuery): Promise<MeetingSession> {
    const pairId = where.chatId !== undefined ? await this.access.pairIdOfChat(where.chatId) : where.pairId;
    if (where.chatId !== undefined && !pairId) throw new NotFoundError('no 1:1 of yours uses this meeting', 'chatId');
    if (!pairId) throw new ValidationError('name the meeting chat or the 1:1', 'chatId');
    const meetingStart = where.meetingStart === undefined ? undefined : Date.parse(where.meetingStart);
    if (meetingStart !== undefined && Number.isNaN(meetingStart))
      throw new ValidationError('must be an ISO 8601 date-time', 'meetingStart');
    const { pair } = await this.access.member(actor, pairId).catch((error: unknown) => {
      // Someone else's meeting chat is no different from a chat that is no 1:1's.
      if (error instanceof NotFoundError && where.chatId !== undefined)
        throw new NotFoundError('no 1:1 of yours uses this meeting', 'chatId');
      throw error;
    });
    const now = this.deps.clock.now();
    const windows = [[now.getTime() - MOVE_REACH_DAYS * DAY, now.getTime() + NEXT_WITHIN_DAYS * DAY]];
    if (meetingStart !== undefined) windows.unshift([meetingStart - DAY, meetingStart + DAY]);
    const byId = new Map<string, Slot>();
    for (const [from, to] of windows) {
      for (const slot of await this.access.slots(pair, new Date(from!), new Date(to!))) byId.set(slot.id, slot);
    }
    const slots = [...byId.values()].sort((a, b) => Date.parse(a.occurrence.start) - Date.parse(b.occurrence.start));
    const found = sessionOfMeeting(slots, { ...(where.meetingStart && { meetingStart: where.meetingStart }), now });
    return { pairId, ...(found && { sessionId: found.slot.id, match: found.match }) };
  }

  async view(
    actor: UserId,
    ctx: SessionContext,
    privateNotesRead?: Promise<PrivateNotesDocument | undefined>,
    sharedOnly = false,
  ): Promise<AgendaView> {
    const { pair, slot, slots, session } = ctx;
    const [privateNotes, people] = await Promise.all([
      privateNotesRead ?? this.access.readPrivateNotes(actor, pair.id, slot.id),
      this.access.people(pair),
    ]);
    const index = slots.findIndex((s) => s.id === slot.id);
    const nextSession = slots.slice(index + 1).find((s) => s.occurrence.status !== 'cancelled');
    return buildAgenda({
      pair,
      slot,
      slots,
      session,
      privateNotes: privateNotes?.notes ?? [],
      viewerId: actor,
      sharedOnly,
      ...people,
      ...(nextSession && { nextSession }),
    });
  }

  async addNote(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: NoteInput,
  ): Promise<{ note: Note; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const text = requiredText(input.text, 'text', LIMITS.note);
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (input.topicId !== undefined) {
      const topics = topicsOfSession(ctx.pair, ctx.slot, ctx.slots);
      // A private note may sit under one's own private topic; a shared note only under a shared one.
      if (input.private) {
        if (!topics.some((t) => t.id === input.topicId && visibleTo(actor)(t)))
          throw new ValidationError('is not a topic of this session', 'topicId');
      } else assertSharedTopic(topics, input.topicId, actor, 'is not a topic of this session');
    }
    const now = this.access.now();
    const fresh: Note = {
      id,
      authorId: actor,
      ...(input.topicId !== undefined && { topicId: input.topicId }),
      text,
      createdAt: now,
      updatedAt: now,
      rev: 1,
    };
    const addTo = (notes: Note[]) => {
      const existing = notes.find((n) => n.id === id);
      if (existing) {
        if (existing.authorId === actor && existing.text === text)
          return { changed: false, result: { note: existing, created: false } };
        throw new ConflictError('a different note already has this id', 'id');
      }
      if (notes.length >= LIMITS.notesPerSession) {
        throw new ConflictError(`a session holds at most ${LIMITS.notesPerSession} notes`, 'text');
      }
      notes.push(fresh);
      return { changed: true, result: { note: fresh, created: true } };
    };
    const result = input.private
      ? await this.mutatePrivate(actor, ctx, (doc) => addTo(doc.notes))
      : await this.access.mutateSession(pairId, ctx.slot, (s) => addTo(s.sharedNotes));
    if (result.created) this.publishNote(actor, ctx, input.private);
    return result;
  }

  /** Authors edit their own notes; `rev` guards against overwriting an edit made elsewhere meanwhile. */
  async editNote(
    actor: UserId,
    pairId: string,
    sessionId: string,
    noteId: string,
    input: { text: string; rev: number; private: boolean },
  ): Promise<Note> {
    const text = requiredText(input.text, 'text', LIMITS.note);
    const ctx = await this.access.session(actor, pairId, sessionId);
    const now = this.access.now();
    const edit = (notes: Note[]) => {
      const note = notes.find((n) => n.id === noteId);
      if (!note) throw new NotFoundError('no such note', 'noteId');
      if (note.authorId !== actor) throw new ForbiddenError('only its author can edit a note', 'noteId');
      if (note.rev !== input.rev) throw new ConflictError('the note changed since you loaded it', 'rev', note);
      note.text = text;
      note.updatedAt = now;
      note.rev += 1;
      return { changed: true, result: { ...note } };
    };
    const note = input.private
      ? await this.mutatePrivate(actor, ctx, (doc) => edit(doc.notes))
      : await this.access.mutateSession(pairId, ctx.slot, (s) => edit(s.sharedNotes));
    this.publishNote(actor, ctx, input.private);
    return note;
  }

  async removeNote(
    actor: UserId,
    pairId: string,
    sessionId: string,
    noteId: string,
    isPrivate: boolean,
  ): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    const remove = (notes: Note[]) => {
      const index = notes.findIndex((n) => n.id === noteId);
      if (index < 0) throw new NotFoundError('no such note', 'noteId');
      if (notes[index]!.authorId !== actor) throw new ForbiddenError('only its author can remove a note', 'noteId');
      notes.splice(index, 1);
      return { changed: true, result: undefined };
    };
    if (isPrivate) await this.mutatePrivate(actor, ctx, (doc) => remove(doc.notes));
    else await this.access.mutateSession(pairId, ctx.slot, (s) => remove(s.sharedNotes));
    this.publishNote(actor, ctx, isPrivate);
  }

  async checkIn(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: { mood: number; line?: string },
  ): Promise<void> {
    assertScore(input.mood, 'mood');
    const mood = input.mood;
    const line = optionalText(input.line, 'line', LIMITS.line);
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.slot.status === 'skipped' || ctx.slot.status === 'cancelled') {
      throw sessionConcluded(ctx.slot.status);
    }
    const at = this.access.now();
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      setOwn(s.checkIns, actor, { mood, ...(line !== undefined && { line }), at });
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'check-in', by: actor });
  }

  /** Feedback always goes to the other person of the pair; both directions are first-class. */
  async giveFeedback(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: { id?: string; text: string },
  ): Promise<void> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    const text = requiredText(input.text, 'text', LIMITS.feedback);
    const ctx = await this.access.session(actor, pairId, sessionId);
    const at = this.access.now();
    const created = await this.access.mutateSession(pairId, ctx.slot, (s) => {
      const existing = s.feedback.find((f) => f.id === id);
      if (existing) {
        if (existing.fromId === actor && existing.text === text) return { changed: false, result: false };
        throw new ConflictError('a different feedback note already has this id', 'id');
      }
      if (s.feedback.length >= LIMITS.feedbackPerSession) {
        throw new ConflictError(`a session holds at most ${LIMITS.feedbackPerSession} pieces of feedback`, 'text');
      }
      s.feedback.push({ id, fromId: actor, toId: otherMember(ctx.pair, actor), text, createdAt: at });
      return { changed: true, result: true };
    });
    if (created) this.access.publish({ pairId, sessionId, kind: 'feedback', by: actor });
  }

  /** After (or during) a session each person may rate it; nobody else ever sees a single rating. */
  async rate(actor: UserId, pairId: string, sessionId: string, score: number): Promise<void> {
    assertScore(score, 'score');
    const value = score;
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (ctx.slot.status !== 'held' && ctx.slot.status !== 'in-progress') {
      throw new ConflictError('a session can be rated once it has started', 'sessionId');
    }
    const now = this.deps.clock.now();
    if (now.getTime() - Date.parse(ctx.slot.occurrence.originalStart) > RATING_WINDOW_DAYS * DAY) {
      throw new ConflictError(`a session can be rated up to ${RATING_WINDOW_DAYS} days after it`, 'sessionId');
    }
    const at = now.toISOString();
    // The period is fixed now: a late rating or a change counts toward the period open today, never toward
    // one already released.
    const period = ratingPeriodOf(now);
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      setOwn(s.ratings, actor, { score: value, at, period });
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'rating', by: actor, onlyFor: actor });
  }

  /** Choose the deep-dive topic and start its timer; the timebox comes from the pair's template. */
  async startDeepDive(
    actor: UserId,
    pairId: string,
    sessionId: string,
    input: { topicId: string; minutes?: number },
  ): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    if (isConcluded(ctx.slot.status)) throw sessionConcluded(ctx.slot.status);
    const minutes = input.minutes ?? templateForSession(ctx.pair, ctx.slot.id).deepDiveMinutes;
    assertMinutes(minutes);
    assertSharedTopic(
      topicsOfSession(ctx.pair, ctx.slot, ctx.slots),
      input.topicId,
      actor,
      'is not a topic of this session',
    );
    const startedAt = this.access.now();
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      s.deepDive = { topicId: input.topicId, minutes, startedAt };
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'session', by: actor });
  }

  /**
   * Start, end or reopen the meeting explicitly (the bot starts and ends it on Teams' meetingStart and
   * meetingEnd). Only the next meeting (or one whose slot has begun) can be started; only a meeting in
   * progress can be ended, and ending it again changes nothing — so a second "End" never reaches next week's
   * meeting. An ended meeting can be reopened by its people until `REOPEN_HOURS` after its slot.
   */
  async setState(
    actor: UserId,
    pairId: string,
    sessionId: string,
    state: 'started' | 'ended' | 'reopened',
  ): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    const { slot } = ctx;
    if (slot.status === 'skipped' || slot.status === 'cancelled') {
      throw new ConflictError(`this meeting was ${slot.status}`, 'sessionId').withCode(`session-${slot.status}`);
    }
    if (state === 'ended' && slot.status === 'upcoming') {
      throw new ConflictError(
        'this meeting has not started yet: only a meeting in progress can be ended',
        'sessionId',
      ).withCode('session-not-started');
    }
    if (state === 'started' && slot.status === 'upcoming' && nextSlot(ctx.slots)?.id !== slot.id) {
      throw new ConflictError('only the next meeting can be started', 'sessionId').withCode('session-not-started');
    }
    const now = this.deps.clock.now();
    const at = now.toISOString();
    if (state === 'reopened' && slot.status === 'held' && now.getTime() >= reopenDeadline(slot.occurrence)) {
      throw new ConflictError(
        `this meeting can be reopened until ${REOPEN_HOURS} hours after it was scheduled to end`,
        'sessionId',
      ).withCode('reopen-expired');
    }
    // A meeting ended after its slot began but never started explicitly took place at its slot.
    const startedAt = slot.occurrence.start < at ? slot.occurrence.start : at;
    const changed = await this.access.mutateSession(pairId, slot, (s) => {
      if (state === 'started') {
        if (s.startedAt || slot.status === 'held') return { changed: false, result: false };
        s.startedAt = at;
      } else if (state === 'ended') {
        if (s.endedAt) return { changed: false, result: false };
        s.startedAt ??= startedAt;
        s.endedAt = at;
        stopMeetingClocks(s, at, actor);
      } else {
        if (slot.status !== 'held') return { changed: false, result: false };
        delete s.endedAt;
        s.startedAt ??= startedAt;
        s.reopenedAt = at;
      }
      return { changed: true, result: true };
    });
    if (!changed) return;
    // 'session-ended' lets the bot send the recap now rather than after the scheduled end.
    this.access.publish({ pairId, sessionId, kind: state === 'ended' ? 'session-ended' : 'session', by: actor });
  }

  /** "Nothing from me this time": recorded so nobody keeps asking this person for this session. */
  async nothingFromMe(actor: UserId, pairId: string, sessionId: string): Promise<void> {
    const ctx = await this.access.session(actor, pairId, sessionId);
    await this.access.mutateSession(pairId, ctx.slot, (s) => {
      if (s.nothingFrom.includes(actor)) return { changed: false, result: undefined };
      s.nothingFrom.push(actor);
      return { changed: true, result: undefined };
    });
    this.access.publish({ pairId, sessionId, kind: 'session', by: actor });
  }

  private mutatePrivate<R>(
    actor: UserId,
    ctx: SessionContext,
    apply: (doc: PrivateNotesDocument) => { changed: boolean; result: R },
  ): Promise<R> {
    // Private notes are the author's own, but an archived 1:1 takes no new writes of any kind.
    assertWritable(ctx.pair);
    return this.access
      .privateDocs(actor)
      .mutate<PrivateNotesDocument, R>(keys.privateNotes(ctx.pair.id, ctx.slot.id), (current) => {
        const doc = current ?? { schema: 1, pairId: ctx.pair.id, sessionId: ctx.slot.id, notes: [] };
        const { changed, result } = apply(doc);
        if (changed) assertDocumentSize(doc, 'your private notes of this session');
        return changed ? { write: doc, result } : { result };
      });
  }

  private publishNote(actor: UserId, ctx: SessionContext, isPrivate: boolean): void {
    this.access.publish({
      pairId: ctx.pair.id,
      sessionId: ctx.slot.id,
      kind: isPrivate ? 'private-notes' : 'notes',
      by: actor,
      ...(isPrivate && { onlyFor: actor }),
    });
  }
}
