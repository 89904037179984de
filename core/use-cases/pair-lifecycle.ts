import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import {
  keys,
  type ChatIndexDocument,
  otherMember,
  roleOf,
  type Goal,
  type PairArchive,
  type PairDocument,
  type PairProposal,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { CLIENT_ID_PATTERN, encodeChatId } from '../model/ids';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;
/** How long the remaining person of a leaver's 1:1 keeps reading it (docs/pair-lifecycle.md). */
export const LEAVER_READ_DAYS = 365;
/** How many pair documents reconciliation reads at once. */
const READ_BATCH = 32;

/** What a reconciliation changed, for the log and for the bot to tell both people. */
export interface LifecycleEvent {
  readonly pairId: string;
  readonly reason: PairArchive['reason'];
  readonly managerId: UserId;
  readonly reportId: UserId;
  readonly newManagerId?: UserId;
}

/**
 * The life of a 1:1 around its sessions: archived (read-only for both), restored, deleted with its data,
 * and followed through directory changes (a report's new manager, a leaver). The rules are written down in
 * docs/pair-lifecycle.md.
 */
export class PairLifecycleUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /** Either person archives: from then on every write of either is refused (`pair-archived`). Idempotent. */
  async archive(actor: UserId, pairId: string): Promise<PairArchive> {
    await this.access.member(actor, pairId);
    const archived = await this.setArchive(pairId, (pair) => pair.archived ?? this.archiveBy(actor, 'by-person'));
    this.access.publish({ pairId, kind: 'pair', by: actor });
    return archived;
  }

  /** Either person restores a 1:1 they archived; one archived by the directory stays archived. */
  async unarchive(actor: UserId, pairId: string): Promise<void> {
    const { pair } = await this.access.member(actor, pairId);
    if (!pair.archived) return;
    if (pair.archived.reason !== 'by-person')
      throw new ConflictError(
        'this 1:1 was archived because the organisation changed: it cannot be restored',
        'pairId',
      ).withCode('pair-archived');
    await this.access.docs.mutate<PairDocument, void>(keys.pair(pairId), (current) => {
      if (!current || current.deleting) throw new NotFoundError('no such pair', 'pairId');
      if (!current.archived || current.archived.reason !== 'by-person') return { result: undefined };
      delete current.archived;
      return { write: current, result: undefined };
    });
    this.access.publish({ pairId, kind: 'pair', by: actor });
  }

  /**
   * Either person deletes the 1:1 with everything in it: the calendar series (Outlook cancels it for both),
   * sessions, both people's private notes, the meeting chat's index, both indexes, then the pair. The pair
   * is marked first, so it vanishes at once and a retry (or the next reconciliation) finishes the job.
   * Returns the other person, whom the bot tells.
   */
  async remove(actor: UserId, pairId: string): Promise<{ other: UserId }> {
    const index = CLIENT_ID_PATTERN.test(pairId)
      ? await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor))
      : undefined;
    const read = index?.body.pairIds.includes(pairId)
      ? await this.access.docs.read<PairDocument>(keys.pair(pairId))
      : undefined;
    if (!read || !roleOf(read.body, actor)) throw new NotFoundError('no such pair', 'pairId');
    const pair = await this.access.docs.mutate<PairDocument, PairDocument>(keys.pair(pairId), (current) => {
      if (!current) throw new NotFoundError('no such pair', 'pairId');
      if (current.deleting) return { result: current };
      current.deleting = { at: this.access.now(), by: actor };
      return { write: current, result: current };
    });
    await this.purge(pair);
    const other = otherMember(pair, actor);
    this.access.publish({ pairId, kind: 'pair-deleted', by: actor, onlyFor: other });
    return { other };
  }

  /**
   * A person's data deleted on their request (docs/pair-lifecycle.md): every 1:1 they are in, with its data
   * (the other person is told of each, as for a deletion), and their index. Only the person themselves may
   * ask; `system` is the operator's path for a leaver, who can no longer sign in. Returns the 1:1s deleted.
   */
  async erasePerson(actor: UserId | { readonly system: true }, userId: UserId): Promise<string[]> {
    if (!/^[A-Za-z0-9_.@-]{1,200}$/.test(userId)) throw new ValidationError('is not a user id', 'userId');
    if (typeof actor === 'string' && actor !== userId)
      throw new ForbiddenError('only the person themselves can have their data deleted', 'userId');
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(userId));
    const removed: string[] = [];
    for (const pairId of index?.body.pairIds ?? []) {
      const pair = (await this.access.docs.read<PairDocument>(keys.pair(pairId)))?.body;
      if (pair && roleOf(pair, userId)) {
        await this.remove(userId, pairId);
        removed.push(pairId);
      }
    }
    await this.deps.store.delete(keys.userIndex(userId));
    return removed;
  }

  /**
   * The report of an archived 1:1 whose manager changed picks which of their open goals and development
   * items go on in their new 1:1 (where they are the report too). Only what they pick is copied — titles,
   * details and open milestones, never the sessions that discussed them — so nothing of the shared history
   * reaches the new manager without the report's consent. A goal carried once is not copied again.
   */
  async carryOver(actor: UserId, toPairId: string, fromPairId: string, goalIds: readonly string[]): Promise<Goal[]> {
    const [from, to] = await Promise.all([this.access.member(actor, fromPairId), this.access.member(actor, toPairId)]);
    if (from.role !== 'report' || to.role !== 'report')
      throw new ForbiddenError('only the report decides what carries over', 'fromPairId');
    if (!from.pair.archived) throw new ValidationError('must be an archived 1:1 of yours', 'fromPairId');
    const chosen = goalIds.map((id) => {
      const goal = from.pair.goals.find((g) => g.id === id);
      if (!goal || goal.status !== 'active') throw new ValidationError(`has no open goal ${id}`, 'goalIds');
      return goal;
    });
    const now = this.access.now();
    return this.access.mutatePair(toPairId, (pair) => {
      const carried = new Set(pair.carriedFrom ?? []);
      const copies: Goal[] = [];
      for (const goal of chosen) {
        const mark = `${fromPairId}/${goal.id}`;
        if (carried.has(mark)) continue;
        carried.add(mark);
        copies.push({
          id: this.deps.ids.newId(),
          kind: goal.kind,
          title: goal.title,
          ...(goal.detail && { detail: goal.detail }),
          ...(goal.competency && { competency: goal.competency }),
          ...(goal.learningFormat && { learningFormat: goal.learningFormat }),
          status: 'active',
          milestones: goal.milestones.filter((m) => !m.doneAt).map((m) => ({ ...m })),
          sessionIds: [],
          createdBy: actor,
          createdAt: now,
          rev: 1,
        });
      }
      pair.goals.push(...copies);
      pair.carriedFrom = [...carried];
      return { changed: copies.length > 0, result: copies };
    });
  }

  /** Either person of a proposal puts it away (the new 1:1 was made, or is not wanted). */
  async dismissProposal(actor: UserId, fromPairId: string): Promise<void> {
    if (!CLIENT_ID_PATTERN.test(fromPairId)) throw new ValidationError('is not a 1:1 id', 'fromPairId');
    await this.access.docs.mutate<UserIndexDocument, void>(keys.userIndex(actor), (current) => {
      if (!current?.proposals?.some((p) => p.fromPairId === fromPairId)) return { result: undefined };
      current.proposals = current.proposals.filter((p) => p.fromPairId !== fromPairId);
      return { write: current, result: undefined };
    });
  }

  /**
   * The periodic reconciliation with the directory (a system task, also run on demand in the demo): a 1:1
   * whose report now has another manager is archived and a new one proposed to the report and the new
   * manager; a 1:1 with someone the directory no longer knows is archived, readable by the remaining person
   * for LEAVER_READ_DAYS. Deletions interrupted half-way are finished. Returns what changed.
   */
  async reconcile(): Promise<LifecycleEvent[]> {
    const pairKeys = (await this.deps.store.list('pairs')).filter((k) => /^pairs\/[^/]+\/pair$/.test(k));
    const events: LifecycleEvent[] = [];
    for (let i = 0; i < pairKeys.length; i += READ_BATCH) {
      const docs = await Promise.all(
        pairKeys.slice(i, i + READ_BATCH).map((k) => this.access.docs.read<PairDocument>(k)),
      );
      for (const doc of docs) {
        if (!doc) continue;
        const pair = doc.body;
        if (pair.deleting) {
          await this.purge(pair);
          continue;
        }
        if (pair.archived) continue;
        const event = await this.directoryChange(pair);
        if (!event) continue;
        await this.setArchive(pair.id, (current) => current.archived ?? this.archiveFor(event));
        for (const userId of [pair.managerId, pair.reportId])
          this.access.publish({ pairId: pair.id, kind: 'pair-archived', by: 'directory', onlyFor: userId });
        if (event.newManagerId) {
          await this.propose(pair, event.newManagerId);
          // The bot announces the proposal to both people of the new 1:1 (server/bot-wiring.ts).
          for (const userId of [pair.reportId, event.newManagerId])
            this.access.publish({ pairId: pair.id, kind: 'pair-proposed', by: 'directory', onlyFor: userId });
        }
        events.push(event);
      }
    }
    return events;
  }

  private async directoryChange(pair: PairDocument): Promise<LifecycleEvent | undefined> {
    const { directory } = this.deps;
    const [manager, report] = await Promise.all([
      directory.getPerson(pair.managerId),
      directory.getPerson(pair.reportId),
    ]);
    const base = { pairId: pair.id, managerId: pair.managerId, reportId: pair.reportId };
    if (!manager || !report) return { ...base, reason: 'left' };
    const current = await directory.getManager(pair.reportId);
    if (current?.id === pair.managerId) return undefined;
    return { ...base, reason: 'manager-changed', ...(current && { newManagerId: current.id }) };
  }

  private archiveFor(event: LifecycleEvent): PairArchive {
    const archive = this.archiveBy('directory', event.reason);
    if (event.reason === 'left')
      return {
        ...archive,
        readUntil: new Date(this.deps.clock.now().getTime() + LEAVER_READ_DAYS * DAY).toISOString(),
      };
    return { ...archive, ...(event.newManagerId && { newManagerId: event.newManagerId }) };
  }

  private archiveBy(by: PairArchive['by'], reason: PairArchive['reason']): PairArchive {
    return { at: this.access.now(), by, reason };
  }

  private setArchive(pairId: string, next: (pair: PairDocument) => PairArchive): Promise<PairArchive> {
    return this.access.docs.mutate<PairDocument, PairArchive>(keys.pair(pairId), (current) => {
      if (!current || current.deleting) throw new NotFoundError('no such pair', 'pairId');
      if (current.archived) return { result: current.archived };
      current.archived = next(current);
      return { write: current, result: current.archived };
    });
  }

  /** The new 1:1 shows in both people's tab (report and new manager) until made or dismissed. */
  private async propose(pair: PairDocument, newManagerId: UserId): Promise<void> {
    const proposal: PairProposal = {
      fromPairId: pair.id,
      managerId: newManagerId,
      reportId: pair.reportId,
      at: this.access.now(),
    };
    for (const userId of [pair.reportId, newManagerId]) {
      await this.access.docs.mutate<UserIndexDocument, void>(keys.userIndex(userId), (current) => {
        const doc = current ?? { schema: 1, pairIds: [] };
        if (doc.proposals?.some((p) => p.fromPairId === pair.id)) return { result: undefined };
        doc.proposals = [...(doc.proposals ?? []), proposal];
        return { write: doc, result: undefined };
      });
    }
  }

  /** Everything of a pair marked for deletion, the pair document last. Each step is safe to repeat. */
  private async purge(pair: PairDocument): Promise<void> {
    const { store, personalStores, calendar } = this.deps;
    await calendar.cancelSeries?.(pair.calendar).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
    });
    for (const key of await store.list(keys.sessions(pair.id))) await store.delete(key);
    for (const key of await store.list(keys.archives(pair.id))) await store.delete(key);
    for (const userId of [pair.managerId, pair.reportId]) {
      // A private store may be reachable only from its owner's own request (Microsoft 365 mode): what cannot be
      // reached stays with its author, who can delete it with their own data (docs/pair-lifecycle.md).
      try {
        const own = personalStores.forUser(userId);
        for (const key of await own.list(keys.privateNotesOfPair(pair.id))) await own.delete(key);
      } catch {
        continue;
      }
    }
    if (pair.calendar.chatId) {
      const key = keys.chatIndex(encodeChatId(pair.calendar.chatId));
      const chat = await this.access.docs.read<ChatIndexDocument>(key);
      if (chat?.body.pairId === pair.id) await store.delete(key, { ifMatch: chat.etag });
    }
    for (const userId of [pair.managerId, pair.reportId]) {
      await this.access.docs.mutate<UserIndexDocument, void>(keys.userIndex(userId), (current) => {
        if (!current?.pairIds.includes(pair.id)) return { result: undefined };
        current.pairIds = current.pairIds.filter((id) => id !== pair.id);
        return { write: current, result: undefined };
      });
    }
    await store.delete(keys.pair(pair.id));
  }
}
