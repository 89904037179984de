import { cadenceDrift, healthAdvice, ratingGap } from '../../core/model/health-advice';
import type { PairHealth } from '../../core/model/health';
import { closedRatingPeriods } from '../../core/model/rating-periods';
import type { ReleasedRatings } from '../../core/use-cases/insights';
import { useDemoServer } from '../support/demo-server';
import { OTHER_PAIR, PAIR, THIRD_PAIR, sessionPath } from '../support/demo';
import { TandemClient, jsonOf, type AgendaBody } from '../support/tandem-client';

interface SessionItem {
  readonly id: string;
  readonly status: string;
}

/** The demo as a fresh `npm start` seeds it: Avery's meeting health has something to show above the threshold. */
describe('meeting health in a fresh demo', () => {
  const demo = useDemoServer('demo-health');

  test("Avery sees last quarter's pooled rating released, with her own beside it and what to try", async () => {
    const released = await demo.avery.getJson<ReleasedRatings>('/api/me/ratings');
    const last = released.periods.at(-1)!;

    expect(last.period).toBe(closedRatingPeriods(new Date(), 1)[0]);
    expect(last).toMatchObject({ available: true, average: expect.any(Number), managerAverage: expect.any(Number) });
    // Managers tend to rate their 1:1s higher than their reports do; the demo shows the advice for it.
    expect(ratingGap(last)).toMatchObject({ adviceDue: true });
    // A release says the average and nothing from which one rater's score could be worked out.
    expect(Object.keys(last).sort()).toEqual(['available', 'average', 'from', 'managerAverage', 'period', 'to']);
  });

  test('each 1:1 has its measures, and the drifted one, the one with late next steps and the manager-led one say what to try', async () => {
    const [blake, casey, emery] = await Promise.all(
      [PAIR, OTHER_PAIR, THIRD_PAIR].map((pair) => demo.avery.getJson<PairHealth>(`/api/pairs/${pair}/health`)),
    );

    for (const health of [blake!, casey!, emery!]) {
      expect(health.cadenceKept.denominator).toBeGreaterThan(0);
      expect(health.reportTopicShare.denominator).toBeGreaterThan(0);
      expect(health.actionItemsDoneOnTime.denominator).toBeGreaterThan(0);
      expect(health.time.totalSeconds).toBeGreaterThan(0);
      expect(health.moodTrend.points.length).toBeGreaterThan(1);
    }
    expect(healthAdvice(blake!, 'weekly')).toEqual([]);
    expect(cadenceDrift('biweekly', casey!.averageDaysBetweenSessions)).toMatchObject({ real: 'monthly' });
    expect(healthAdvice(casey!, 'biweekly').map((a) => a.kind)).toEqual(['drift', 'kept', 'on-time']);
    expect(healthAdvice(emery!, 'monthly').map((a) => a.kind)).toEqual(['topics']);
  });

  test("Blake sees his own rating of a past session and nobody else's, and no pooled figures", async () => {
    const { sessions } = await demo.blake.getJson<{ sessions: SessionItem[] }>(
      `/api/pairs/${PAIR}/sessions?from=${new Date(Date.now() - 60 * 86_400_000).toISOString()}&to=${new Date().toISOString()}`,
    );
    const past = sessions.find((s) => s.status === 'held' && s.id !== demo.heldSessionId)!;
    const agenda = await demo.blake.getJson<AgendaBody>(sessionPath(past.id));

    expect(agenda.myRating).toEqual(expect.any(Number));
    expect(JSON.stringify(agenda)).not.toMatch(/"ratings"|"score"|managerAverage/);
    expect((await demo.blake.get('/api/me/ratings')).status).toBe(403);
    expect((await demo.blake.get(`/api/pairs/${OTHER_PAIR}/health`)).status).toBe(404);
    const exported = await demo.blake.get(`/api/pairs/${PAIR}/export`);
    expect(exported.status).toBe(200);
    expect(exported.text).not.toMatch(/"ratings"|"score"/);

    // Casey's own view of her 1:1 holds her rating only: not Avery's.
    const casey = await TandemClient.signIn(demo.url, 'casey');
    const caseyExport = jsonOf<{ sessions: Array<{ myRating?: number }> }>(
      await casey.get(`/api/pairs/${OTHER_PAIR}/export`),
    );
    expect(caseyExport.sessions.filter((s) => s.myRating !== undefined).length).toBeGreaterThan(0);
    expect(JSON.stringify(caseyExport)).not.toMatch(/"ratings"|"score"/);
  });
});
