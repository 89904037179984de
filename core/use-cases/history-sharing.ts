import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { keys, type PairDocument, type UserId, type UserIndexDocument } from '../model/documents';
import { CLIENT_ID_PATTERN } from '../model/ids';
import type { PersonRef } from '../model/agenda-view';
import type { PairExport } from '../model/pair-export';
import type { TandemDeps } from './deps';
import type { ExportUseCases } from './export';
import { isVisible, type PairAccess } from './pair-access';

/** An earlier 1:1 of someone else whose report let the reader see its shared record. */
export interface SharedHistoryRef {
  readonly pairId: string;
  readonly manager: PersonRef;
  readonly report: PersonRef;
  /** When the 1:1 was archived (the manager change). */
  readonly archivedAt: string;
}

/**
 * Consent to read an earlier 1:1 (docs/pair-lifecycle.md): after a manager change the report may let their new
 * manager read the old 1:1's shared record, and take it back at any time. Not shared unless the report says
 * so; never private notes, ratings, check-ins or feedback. The pair document's `archived.sharedWith` is the
 * rule; the reader's index only lists what to look at.
 */
export class HistorySharingUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
    private readonly exports: ExportUseCases,
  ) {}

  /** The report of a 1:1 archived by a manager change shares its shared record with the new manager, or stops. */
  async setShared(actor: UserId, pairId: string, shared: boolean): Promise<{ shared: boolean }> {
    const { pair, role } = await this.access.member(actor, pairId);
    if (role !== 'report') throw new ForbiddenError('only the report decides who else reads this 1:1', 'pairId');
    const reader = pair.archived?.reason === 'manager-changed' ? pair.archived.newManagerId : undefined;
    if (!reader) throw new ValidationError('must be a 1:1 archived because your manager changed', 'pairId');
    await this.access.docs.mutate<PairDocument, void>(keys.pair(pairId), (current) => {
      if (!current?.archived || current.deleting) throw new NotFoundError('no such pair', 'pairId');
      if ((current.archived.sharedWith === reader) === shared) return { result: undefined };
      const { sharedWith: _, ...rest } = current.archived;
      current.archived = shared ? { ...rest, sharedWith: reader } : rest;
      return { write: current, result: undefined };
    });
    // Granted: the pair says so first, then the listing. Taken back: the pair says so at once (reads check it);
    // the listing is tidied after.
    await this.access.docs.mutate<UserIndexDocument, void>(keys.userIndex(reader), (current) => {
      const doc = current ?? { schema: 1, pairIds: [] };
      const listed = doc.sharedWithMe?.includes(pairId) ?? false;
      if (listed === shared) return { result: undefined };
      doc.sharedWithMe = shared
        ? [...(doc.sharedWithMe ?? []), pairId]
        : (doc.sharedWithMe ?? []).filter((id) => id !== pairId);
      return { write: doc, result: undefined };
    });
    this.access.publish({ pairId, kind: 'pair', by: actor });
    return { shared };
  }

  /** The earlier 1:1s shared with the reader, still shared and readable. */
  async sharedWithMe(actor: UserId): Promise<SharedHistoryRef[]> {
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor));
    const refs: SharedHistoryRef[] = [];
    for (const pairId of index?.body.sharedWithMe ?? []) {
      const pair = await this.readable(actor, pairId).catch(() => undefined);
      if (!pair) continue;
      refs.push({ pairId, ...(await this.access.people(pair)), archivedAt: pair.archived!.at });
    }
    return refs;
  }

  /**
   * The shared record of an earlier 1:1, read-only, for the person its report shared it with. Anyone else gets
   * exactly what a 1:1 that does not exist gets (its own two people read it through the export).
   */
  async sharedHistory(actor: UserId, pairId: string): Promise<PairExport> {
    const pair = await this.readable(actor, pairId);
    const record = await this.exports.exportPair(pair.reportId, pairId, { sharedOnly: true });
    return { ...record, exportedBy: await this.access.personRef(actor) };
  }

  /** Listed in the reader's own index first (an outsider reads only that), then the pair's consent decides. */
  private async readable(actor: UserId, pairId: string): Promise<PairDocument> {
    const listed =
      CLIENT_ID_PATTERN.test(pairId) &&
      ((await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor)))?.body.sharedWithMe?.includes(pairId) ??
        false);
    const pair = listed ? (await this.access.docs.read<PairDocument>(keys.pair(pairId)))?.body : undefined;
    if (!pair?.archived || pair.archived.sharedWith !== actor || !isVisible(pair, this.deps.clock.now()))
      throw new NotFoundError('no such pair', 'pairId');
    return pair;
  }
}
