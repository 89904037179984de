import { createHarness, PEOPLE_WITH_THIRD_REPORT, type PairFixture } from '../../tests/support/use-case-harness';
import { ratingPeriodOf } from '../model/rating-periods';

/*
 * An adversarial manager against pooled ratings. A script (seeded, so a failure can be replayed) interleaves
 * reports rating and re-rating their recent sessions, a report joining and one leaving, time passing over
 * three quarters, and the manager reading everything Tandem lets them: the pooled ratings, each 1:1's health,
 * the agenda of every session just rated, the pair export, and the live events sent to them. The manager's
 * view is the list of everything those reads returned.
 *
 * What is checked, for every script:
 * 1. Never revised: a quarter's figure, once shown, is the same in every later read.
 * 2. One rating moves one pooled figure: two worlds that differ only in the score of one rating give views
 *    that are equal except for the average of the quarter that rating was given in, and that quarter pools at
 *    least three distinct raters (else it is hidden in both worlds and the views are equal).
 * 3. No single rating can be told: when that rating is shown pooled, a third world in which it is one point
 *    higher (or lower) and another rater's rating in the same quarter one point lower (or higher) gives the
 *    manager exactly the same view. So the view is consistent with more than one value of every rating
 *    shown, unless every other rating of its quarter sits at the same extreme (all 5s or all 1s), which no
 *    average can hide and the test counts but does not assert against.
 */

const PEOPLE = [
  ...PEOPLE_WITH_THIRD_REPORT,
  { id: 'erin', displayName: 'Erin Park', email: 'erin@tandem.example', managerId: 'avery' },
];
const DAY = 86_400_000;
const START = Date.parse('2026-03-02T08:00:00Z');
const END = Date.parse('2026-10-15T00:00:00Z');

type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'rate'; rater: string; back: number; score: number }
  | { kind: 'read' }
  | { kind: 'join' }
  | { kind: 'leave'; rater: string };

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function script(seed: number): Step[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const steps: Step[] = [];
  let t = START;
  let joined = false;
  let gone = false;
  while (t < END) {
    const r = next();
    if (r < 0.35) {
      const ms = Math.floor(next() * 9 * DAY);
      steps.push({ kind: 'advance', ms });
      t += ms;
    } else if (r < 0.9) {
      steps.push({
        kind: 'rate',
        rater: pick(['blake', 'casey', 'drew', 'erin']),
        back: Math.floor(next() * 5),
        score: 1 + Math.floor(next() * 5),
      });
    } else if (r < 0.96) steps.push({ kind: 'read' });
    else if (!joined && t > START + 60 * DAY) {
      steps.push({ kind: 'join' });
      joined = true;
    } else if (!gone && t > START + 120 * DAY) {
      steps.push({ kind: 'leave', rater: pick(['blake', 'casey', 'drew']) });
      gone = true;
    }
  }
  steps.push({ kind: 'read' });
  return steps;
}

interface Run {
  readonly view: unknown[];
  /** Per step index of a rating that was applied: the quarter it was given in and its session. */
  readonly rated: Map<number, { rater: string; period: string; session: string }>;
}

async function play(steps: readonly Step[], scores: ReadonlyMap<number, number> = new Map()): Promise<Run> {
  const h = createHarness({ people: PEOPLE, now: new Date(START) });
  const pairs = new Map<string, PairFixture>();
  for (const reportId of ['blake', 'casey', 'drew']) pairs.set(reportId, await h.createPair({ reportId }));
  const left = new Set<string>();
  const view: unknown[] = [];
  const rated: Run['rated'] = new Map();
  const seen = () => h.changes.filter((c) => c.onlyFor === undefined || c.onlyFor === 'avery');
  let delivered = 0;

  for (const [i, step] of steps.entries()) {
    const now = h.clock.now().getTime();
    if (step.kind === 'advance') h.clock.set(new Date(now + step.ms));
    else if (step.kind === 'join') {
      // Erin's 1:1 starts on the next Thursday.
      const day = new Date(now + ((4 - new Date(now).getUTCDay() + 7) % 7 || 7) * DAY);
      const startDate = day.toISOString().slice(0, 10);
      pairs.set('erin', await h.createPair({ reportId: 'erin', startDate, time: '15:00' }));
    } else if (step.kind === 'leave') left.add(step.rater);
    else if (step.kind === 'rate') {
      const pair = pairs.get(step.rater);
      if (!pair || left.has(step.rater)) continue;
      // The step.back-th most recent session that is over, if it is recent enough to rate.
      const heldCount = Math.floor((now - pair.start(0).getTime() - 31 * 60_000) / (7 * DAY)) + 1;
      const n = heldCount - 1 - step.back;
      if (n < 0 || now - pair.start(n).getTime() > 90 * DAY) continue;
      const score = scores.get(i) ?? step.score;
      await h.uc.sessions.rate(step.rater, pair.pairId, pair.sessionId(n), score);
      rated.set(i, { rater: step.rater, period: ratingPeriodOf(h.clock.now()), session: pair.sessionId(n) });
      // The manager looks at everything they can see about that session right after.
      view.push(await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(n)));
    } else {
      view.push(await h.uc.insights.pooledRatings('avery'));
      for (const pair of pairs.values()) {
        const to = h.clock.now();
        view.push(await h.uc.insights.pairHealth('avery', pair.pairId, new Date(to.getTime() - 90 * DAY), to));
        view.push(await h.uc.exports.exportPair('avery', pair.pairId));
      }
      const events = seen();
      view.push(events.slice(delivered));
      delivered = events.length;
    }
  }
  return { view: JSON.parse(JSON.stringify(view)) as unknown[], rated };
}

