import { keys, type UserId } from '../model/documents';
import { startFromSessionId } from '../model/ids';
import { ownValue } from '../model/own-keys';
import { toTopicView, topicsOfSession } from '../model/agenda-view';
import type { PairExport } from '../model/pair-export';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

/** History export (JSON, or Markdown from it). Built per reader: their own private notes and rating only. */
export class ExportUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async exportPair(actor: UserId, pairId: string): Promise<PairExport> {
    const { pair } = await this.access.member(actor, pairId);
    const now = this.deps.clock.now();
    const earliest = [
      pair.createdAt,
      ...pair.topics.map((t) => t.sessionId && startFromSessionId(t.sessionId).toISOString()),
    ]
      .filter((v): v is string => Boolean(v))
      .sort()[0]!;
    const slots = (await this.access.slots(pair, new Date(earliest), now)).filter(
      (s) => s.occurrence.start <= now.toISOString(),
    );
    const storedIds = new Set((await this.deps.store.list(keys.sessions(pairId))).map((k) => k.split('/').pop()));
    const people = await this.access.people(pair);
    const sessions = await Promise.all(
      slots.map(async (slot) => {
        const [session, privateNotes] = await Promise.all([
          storedIds.has(slot.id) ? this.access.readSession(pairId, slot.id) : undefined,
          this.access.readPrivateNotes(actor, pairId, slot.id),
        ]);
        const rating = ownValue(session?.ratings, actor);
        return {
          id: slot.id,
          start: slot.occurrence.start,
          status: slot.status,
          topics: topicsOfSession(pair, slot, slots).map((t) => toTopicView(pair, t, slot)),
          checkIns: Object.entries(session?.checkIns ?? {}).map(([userId, c]) => ({ userId, ...c })),
          sharedNotes: session?.sharedNotes ?? [],
          feedback: session?.feedback ?? [],
          myPrivateNotes: privateNotes?.notes ?? [],
          ...(rating && { myRating: rating.score }),
        };
      }),
    );
    return {
      format: 'tandem.pair-export/1',
      exportedAt: now.toISOString(),
      exportedBy: actor === pair.managerId ? people.manager : people.report,
      pairId,
      manager: people.manager,
      report: people.report,
      cadence: pair.cadence,
      goals: pair.goals,
      actionItems: pair.actionItems,
      backlog: pair.topics.filter((t) => !t.sessionId).map((t) => ({ id: t.id, title: t.title, authorId: t.authorId })),
      sessions,
    };
  }
}
