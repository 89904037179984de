import { LIMITS } from '../contract/limits';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import {
  keys,
  type PairDocument,
  type RatingRelease,
  type RatingReleasesDocument,
  type SessionDocument,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { computePairHealth, MIN_DISTINCT_RATERS, poolRatings, type PairHealth } from '../model/health';
import { assertWithinHorizon } from '../model/horizon';
import { sessionIdFromStart } from '../model/ids';
import { ownValue } from '../model/own-keys';
import {
  closedRatingPeriods,
  ratingPeriodBounds,
  ratingPeriodOf,
  RATING_PERIOD,
  RATING_WINDOW_DAYS,
} from '../model/rating-periods';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;
/** How many closed quarters the manager's view lists: two years. */
const RELEASED_PERIODS = 8;

function assertPeriod(from: Date, to: Date, now: Date): void {
  if (Number.isNaN(from.getTime())) throw new ValidationError('must be a date-time', 'from');
  if (Number.isNaN(to.getTime())) throw new ValidationError('must be a date-time', 'to');
  if (!(to > from)) throw new ValidationError('must be after from', 'to');
  if (to.getTime() - from.getTime() > LIMITS.periodDays * DAY) {
    throw new ValidationError(`the period may span at most ${LIMITS.periodDays} days`, 'to');
  }
  assertWithinHorizon(from, now, 'from');
  assertWithinHorizon(to, now, 'to');
}

export interface ReleasedRatings {
  /** What a period is: a calendar quarter in UTC. */
  readonly periodKind: string;
  readonly minimumRaters: number;
  /** The most recent closed periods, oldest first; each as it was released, never revised. */
  readonly periods: Array<RatingRelease & { readonly from: string; readonly to: string }>;
}

/** Is the practice working? Derived metrics, never typed in. */
export class InsightUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async pairHealth(actor: UserId, pairId: string, from: Date, to: Date): Promise<PairHealth> {
    assertPeriod(from, to, this.deps.clock.now());
    const pair = await this.access.withHistory((await this.access.member(actor, pairId)).pair, from);
    const [slots, sessions] = await Promise.all([this.access.slots(pair, from, to), this.sessionsIn(pairId, from, to)]);
    return computePairHealth({ pair, slots, sessions, from, to, now: this.deps.clock.now() });
  }

  /**
   * Only the manager sees this: pooled over all their reports, per closed calendar quarter. A quarter is
   * released the first time it is asked for after it closed and kept as released: a rating given later
   * counts toward the quarter it is given in, so no two releases ever differ by one rating.
   */
  async pooledRatings(actor: UserId): Promise<ReleasedRatings> {
    const reports = await this.deps.directory.getDirectReports(actor);
    if (reports.length === 0) throw new ForbiddenError('pooled ratings are for managers', 'user');
    const wanted = closedRatingPeriods(this.deps.clock.now(), RELEASED_PERIODS);
    const key = keys.ratingReleases(actor);
    const stored = (await this.access.docs.read<RatingReleasesDocument>(key))?.body.releases ?? [];
    const missing = wanted.filter((p) => !stored.some((r) => r.period === p));
    let releases = stored;
    if (missing.length > 0) {
      const computed = await this.pool(actor, missing);
      releases = await this.access.docs.mutate<RatingReleasesDocument, RatingRelease[]>(key, (current) => {
        const doc: RatingReleasesDocument = current ?? { schema: 1, releases: [] };
        // Another request may have released some of these meanwhile: the first release stands.
        const fresh = computed.filter((c) => !doc.releases.some((r) => r.period === c.period));
        if (fresh.length === 0) return { result: doc.releases };
        doc.releases.push(...fresh);
        return { write: doc, result: doc.releases };
      });
    }
    return {
      periodKind: RATING_PERIOD,
      minimumRaters: MIN_DISTINCT_RATERS,
      periods: wanted.map((period) => {
        const release = releases.find((r) => r.period === period)!;
        const { from, to } = ratingPeriodBounds(period);
        return { ...release, from: from.toISOString(), to: to.toISOString() };
      }),
    };
  }

  /** The reports' current ratings that count toward each of `periods`, pooled per period. */
  private async pool(actor: UserId, periods: readonly string[]): Promise<RatingRelease[]> {
    // A rating counts toward the period it was given in, and a session is rated within RATING_WINDOW_DAYS
    // of its start: so only sessions from that long before the first period can hold one.
    const from = new Date(ratingPeriodBounds(periods[0]!).from.getTime() - RATING_WINDOW_DAYS * DAY);
    const to = ratingPeriodBounds(periods[periods.length - 1]!).to;
    const byPeriod = new Map<string, Array<{ raterId: string; score: number }>>(periods.map((p) => [p, []]));
    const ownByPeriod = new Map<string, number[]>(periods.map((p) => [p, []]));
    const periodOf = (rating: { period?: string; at: string }) => rating.period ?? ratingPeriodOf(new Date(rating.at));
    for (const pair of await this.managedPairs(actor)) {
      for (const session of (await this.sessionsIn(pair.id, from, to)).values()) {
        const rating = ownValue(session.ratings, pair.reportId);
        if (rating) byPeriod.get(periodOf(rating))?.push({ raterId: pair.reportId, score: rating.score });
        const own = ownValue(session.ratings, actor);
        if (own) ownByPeriod.get(periodOf(own))?.push(own.score);
      }
    }
    return periods.map((period): RatingRelease => {
      const pooled = poolRatings(byPeriod.get(period)!);
      const own = ownByPeriod.get(period)!;
      // The manager's own figure only beside a released pool: never a comparison where the pool is hidden.
      if (!pooled.available || own.length === 0) return { period, ...pooled };
      const managerAverage = Math.round((own.reduce((a, b) => a + b, 0) / own.length) * 10) / 10;
      return { period, ...pooled, managerAverage };
    });
  }

  private async managedPairs(actor: UserId): Promise<PairDocument[]> {
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor));
    const pairs: PairDocument[] = [];
    for (const pairId of index?.body.pairIds ?? []) {
      // The index is written before the pair document: a create that failed in between left an id with no pair.
      const membership = await this.access.member(actor, pairId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (membership?.role === 'manager') pairs.push(membership.pair);
    }
    return pairs;
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
