import { keys, type PairDocument, type UserId } from '../model/documents';
import { startFromSessionId } from '../model/ids';
import { ownValue } from '../model/own-keys';
import { toTopicView, topicsOfSession } from '../model/agenda-view';
import { isShared, visibleTo } from '../model/private-topics';
import type { PairExport } from '../model/pair-export';
import { isCustomSectionId, sectionsOf, templateForSession, type CustomSectionId } from '../model/templates';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;
/** How far ahead an original start may lie for its meeting to have been held already (moved or held early). */
const HELD_EARLY_DAYS = 100;

/** The sections a session's own template version added and showed, with their titles. */
function addedSections(pair: PairDocument, sessionId: string) {
  return sectionsOf(templateForSession(pair, sessionId))
    .filter((s): s is typeof s & { id: CustomSectionId } => isCustomSectionId(s.id) && !s.hidden)
    .map((s) => ({
      id: s.id,
      ...(s.title !== undefined && { title: s.title }),
      ...(s.titleKey !== undefined && { titleKey: s.titleKey }),
    }));
}

/** History export (JSON, or Markdown from it). Built per reader: their own private notes and rating only. */
export class ExportUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /**
   * `sharedOnly`: the shared record alone (agenda, shared notes, goals, action items), without anyone's
   * private notes, private topics, rating, check-ins or feedback: what a report lets their new manager read.
   */
  async exportPair(actor: UserId, pairId: string, { sharedOnly = false } = {}): Promise<PairExport> {
    const stored = await this.access.withHistory((await this.access.member(actor, pairId)).pair);
    // The export is the actor's: their own private topics, never the other person's (none when shared).
    const pair = { ...stored, topics: stored.topics.filter(sharedOnly ? isShared : visibleTo(actor)) };
    const now = this.deps.clock.now();
    const earliest = [
      pair.createdAt,
      ...pair.topics.map((t) => t.sessionId && startFromSessionId(t.sessionId).toISOString()),
    ]
      .filter((v): v is string => Boolean(v))
      .sort()[0]!;
    // What took place, by when it took place: an occurrence moved earlier or held ahead of its slot counts
    // though its original start is still ahead (up to HELD_EARLY_DAYS ahead).
    const slots = (
      await this.access.slots(pair, new Date(earliest), new Date(now.getTime() + HELD_EARLY_DAYS * DAY))
    ).filter((s) => s.occurrence.start <= now.toISOString() || s.status === 'held' || s.status === 'in-progress');
    const byWhen = [...slots].sort((a, b) => a.at.localeCompare(b.at));
    const storedIds = new Set((await this.deps.store.list(keys.sessions(pairId))).map((k) => k.split('/').pop()));
    const people = await this.access.people(pair);
    const sessions = await Promise.all(
      byWhen.map(async (slot) => {
        const [session, privateNotes] = await Promise.all([
          storedIds.has(slot.id) ? this.access.readSession(pairId, slot.id) : undefined,
          sharedOnly ? undefined : this.access.readPrivateNotes(actor, pairId, slot.id),
        ]);
        const rating = sharedOnly ? undefined : ownValue(session?.ratings, actor);
        return {
          id: slot.id,
          start: slot.occurrence.start,
          status: slot.status,
          ...(slot.status === 'held' && { heldAt: slot.at }),
          topics: topicsOfSession(pair, slot, slots).map((t) => toTopicView(pair, t, slot, slots)),
          checkIns: sharedOnly ? [] : Object.entries(session?.checkIns ?? {}).map(([userId, c]) => ({ userId, ...c })),
          sharedNotes: session?.sharedNotes ?? [],
          feedback: sharedOnly ? [] : (session?.feedback ?? []),
          myPrivateNotes: privateNotes?.notes ?? [],
          ...(rating && { myRating: rating.score }),
          addedSections: addedSections(pair, slot.id),
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
