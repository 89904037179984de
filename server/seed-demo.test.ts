import { closedRatingPeriods } from '../core/model/rating-periods';
import { healthAdvice, ratingGap } from '../core/model/health-advice';
import { poolTimeShare } from '../core/model/health';
import { createHarness } from '../tests/support/use-case-harness';
import { DEMO_PAIRS, seedDemo } from './seed-demo';

const DAY = 86_400_000;

describe('the demo seed', () => {
  // Early, late and in the middle of a quarter: the seed is relative to now, whatever day the demo starts.
  it.each(['2027-01-02T07:30:00Z', '2026-09-29T18:00:00Z', '2026-05-14T12:00:00Z'])(
    'started at %s, gives Avery released pooled views and advice to show',
    async (at) => {
      const now = new Date(at);
      const h = createHarness({ now });
      expect(await seedDemo(h.deps, now)).toBe(true);
      h.clock.set(now);

      const released = await h.uc.insights.pooledRatings('avery');
      const last = released.periods.at(-1)!;
      expect(last.period).toBe(closedRatingPeriods(now, 1)[0]);
      expect(ratingGap(last)).toMatchObject({ adviceDue: true });

      const from = new Date(now.getTime() - 90 * DAY);
      const [blake, casey, emery] = await Promise.all(
        Object.values(DEMO_PAIRS).map((pair) => h.uc.insights.pairHealth('avery', pair, from, now)),
      );
      expect(poolTimeShare([blake!.time, casey!.time, emery!.time])).toMatchObject({ available: true });
      expect(healthAdvice(blake!, 'weekly')).toEqual([]);
      expect(healthAdvice(casey!, 'biweekly').map((a) => a.kind)).toEqual(['drift', 'kept', 'on-time']);
      expect(healthAdvice(emery!, 'monthly').map((a) => a.kind)).toEqual(['topics']);

      // Tomorrow's session with Blake and the one in three days with Casey are still ahead, as the demo tells.
      const me = await h.uc.pairs.me('avery');
      const nextOf = (id: string) => me.pairs.find((p) => p.id === id)?.nextSession?.start;
      expect(Date.parse(nextOf(DEMO_PAIRS.averyBlake)!) - now.getTime()).toBeLessThanOrEqual(2 * DAY);
      expect(Date.parse(nextOf(DEMO_PAIRS.averyCasey)!) - now.getTime()).toBeLessThanOrEqual(4 * DAY);
    },
  );

  it('seeds only into an empty store: a restart does not add it again', async () => {
    const now = new Date('2026-11-28T03:00:00Z');
    const h = createHarness({ now });
    expect(await seedDemo(h.deps, now)).toBe(true);
    const keys = (await h.store.list('pairs')).length;
    expect(await seedDemo(h.deps, new Date(now.getTime() + DAY))).toBe(false);
    expect((await h.store.list('pairs')).length).toBe(keys);
  });
});
