import { Documents } from '../concurrency/documents';
import { ConflictError, NotFoundError } from '../errors';
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
import {
  mergeIntoArchive,
  periodsBetween,
  settledOf,
  viewPeriods,
  viewReachesArchive,
  withArchives,
  type ArchiveDocument,
} from '../model/archive';
import { assertWithinHorizon, horizonOf } from '../model/horizon';
import { CLIENT_ID_PATTERN, encodeChatId, isSessionId, sessionIdFromStart, startFromSessionId } from '../model/ids';
import { isConcluded, toSlot, type Slot } from '../model/timeline';
import type { PersonRef } from '../model/agenda-view';
import type { PairChange } from '../ports/change-feed';
import type { StoredDocument } from '../ports/document-store';
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
  /** The pair document as stored, when `pair` has archived history merged in for a view. */
  readonly stored?: PairDocument;
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
  /** Archived when last read: session writes, which do not re-read the pair, are refused by it. */
  readonly archived: boolean;
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
  /** The pairs each user's index listed when this process last read it (a hint for reading ahead, never a grant). */
  private readonly listedBefore = new Map<UserId, ReadonlySet<string>>();

  constructor(readonly deps: TandemDeps) {
    this.docs = new Documents(deps.store);
  }

  /**
   * The caller's own index decides: both people's indexes name a pair before its document is written, so a
   * pair missing from it is not theirs. An outsider is refused after reading only their own index, the same
   * work whether the pair exists or not, so timing cannot tell the two apart. A member seen before has the
   * pair read beside their index (readBesideIndex).
   */
  async member(actor: UserId, pairId: string): Promise<Membership> {
    const listed = this.assertListed(actor, pairId);
    const pairRead = this.readBesideIndex(actor, pairId, () => this.docs.read<PairDocument>(keys.pair(pairId)));
    await listed;
    return this.readMembership(actor, pairId, pairRead);
  }

  /**
   * Membership is decided from the caller's own index alone: an outsider's request reads the same documents,
   * in the same time, whether the pair exists or not.
   */
  private async assertListed(actor: UserId, pairId: string): Promise<void> {
    const index = CLIENT_ID_PATTERN.test(pairId)
      ? (await this.docs.read<UserIndexDocument>(keys.userIndex(actor)))?.body
      : undefined;
    if (index) this.rememberListed(actor, index.pairIds);
    if (!index?.pairIds.includes(pairId)) throw new NotFoundError('no such pair', 'pairId');
  }

  /**
   * `read` started beside the caller's index (one `$batch` on Graph: one round trip instead of two) when this
   * process last saw that index list the pair; otherwise undefined, and nothing of the pair is read before the
   * index answers. So an outsider, whose index never listed the pair, reads only their own index; someone
   * removed since is still refused by the index as read now, without waiting for what was read beside it.
   */
  private readBesideIndex<T>(actor: UserId, pairId: string, read: () => Promise<T>): Promise<T> | undefined {
    if (!this.listedBefore.get(actor)?.has(pairId)) return undefined;
    const started = read();
    // Not awaited when membership fails: it must not surface as an unhandled rejection.
    started.catch(() => undefined);
    return started;
  }

  private rememberListed(actor: UserId, pairIds: readonly string[]): void {
    this.listedBefore.delete(actor);
    if (this.listedBefore.size >= REMEMBERED_PAIRS) this.listedBefore.delete(this.listedBefore.keys().next().value!);
    this.listedBefore.set(actor, new Set(pairIds));
  }

  private async readMembership(
    actor: UserId,
    pairId: string,
    started?: Promise<StoredDocument<PairDocument> | undefined>,
  ): Promise<Membership> {
    const read = await (started ?? this.docs.read<PairDocument>(keys.pair(pairId)));
    const pair = read?.body;
    const role = pair && roleOf(pair, actor);
    if (!read || !pair || !role || !isVisible(pair, this.deps.clock.now()))
      throw new NotFoundError('no such pair', 'pairId');
    this.remember(pair);
    return { pair, role, etag: read.etag };
  }

  /** The pair a Teams meeting chat belongs to, if any (membership is still the caller's to check). */
  async pairIdOfChat(chatId: string): Promise<string | undefined> {
    if (!CHAT_ID.test(chatId)) return undefined;
    return (await this.docs.read<ChatIndexDocument>(keys.chatIndex(encodeChatId(chatId))))?.body.pairId;
  }

  /**
   * The pair and the session's place in its timeline; 404 when the series has no such occurrence. The session
   * document is read together with the pair, and for a pair this process has seen, the calendar too (a pair's
   * series never changes): its answer is used once the pair's revalidated read confirms the window. For a
   * member seen before, all of it starts beside their index (readBesideIndex).
   */
  async session(actor: UserId, pairId: string, sessionId: string): Promise<SessionContext> {
    if (!CLIENT_ID_PATTERN.test(pairId)) throw new NotFoundError('no such pair', 'pairId');
    if (!isSessionId(sessionId)) throw new NotFoundError('no such session', 'sessionId');
    const listed = this.assertListed(actor, pairId);
    const pairRead = this.readBesideIndex(actor, pairId, () => this.docs.read<PairDocument>(keys.pair(pairId)));
    const sessionRead = this.readBesideIndex(actor, pairId, () => this.readSession(pairId, sessionId));
    // No calendar work for a session beyond the horizon (refused below, after the index).
    const { earliest, latest } = horizonOf(this.deps.clock.now());
    const at = startFromSessionId(sessionId);
    const seen = at >= earliest && at <= latest ? this.remembered.get(pairId) : undefined;
    const calendarRead = seen && this.readBesideIndex(actor, pairId, async () => this.listEarly(seen, sessionId));
    await listed;
    assertWithinHorizon(startFromSessionId(sessionId), this.deps.clock.now(), 'sessionId');
    const session = sessionRead ?? this.readSession(pairId, sessionId);
    const early = seen && (calendarRead ? await calendarRead : this.listEarly(seen, sessionId));
    // Not awaited when membership fails: they must not surface as unhandled rejections.
    session.catch(() => undefined);
    early?.occurrences.catch(() => undefined);
    const membership = await this.readMembership(actor, pairId, pairRead);
    const timeline = await this.timeline(membership.pair, sessionId, { session, early });
    const history = await this.historyOfView(membership.pair, timeline);
    return {
      ...membership,
      ...(history && { pair: history, stored: membership.pair }),
      ...timeline,
      session: await session,
    };
  }

  /** The pair with the archives a view of an older session needs, or undefined when the live pair has it all. */
  private async historyOfView(pair: PairDocument, { slot, slots }: { slot: Slot; slots: Slot[] }) {
    const start = Date.parse(slot.occurrence.start);
    const index = slots.indexOf(slot);
    const previous = slots
      .slice(0, Math.max(index, 0))
      .reverse()
      .find((s) => s.status !== 'skipped' && s.status !== 'cancelled');
    const previousStart = previous && Date.parse(previous.occurrence.start);
    const now = this.deps.clock.now().getTime();
    if (!viewReachesArchive(start, previousStart, now)) return undefined;
    return withArchives(pair, await this.readArchives(pair.id, viewPeriods(start, previousStart, now)));
  }

  /**
   * The pair with its archived history merged back: the quarters from `from` (all of them when absent)
   * through now. For what reads history (health, export, every action item), never for a write's basis.
   */
  async withHistory(pair: PairDocument, from?: Date): Promise<PairDocument> {
    const periods = from
      ? periodsBetween(from.getTime(), this.deps.clock.now().getTime())
      : (await this.docs.store.list(keys.archives(pair.id))).map((key) => key.slice(key.lastIndexOf('/') + 1));
    return withArchives(pair, await this.readArchives(pair.id, periods));
  }

  private async readArchives(pairId: string, periods: readonly string[]): Promise<Array<ArchiveDocument | undefined>> {
    return Promise.all(
      periods.map(async (period) => (await this.docs.read<ArchiveDocument>(keys.archive(pairId, period)))?.body),
    );
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
    await this.assertWritableById(pairId);
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
    let settles = false;
    const result = await this.docs.mutate<PairDocument, R>(
      key,
      (current) => {
        if (!current || current.deleting) throw new NotFoundError('no such pair', 'pairId');
        assertWritable(current);
        const { changed, result } = apply(current);
        if (changed) assertDocumentSize(current, 'this 1:1');
        if (changed) settles = settledOf(current, this.deps.clock.now().getTime()).size > 0;
        return changed ? { write: current, result } : { result };
      },
      basis && { key, etag: basis.etag, body: structuredClone(basis.stored ?? basis.pair) },
    );
    // The write is made: a move that fails now is made by a later write (the material stays live meanwhile).
    if (settles) await this.settle(pairId).catch(() => undefined);
    return result;
  }

  /**
   * Moves what is finished out of the live pair document into its quarters' archives (core/model/archive.ts):
   * the archives first, then the pair without what they now hold, so a crash in between leaves a copy in
   * both (readers prefer the live one) and the next write moves it again. This is also how a pair stored
   * before archives existed is migrated: on its first write.
   */
  async settle(pairId: string): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const read = await this.docs.read<PairDocument>(keys.pair(pairId));
    if (!read) return;
    const settled = settledOf(read.body, now);
    if (settled.size === 0) return;
    await Promise.all(
      [...settled].map(([period, moved]) =>
        this.docs.mutate<ArchiveDocument, void>(keys.archive(pairId, period), (current) => {
          const archive = current ?? { schema: 1, pairId, period, topics: [], actionItems: [] };
          return mergeIntoArchive(archive, moved) ? { write: archive, result: undefined } : { result: undefined };
        }),
      ),
    );
    const moved = [...settled.values()];
    const topics = new Map(moved.flatMap((m) => m.topics).map((t) => [t.id, t.rev]));
    const items = new Map(moved.flatMap((m) => m.actionItems).map((a) => [a.id, a.rev]));
    await this.docs.mutate<PairDocument, void>(
      keys.pair(pairId),
      (current) => {
        if (!current) return { result: undefined };
        // Only the versions archived: one edited meanwhile stays live until the next move.
        const before = current.topics.length + current.actionItems.length;
        current.topics = current.topics.filter((t) => topics.get(t.id) !== t.rev);
        current.actionItems = current.actionItems.filter((a) => items.get(a.id) !== a.rev);
        const changed = current.topics.length + current.actionItems.length < before;
        return changed ? { write: current, result: undefined } : { result: undefined };
      },
      read,
    );
  }

  /** A pair this process has seen (read, or just created): its calendar can be read before it next time. */
  remember(pair: PairDocument): void {
    this.remembered.delete(pair.id);
    if (this.remembered.size >= REMEMBERED_PAIRS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(pair.id, {
      calendar: pair.calendar,
      topics: pair.topics,
      archived: !!pair.archived,
      ...(pair.calendarFrom && { calendarFrom: pair.calendarFrom }),
      ...(pair.pastOccurrences && { pastOccurrences: pair.pastOccurrences }),
    });
  }

  /**
   * Refuses a write to an archived 1:1. Session and private-note writes follow a read of the pair in the
   * same request (remembered here); a pair no longer remembered is read again.
   */
  async assertWritableById(pairId: string): Promise<void> {
    const seen = this.remembered.get(pairId);
    if (seen) {
      if (seen.archived) throw archivedError();
      return;
    }
    const pair = (await this.docs.read<PairDocument>(keys.pair(pairId)))?.body;
    if (pair) assertWritable(pair);
  }

  /** The calendar read for the window the pair had when last seen, started before the pair is read again. */
  private listEarly(seen: Remembered, sessionId: string) {
    const { from, to } = windowOf(seen.topics, sessionId);
    const occurrences = occurrencesOf(this.deps.calendar, seen, from, to);
    occurrences.catch(() => undefined);
    return { from, calendarOf: seen, occurrences };
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

/** A write to a session that is over (held, skipped or cancelled), with the code clients say in words. */
export function sessionConcluded(status: Slot['status'], hint = ''): ConflictError {
  const code =
    status === 'skipped' ? 'session-skipped' : status === 'cancelled' ? 'session-cancelled' : 'session-ended';
  return new ConflictError(`this session is ${status}${hint}`, 'sessionId').withCode(code);
}

/** Read-only 1:1s refuse every write of their two people with the same problem. */
export function assertWritable(pair: PairDocument): void {
  if (pair.archived) throw archivedError();
}

function archivedError(): ConflictError {
  return new ConflictError('this 1:1 is archived: it can be read, not changed', 'pairId').withCode('pair-archived');
}

/** Deleted ones are gone; a leaver's archived 1:1 stays readable only until its read period ends. */
export function isVisible(pair: PairDocument, now: Date): boolean {
  if (pair.deleting) return false;
  return !pair.archived?.readUntil || Date.parse(pair.archived.readUntil) > now.getTime();
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
