import { Documents } from '../concurrency/documents';
import { NotFoundError } from '../errors';
import {
  emptySession,
  keys,
  roleOf,
  type PairDocument,
  type PrivateNotesDocument,
  type Role,
  type SessionDocument,
  type UserId,
} from '../model/documents';
import { CLIENT_ID_PATTERN, isSessionId, sessionIdFromStart, startFromSessionId } from '../model/ids';
import { isConcluded, toSlot, type Slot } from '../model/timeline';
import type { PersonRef } from '../model/agenda-view';
import type { PairChange } from '../ports/change-feed';
import type { TandemDeps } from './deps';

const DAY = 86_400_000;
/** How far back an unfinished topic is still carried: older ones stay in history, not on the agenda. */
const CARRY_WINDOW_DAYS = 400;
/** Far enough to find the session before or after this one at any cadence. */
const NEXT_WINDOW_DAYS = 40;

export interface Membership {
  readonly pair: PairDocument;
  readonly role: Role;
}

export interface SessionContext extends Membership {
  readonly slot: Slot;
  /** Slots from the earliest open topic's session through the next session after this one. */
  readonly slots: readonly Slot[];
}

/**
 * Loading a pair always goes through here, so authorization is one rule in one place: only the two people
 * of a pair get it; everyone else gets exactly what a pair that does not exist gets.
 */
export class PairAccess {
  readonly docs: Documents;
  private readonly privateDocsByUser = new Map<UserId, Documents>();

  constructor(readonly deps: TandemDeps) {
    this.docs = new Documents(deps.store);
  }

  async member(actor: UserId, pairId: string): Promise<Membership> {
    const pair = CLIENT_ID_PATTERN.test(pairId)
      ? (await this.docs.read<PairDocument>(keys.pair(pairId)))?.body
      : undefined;
    const role = pair && roleOf(pair, actor);
    if (!pair || !role) throw new NotFoundError('no such pair', 'pairId');
    return { pair, role };
  }

  /** The pair and the session's place in its timeline; 404 when the series has no such occurrence. */
  async session(actor: UserId, pairId: string, sessionId: string): Promise<SessionContext> {
    const membership = await this.member(actor, pairId);
    return { ...membership, ...(await this.timeline(membership.pair, sessionId)) };
  }

  async timeline(pair: PairDocument, sessionId: string): Promise<{ slot: Slot; slots: Slot[] }> {
    if (!isSessionId(sessionId)) throw new NotFoundError('no such session', 'sessionId');
    const at = startFromSessionId(sessionId).getTime();
    const earliestOpen = pair.topics
      .filter((t) => !t.discussedIn && t.sessionId && t.sessionId < sessionId)
      .reduce((min, t) => Math.min(min, startFromSessionId(t.sessionId!).getTime()), at);
    // Reach back at least one occurrence at any cadence: progress shows what closed since the previous one.
    const from = new Date(Math.max(Math.min(earliestOpen, at - NEXT_WINDOW_DAYS * DAY), at - CARRY_WINDOW_DAYS * DAY));
    const slots = await this.slots(pair, from, new Date(at + NEXT_WINDOW_DAYS * DAY), sessionId);
    const slot = slots.find((s) => s.id === sessionId);
    if (!slot) throw new NotFoundError('no such session', 'sessionId');
    return { slot, slots };
  }

  /**
   * Slots in [from, to). Session documents are read only where they can change the status: an occurrence
   * that is under way or within a day, the next one, one asked for by id (any of these may have been started or
   * ended early), or a cancelled one (skipped in Tandem or cancelled elsewhere).
   */
  async slots(pair: PairDocument, from: Date, to: Date, alsoRead?: string): Promise<Slot[]> {
    const now = this.deps.clock.now();
    const occurrences = await this.deps.calendar.listOccurrences(pair.calendar, from, to);
    const soon = now.getTime() + DAY;
    // The next occurrence may have been started or ended early even when it is more than a day ahead; one
    // ended early makes the one after it the next, so read on until one that was not ended.
    const known = new Map<string, SessionDocument | undefined>();
    for (const occurrence of occurrences) {
      if (occurrence.status === 'cancelled' || Date.parse(occurrence.end) <= now.getTime()) continue;
      const id = sessionIdFromStart(occurrence.originalStart);
      const doc = await this.readSession(pair.id, id);
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
        const doc = await this.readSession(pair.id, slot.id);
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
      return changed ? { write: session, result } : { result };
    });
  }

  async mutatePair<R>(pairId: string, apply: (pair: PairDocument) => { changed: boolean; result: R }): Promise<R> {
    return this.docs.mutate<PairDocument, R>(keys.pair(pairId), (current) => {
      if (!current) throw new NotFoundError('no such pair', 'pairId');
      const { changed, result } = apply(current);
      return changed ? { write: current, result } : { result };
    });
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
