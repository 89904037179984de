import { Documents } from '../concurrency/documents';
import { NotFoundError } from '../errors';
import { assertDocumentSize } from '../model/text';
import {
  emptySession,
  keys,
  type ChatIndexDocument,
  roleOf,
  type PairDocument,
  type PrivateNotesDocument,
  type Role,
  type SessionDocument,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { assertWithinHorizon } from '../model/horizon';
import { CLIENT_ID_PATTERN, encodeChatId, isSessionId, sessionIdFromStart, startFromSessionId } from '../model/ids';
import { isConcluded, toSlot, type Slot } from '../model/timeline';
import type { PersonRef } from '../model/agenda-view';
import type { PairChange } from '../ports/change-feed';
import type { Occurrence } from '../ports/calendar';
import type { TandemDeps } from './deps';
import { occurrencesOf, type PairTimeline } from './pair-occurrences';

const DAY = 86_400_000;
/** A Teams chat id as stored in the chat index. */
export const CHAT_ID = /^[A-Za-z0-9:_@.-]{1,200}$/;
/** How far back an unfinished topic is still carried: older ones stay in history, not on the agenda. */
const CARRY_WINDOW_DAYS = 400;
/** Far enough to find the session before or after this one at any cadence. */
const NEXT_WINDOW_DAYS = 40;

export interface Membership {
  readonly pair: PairDocument;
  readonly role: Role;
  /** The pair document's ETag as read: a write based on `pair` is conditional on it. */
  readonly etag: string;
}

export interface SessionContext extends Membership {
  readonly slot: Slot;
  /** Slots from the earliest open topic's session through the next session after this one. */
  readonly slots: readonly Slot[];
  /** The session's document as read for this context (read together with the pair). */
  readonly session: SessionDocument | undefined;
}

/** What a pair's last read told this process, to start its calendar read beside the pair's revalidation. */
interface Remembered extends PairTimeline {
  readonly topics: PairDocument['topics'];
}

/** Pairs remembered per process; beyond this the oldest are forgotten. */
const REMEMBERED_PAIRS = 10_000;

/**
 * Loading a pair always goes through here, so authorization is one rule in one place: only the two people
 * of a pair get it; everyone else gets exactly what a pair that does not exist gets.
 */
export class PairAccess {
  readonly docs: Documents;
  private readonly privateDocsByUser = new Map<UserId, Documents>();
  private readonly remembered = new Map<string, Remembered>();

  constructor(readonly deps: TandemDeps) {
    this.docs = new Documents(deps.store);
  }

  /**
   * The caller's own index decides first: both people's indexes name a pair before its document is written,
   * so a pair missing from it is not theirs. An outsider is refused after reading only their own index, the
   * same work whether the pair exists or not, so timing cannot tell the two apart.
   */
  async member(actor: UserId, pairId: string): Promise<Membership> {
    await this.assertListed(actor, pairId);
    return this.readMembership(actor, pairId);
  }

  /**
   * Membership is decided from the caller's own index before anything of the pair is read: an outsider's
   * request reads the same documents, in the same time, whether the pair exists or not.
   */
  private async assertListed(actor: UserId, pairId: string): Promise<void> {
    const listed =
      CLIENT_ID_PATTERN.test(pairId) &&
      ((await this.docs.read<UserIndexDocument>(keys.userIndex(actor)))?.body.pairIds.includes(pairId) ?? false);
    if (!listed) throw new NotFoundError('no such pair', 'pairId');
  }

  private async readMembership(actor: UserId, pairId: string): Promise<Membership> {
    const read = await this.docs.read<PairDocument>(keys.pair(pairId));
    const pair = read?.body;
    const role = pair && roleOf(pair, actor);
    if (!read || !pair || !role) throw new NotFoundError('no such pair', 'pairId');
    this.remember(pair);
    return { pair, role, etag: read.etag };
  }

  /** The pair a Teams meeting chat belongs to, if any (membership is still the caller's to check). */
  async pairIdOfChat(chatId: string): Promise<string | undefined> {
    if (!CHAT_ID.test(chatId)) return undefined;
    return (await this.docs.read<ChatIndexDocument>(keys.chatIndex(encodeChatId(chatId))))?.body.pairId;
  }

  /**
   * The pair and the session's place in its timeline; 404 when the series has no such occurrence. Once the
   * caller's index lists the pair, the session document is read together with the pair, and for a pair this process has seen, the calendar too (a pair's
   * series never changes): its answer is used once the pair's revalidated read confirms the window.
   */
  async session(actor: UserId, pairId: string, sessionId: string): Promise<SessionContext> {
    if (!CLIENT_ID_PATTERN.test(pairId)) throw new NotFoundError('no such pair', 'pairId');
    if (!isSessionId(sessionId)) throw new NotFoundError('no such session', 'sessionId');
    await this.assertListed(actor, pairId);
    assertWithinHorizon(startFromSessionId(sessionId), this.deps.clock.now(), 'sessionId');
    const session = this.readSession(pairId, sessionId);
    const seen = this.remembered.get(pairId);
    const early = seen && this.listEarly(seen, sessionId);
    // Not awaited when membership fails: they must not surface as unhandled rejections.
    session.catch(() => undefined);
    early?.occurrences.catch(() => undefined);
    const membership = await this.readMembership(actor, pairId);
    const timeline = await this.timeline(membership.pair, sessionId, { session, early });
    return { ...membership, ...timeline, session: await session };
  }

  async timeline(
    pair: PairDocument,
    sessionId: string,
    started: {
      session?: Promise<SessionDocument | undefined>;
      early?: { from: Date; calendarOf: PairTimeline; occurrences: Promise<Occurrence[]> } | undefined;
    } = {},
  ): Promise<{ slot: Slot; slots: Slot[] }> {
    if (!isSessionId(sessionId)) throw new NotFoundError('no such session', 'sessionId');
    assertWithinHorizon(startFromSessionId(sessionId), this.deps.clock.now(), 'sessionId');
    const { from, to } = windowOf(pair.topics, sessionId);
    const early =
      started.early && started.early.from.getTime() <= from.getTime() && sameSeries(pair, started.early.calendarOf)
        ? started.early.occurrences
        : undefined;
    const known = new Map<string, Promise<SessionDocument | undefined>>();
    if (started.session) known.set(sessionId, started.session);
    const slots = await this.slots(pair, from, to, sessionId, { known, ...(early && { occurrences: early }) });
    const slot = slots.find((s) => s.id === sessionId);
    if (!slot) throw new NotFoundError('no such session', 'sessionId');
    return { slot, slots };
  }

  /**
   * Slots in [from, to). Session documents are read only where they can change the status: an occurrence
   * that is under way or within a day, the next one, one asked for by id (any of these may have been started or
   * ended early), or a cancelled one (skipped in Tandem or cancelled elsewhere).
   */
  async slots(
    pair: PairDocument,
    from: Date,
    to: Date,
    alsoRead?: string,
    started: {
      /** Session documents already being read, by session id. */
      known?: ReadonlyMap<string, Promise<SessionDocument | undefined>>;
      /** Occurrences of a window that contains [from, to), already being listed. */
      occurrences?: Promise<Occurrence[]>;
    } = {},
  ): Promise<Slot[]> {
    const now = this.deps.clock.now();
    const occurrences = started.occurrences
      ? (await started.occurrences).filter(
          (o) => Date.parse(o.originalStart) >= from.getTime() && Date.parse(o.originalStart) < to.getTime(),
        )
      : await occurrencesOf(this.deps.calendar, pair, from, to);
    const soon = now.getTime() + DAY;
    // The next occurrence may have been started or ended early even when it is more than a day ahead; one
    // ended early makes the one after it the next, so read on until one that was not ended.
    const known = new Map<string, SessionDocument | undefined>();
    for (const occurrence of occurrences) {
      if (occurrence.status === 'cancelled' || Date.parse(occurrence.end) <= now.getTime()) continue;
      const id = sessionIdFromStart(occurrence.originalStart);
      const doc = await (started.known?.get(id) ?? this.readSession(pair.id, id));
      known.set(id, doc);
      if (!doc?.endedAt) break;
    }
    return Promise.all(
      occurrences.map(async (occurrence) => {
        const live = Date.parse(occurrence.end) > now.getTime() && Date.parse(occurrence.start) < soon;
        const slot = toSlot(occurrence, undefined, now);
        if (known.has(slot.id)) return toSlot(occurrence, known.get(slot.id), now);
        const read = live || occurrence.status === 'cancelled' || slot.id === alsoRead;
        if (!read) return slot;
        const doc = await (started.known?.get(slot.id) ?? this.readSession(pair.id, slot.id));
        return toSlot(occurrence, doc, now);
      }),
    );
  }

  async readSession(pairId: string, sessionId: string): Promise<SessionDocument | undefined> {
    return (await this.docs.read<SessionDocument>(keys.session(pairId, sessionId)))?.body;
  }

  /** Read-modify-write of a session document, creating it on first write. */
  async mutateSession<R>(
    pairId: string,
    slot: Slot,
    apply: (session: SessionDocument) => { changed: boolean; result: R },
  ): Promise<R> {
    return this.docs.mutate<SessionDocument, R>(keys.session(pairId, slot.id), (current) => {
      const session = current ?? emptySession(pairId, slot.id, slot.occurrence.originalStart);
      const { changed, result } = apply(session);
      if (changed) assertDocumentSize(session, 'this session');
      return changed ? { write: session, result } : { result };
    });
  }

  /** `basis`: the pair as this request read it, so the write needs no second read (If-Match still guards it). */
  async mutatePair<R>(
    pairId: string,
    apply: (pair: PairDocument) => { changed: boolean; result: R },
    basis?: Membership,
  ): Promise<R> {
    const key = keys.pair(pairId);
    return this.docs.mutate<PairDocument, R>(
      key,
      (current) => {
        if (!current) throw new NotFoundError('no such pair', 'pairId');
        const { changed, result } = apply(current);
        if (changed) assertDocumentSize(current, 'this 1:1');
        return changed ? { write: current, result } : { result };
      },
      basis && { key, etag: basis.etag, body: structuredClone(basis.pair) },
    );
  }

  /** A pair this process has seen (read, or just created): its calendar can be read before it next time. */
  remember(pair: PairDocument): void {
    this.remembered.delete(pair.id);
    if (this.remembered.size >= REMEMBERED_PAIRS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(pair.id, {
      calendar: pair.calendar,
      topics: pair.topics,
      ...(pair.calendarFrom && { calendarFrom: pair.calendarFrom }),
      ...(pair.pastOccurrences && { pastOccurrences: pair.pastOccurrences }),
    });
  }

  /** The calendar read for the window the pair had when last seen, started before the pair is read again. */
  private listEarly(seen: Remembered, sessionId: string) {
    const { from, to } = windowOf(seen.topics, sessionId);
    return {
      from,
      calendarOf: seen,
      occurrences: occurrencesOf(this.deps.calendar, seen, from, to),
    };
  }

  /** One Documents per user so writes to a user's private store share one in-process lock. */
  privateDocs(userId: UserId): Documents {
    let docs = this.privateDocsByUser.get(userId);
    if (!docs) {
      docs = new Documents(this.deps.personalStores.forUser(userId));
      this.privateDocsByUser.set(userId, docs);
    }
    return docs;
  }

  async readPrivateNotes(userId: UserId, pairId: string, sessionId: string): Promise<PrivateNotesDocument | undefined> {
    return (
      await this.deps.personalStores.forUser(userId).get<PrivateNotesDocument>(keys.privateNotes(pairId, sessionId))
    )?.body;
  }

  async people(pair: PairDocument): Promise<{ manager: PersonRef; report: PersonRef }> {
    const [manager, report] = await Promise.all([this.personRef(pair.managerId), this.personRef(pair.reportId)]);
    return { manager, report };
  }

  async personRef(id: UserId): Promise<PersonRef> {
    const person = await this.deps.directory.getPerson(id);
    return { id, displayName: person?.displayName ?? id };
  }

  publish(change: Omit<PairChange, 'at'>): void {
    this.deps.changes.publish({ ...change, at: this.deps.clock.now().toISOString() });
  }

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  static isOpenForTopics(slot: Slot): boolean {
    return !isConcluded(slot.status);
  }
}

/** The same series with the same record of the past (a cadence change moves `calendarFrom`). */
function sameSeries(a: PairTimeline, b: PairTimeline): boolean {
  const [x, y] = [a.calendar, b.calendar];
  return (
    x.provider === y.provider &&
    x.seriesId === y.seriesId &&
    x.organizerId === y.organizerId &&
    a.calendarFrom === b.calendarFrom
  );
}

/** From the earliest open topic's session (at most 400 days back) through 40 days after the session. */
function windowOf(topics: PairDocument['topics'], sessionId: string): { from: Date; to: Date } {
  const at = startFromSessionId(sessionId).getTime();
  const earliestOpen = topics
    .filter((t) => !t.discussedIn && t.sessionId && t.sessionId < sessionId)
    .reduce((min, t) => Math.min(min, startFromSessionId(t.sessionId!).getTime()), at);
  // Reach back at least one occurrence at any cadence: progress shows what closed since the previous one.
  const from = new Date(Math.max(Math.min(earliestOpen, at - NEXT_WINDOW_DAYS * DAY), at - CARRY_WINDOW_DAYS * DAY));
  return { from, to: new Date(at + NEXT_WINDOW_DAYS * DAY) };
}