interface Released {
  readonly period: string;
  readonly available: boolean;
  readonly average?: number;
}

function releasesIn(view: readonly unknown[]): Released[][] {
  return view
    .filter((v): v is { periods: Released[] } => typeof v === 'object' && v !== null && 'periods' in v)
    .map((v) => v.periods);
}

/** The view with every pooled average of `period` blanked out. */
function withoutAverageOf(view: readonly unknown[], period: string): unknown[] {
  return view.map((v) =>
    typeof v === 'object' && v !== null && 'periods' in v
      ? {
          ...v,
          periods: (v as { periods: Released[] }).periods.map((p) =>
            p.period === period ? { ...p, average: 'blanked' } : p,
          ),
        }
      : v,
  );
}

/** A rating step that is the last rating of its session by its rater: it counts toward its quarter. */
function isFinal(run: Run, i: number): boolean {
  const r = run.rated.get(i)!;
  return ![...run.rated.entries()].some(([j, o]) => j > i && o.rater === r.rater && o.session === r.session);
}

const SEEDS = Array.from({ length: 12 }, (_, i) => 1000 + i * 7919);

describe('pooled ratings against an adversarial manager', () => {
  let deniable = 0;
  let extreme = 0;

  afterAll(() => {
    // The third property must actually have been exercised, not vacuously true.
    expect(deniable).toBeGreaterThan(SEEDS.length);
    expect(extreme).toBeLessThan(deniable);
  });

  it.each(SEEDS)(
    'holds for script %i',
    async (seed) => {
      const steps = script(seed);
      const a = await play(steps);

      // 1. Never revised.
      const first = new Map<string, Released>();
      for (const periods of releasesIn(a.view)) {
        for (const p of periods) {
          if (!first.has(p.period)) first.set(p.period, p);
          expect({ seed, release: p }).toEqual({ seed, release: first.get(p.period) });
        }
      }
      expect([...first.values()].some((p) => p.available)).toBe(true);

      const next = random(seed ^ 0x5bd1e995);
      const ratingSteps = [...a.rated.keys()];
      for (let trial = 0; trial < 3; trial++) {
        const k = ratingSteps[Math.floor(next() * ratingSteps.length)]!;
        const step = steps[k] as Extract<Step, { kind: 'rate' }>;
        const { period, rater } = a.rated.get(k)!;

        // 2. One rating moves at most the average of its own quarter, and only where that quarter is pooled.
        const other = ((step.score + 1 + Math.floor(next() * 4)) % 5) + 1;
        const b = await play(steps, new Map([[k, other]]));
        expect({ seed, k, view: withoutAverageOf(b.view, period) }).toEqual({
          seed,
          k,
          view: withoutAverageOf(a.view, period),
        });
        if (JSON.stringify(b.view) !== JSON.stringify(a.view)) {
          expect({ seed, k, available: first.get(period)?.available }).toEqual({ seed, k, available: true });
        }

        // 3. Deniability: shift this rating and another rater's final rating of the same quarter oppositely.
        if (!isFinal(a, k) || first.get(period)?.available !== true) continue;
        let found = false;
        for (const delta of [1, -1]) {
          if (step.score + delta < 1 || step.score + delta > 5) continue;
          const j = ratingSteps.find((j) => {
            const o = a.rated.get(j)!;
            const s = (steps[j] as Extract<Step, { kind: 'rate' }>).score;
            return o.period === period && o.rater !== rater && isFinal(a, j) && s - delta >= 1 && s - delta <= 5;
          });
          if (j === undefined) continue;
          const c = await play(
            steps,
            new Map([
              [k, step.score + delta],
              [j, (steps[j] as Extract<Step, { kind: 'rate' }>).score - delta],
            ]),
          );
          expect({ seed, k, j, view: c.view }).toEqual({ seed, k, j, view: a.view });
          found = true;
          break;
        }
        if (found) deniable++;
        else extreme++;
      }
      // Generous: a script replays the world up to seven times, and the machine may be busy.
    },
    120_000,
  );
});
