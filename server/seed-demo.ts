import { FixedClock } from '../core/clock';
import { createUseCases, type TandemDeps } from '../core/use-cases';
import { sessionIdFromStart } from '../core/model/ids';
import { cycle, historyStart, playHistory, type HistoryProfile } from './seed-demo-history';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const DEMO_PAIRS = { averyBlake: 'avery-blake', averyCasey: 'avery-casey', averyEmery: 'avery-emery' } as const;

/**
 * The demo organisation's 1:1s, written through the use-cases (so the data is exactly what the product
 * would have made) on a clock walked through the past session. Only into an empty store.
 *
 * Avery–Blake, weekly: one held session last week (topics, one left open and carried over, shared and
 * private notes, check-ins, two action items of which one is done) and the next one upcoming tomorrow.
 * Avery–Casey, every two weeks, next session in three days. Avery–Emery, monthly.
 *
 * Each 1:1 has a past since the start of the last closed quarter (seed-demo-history.ts), so meeting health has
 * something to say: Avery has three reports who rated, so the pooled views (ratings by quarter, time) are
 * released; Casey's 1:1 drifted to monthly and its next steps come late; in Emery's, Avery raises most topics;
 * Avery rates the 1:1s higher than the reports do. Dates are relative to `now`: the demo is the same any day.
 */
