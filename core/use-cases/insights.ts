import { LIMITS } from '../contract/limits';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { keys, type SessionDocument, type UserId, type UserIndexDocument } from '../model/documents';
import { computePairHealth, poolRatings, type PairHealth, type PooledRating } from '../model/health';
import { sessionIdFromStart } from '../model/ids';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;

function assertPeriod(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime())) throw new ValidationError('must be a date-time', 'from');
  if (Number.isNaN(to.getTime())) throw new ValidationError('must be a date-time', 'to');
  if (!(to > from)) throw new ValidationError('must be after from', 'to');
  if (to.getTime() - from.getTime() > LIMITS.periodDays * DAY) {
    throw new ValidationError(`the period may span at most ${LIMITS.periodDays} days`, 'to');
  }
}

/** Is the practice working? Derived metrics, never typed in. */
export class InsightUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async pairHealth(actor: UserId, pairId: string, from: Date, to: Date): Promise<PairHealth> {
    assertPeriod(from, to);
    const { pair } = await this.access.member(actor, pairId);
    const [slots, sessions] = await Promise.all([this.access.slots(pair, from, to), this.sessionsIn(pairId, from, to)]);
    return computePairHealth({ pair, slots, sessions, from, to, now: this.deps.clock.now() });
  }

  /** Only the manager sees this, and only pooled over all their reports. */
  async pooledRatings(actor: UserId, from: Date, to: Date): Promise<PooledRating & { from: string; to: string }> {
    assertPeriod(from, to);
    const reports = await this.deps.directory.getDirectReports(actor);
    if (reports.length === 0) throw new ForbiddenError('pooled ratings are for managers', 'user');
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor));
    const ratings: Array<{ raterId: string; score: number }> = [];
    for (const pairId of index?.body.pairIds ?? []) {
      // The index is written before the pair document: a create that failed in between left an id with no pair.
      const membership = await this.access.member(actor, pairId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (membership?.role !== 'manager') continue;
      const { pair } = membership;
      for (const session of (await this.sessionsIn(pairId, from, to)).values()) {
        const rating = session.ratings[pair.reportId];
        if (rating) ratings.push({ raterId: pair.reportId, score: rating.score });
      }
    }
    return { ...poolRatings(ratings), from: from.toISOString(), to: to.toISOString() };
  }

  private async sessionsIn(pairId: string, from: Date, to: Date): Promise<Map<string, SessionDocument>> {
    const first = sessionIdFromStart(from);
    const last = sessionIdFromStart(to);
    const prefix = `${keys.sessions(pairId)}/`;
    const ids = (await this.deps.store.list(keys.sessions(pairId)))
      .map((key) => key.slice(prefix.length))
      .filter((id) => id >= first && id < last);
    const docs = await Promise.all(ids.map((id) => this.access.readSession(pairId, id)));
    return new Map(docs.filter((d): d is SessionDocument => d !== undefined).map((d) => [d.id, d]));
  }
}