export async function seedDemo(deps: TandemDeps, now: Date): Promise<boolean> {
  if ((await deps.store.list('pairs')).length > 0) return false;
  const quiet = { ...deps, changes: { publish: () => undefined } };
  const clock = new FixedClock(now);
  const uc = createUseCases({ ...quiet, clock });

  const tomorrow = new Date(now.getTime() + DAY);
  const next = new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 10, 0));
  const held = new Date(next.getTime() - 7 * DAY);
  const heldId = sessionIdFromStart(held);
  const nextId = sessionIdFromStart(next);
  const date = (d: Date) => d.toISOString().slice(0, 10);

  const since = historyStart(now);
  const blakeFirst = new Date(held.getTime() - Math.ceil((held.getTime() - since.getTime()) / (7 * DAY)) * 7 * DAY);
  clock.set(new Date(blakeFirst.getTime() - 3 * DAY));
  const pair = DEMO_PAIRS.averyBlake;
  await uc.pairs.create('avery', {
    id: pair,
    reportId: 'blake',
    cadence: { frequency: 'weekly', startDate: date(blakeFirst), time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  });

  /** Last week's session with Blake, and tomorrow's agenda, as before the history. */
  const lastWeek = async () => {
    clock.set(new Date(held.getTime() - 3 * DAY));
    await uc.topics.add('blake', pair, heldId, {
      id: 'seed-t1',
      title: 'Feedback on my design review',
      section: 'topics',
    });
    await uc.topics.add('blake', pair, heldId, {
      id: 'seed-t2',
      title: 'Conference budget for next year',
      section: 'topics',
    });
    await uc.topics.add('avery', pair, heldId, { id: 'seed-t3', title: 'On-call rotation changes', section: 'topics' });
    await uc.commitments.addGoal('blake', pair, {
      id: 'seed-g1',
      kind: 'development',
      title: 'Lead a cross-team design review',
      competency: 'Technical leadership',
      learningFormat: 'cross-team',
      milestones: [
        { id: 'seed-m1', title: 'Shadow a review run by another team', due: date(new Date(held.getTime() + 14 * DAY)) },
        { id: 'seed-m2', title: 'Run one review with Avery as backup', due: date(new Date(held.getTime() + 45 * DAY)) },
      ],
    });

    clock.set(new Date(held.getTime() + 5 * 60_000));
    await uc.sessions.checkIn('blake', pair, heldId, { mood: 4, line: 'Good week, release went out' });
    await uc.sessions.checkIn('avery', pair, heldId, { mood: 3, line: 'Busy with planning' });
    for (const id of ['seed-t1', 'seed-t3'])
      await uc.topics.edit('avery', pair, heldId, id, { rev: 1, discussed: true });
    await uc.sessions.addNote('avery', pair, heldId, {
      id: 'seed-n1',
      text: 'Design review went well; next time bring the trade-offs up front.',
      private: false,
    });
    await uc.sessions.addNote('avery', pair, heldId, {
      id: 'seed-n2',
      text: 'Blake seems stretched by on-call; check in on workload next time.',
      private: true,
    });
    await uc.sessions.giveFeedback('blake', pair, heldId, {
      id: 'seed-f1',
      text: 'The early heads-up on the reorg really helped.',
    });
    await uc.commitments.addActionItem('blake', pair, {
      id: 'seed-a1',
      text: 'Write up the design review trade-offs',
      ownerId: 'blake',
      due: date(new Date(held.getTime() + 3 * DAY)),
      sessionId: heldId,
    });
    await uc.commitments.addActionItem('avery', pair, {
      id: 'seed-a2',
      text: 'Ask finance about the conference budget',
      ownerId: 'avery',
      due: date(new Date(next.getTime() - DAY)),
      sessionId: heldId,
    });
    await uc.sessions.rate('blake', pair, heldId, 4);

    clock.set(new Date(held.getTime() + 2 * DAY));
    await uc.commitments.editActionItem('blake', pair, 'seed-a1', { rev: 1, status: 'done' });

    clock.set(new Date(Math.min(now.getTime(), next.getTime() - HOUR)));
    await uc.topics.add('blake', pair, nextId, { id: 'seed-t4', title: 'Promotion timeline', section: 'topics' });
  };

  // Casey: every two weeks, the next in three days; the first as far back as the history goes.
  const casey = new Date(now.getTime() + 3 * DAY);
  const caseyFirst = new Date(casey.getTime() - Math.ceil((casey.getTime() - since.getTime()) / (14 * DAY)) * 14 * DAY);
  clock.set(new Date(caseyFirst.getTime() - 3 * DAY));
  await uc.pairs.create('avery', {
    id: DEMO_PAIRS.averyCasey,
    reportId: 'casey',
    cadence: {
      frequency: 'biweekly',
      startDate: date(caseyFirst),
      time: '14:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    },
  });
  // Emery: monthly on the second week's weekday of the history's first month (a day every month has).
  const emeryFirst = new Date(since.getTime() + 8 * DAY);
  clock.set(new Date(emeryFirst.getTime() - 3 * DAY));
  await uc.pairs.create('avery', {
    id: DEMO_PAIRS.averyEmery,
    reportId: 'emery',
    cadence: { frequency: 'monthly', startDate: date(emeryFirst), time: '15:00', timeZone: 'UTC', durationMinutes: 30 },
  });
  // Each 1:1's past on its own clock, side by side: they touch no common document.
  const history = (profile: HistoryProfile, from: Date, until: Date) =>
    playHistory(quiet, profile, { from, until, now });
  await Promise.all([
    history(BLAKE, blakeFirst, held).then(lastWeek),
    history(CASEY, caseyFirst, now),
    history(EMERY, emeryFirst, now),
  ]);
  return true;
}

/** Blake's weekly 1:1 is healthy: mostly Blake's topics, next steps mostly on time. */
const BLAKE: HistoryProfile = {
  pairId: DEMO_PAIRS.averyBlake,
  reportId: 'blake',
  managerId: 'avery',
  skipped: () => false,
  topics: (i) => [
    {
      by: 'report',
      title: cycle(['Code review turnaround', 'Search latency work', 'Mentoring the new hire', 'Test flakiness'])(i),
    },
    ...(i % 3 === 0
      ? [{ by: 'manager' as const, title: cycle(['Planning the next quarter', 'Team offsite', 'Hiring loop'])(i) }]
      : []),
  ],
  mood: cycle([4, 3, 4, 5]),
  reportRating: cycle([4, 3, 4, 4, 3]),
  managerRating: cycle([5, undefined, 4, undefined, 5, undefined]),
  actionItem: (i) =>
    i % 3 === 0
      ? {
          text: cycle(['Draft the design note', 'Pair on the flaky test', 'Share the review checklist'])(i),
          by: 'report',
          late: i === 3,
        }
      : undefined,
};

/** Casey's 1:1 every two weeks drifted to monthly (every other one skipped), and next steps come late. */
const CASEY: HistoryProfile = {
  pairId: DEMO_PAIRS.averyCasey,
  reportId: 'casey',
  managerId: 'avery',
  skipped: (i) => i % 2 === 1,
  topics: (i) => [
    { by: 'report', title: cycle(['On-call load', 'Career path to senior', 'Migration plan'])(i) },
    { by: 'manager', title: cycle(['Roadmap update', 'Budget review'])(i) },
  ],
  mood: cycle([3, 2, 3]),
  reportRating: cycle([3, 2, 3]),
  managerRating: cycle([4, 5]),
  actionItem: (i) => ({
    text: cycle(['Write the migration runbook', 'Book the architecture review'])(i),
    by: 'report',
    late: i % 6 !== 0,
  }),
};

/** Emery's monthly 1:1: Avery raises most of the topics. */
const EMERY: HistoryProfile = {
  pairId: DEMO_PAIRS.averyEmery,
  reportId: 'emery',
  managerId: 'avery',
  skipped: () => false,
  topics: (i) => [
    { by: 'manager', title: cycle(['Project status', 'Release schedule'])(i) },
    { by: 'manager', title: cycle(['Process changes', 'Customer escalation'])(i) },
    ...(i % 2 === 0 ? [{ by: 'report' as const, title: cycle(['Learning budget', 'Working from Lisbon'])(i) }] : []),
  ],
  mood: cycle([4, 4, 3]),
  reportRating: cycle([4, 3, 4]),
  managerRating: cycle([5, 5, 4]),
  actionItem: (i) => ({
    text: cycle(['Send the release notes', 'Update the status page'])(i),
    by: 'manager',
    late: false,
  }),
};
