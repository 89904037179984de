import { FixedClock } from '../core/clock';
import { createUseCases, type TandemDeps } from '../core/use-cases';
import { sessionIdFromStart } from '../core/model/ids';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const DEMO_PAIRS = { averyBlake: 'avery-blake', averyCasey: 'avery-casey', averyEmery: 'avery-emery' } as const;

/**
 * The demo organisation's 1:1s, written through the use-cases (so the data is exactly what the product
 * would have made) on a clock walked through the past session. Only into an empty store.
 *
 * Avery–Blake, weekly: one held session last week (topics, one left open and carried over, shared and
 * private notes, check-ins, two action items of which one is done) and the next one upcoming tomorrow.
 * Avery–Casey, every two weeks, first session in three days. Avery–Emery, monthly, first session in five days:
 * Avery has three reports, so the pooled views (ratings by quarter) can be seen above their minimum of raters.
 */
export async function seedDemo(deps: TandemDeps, now: Date): Promise<boolean> {
  if ((await deps.store.list('pairs')).length > 0) return false;
  const clock = new FixedClock(now);
  const uc = createUseCases({ ...deps, clock, changes: { publish: () => undefined } });

  const tomorrow = new Date(now.getTime() + DAY);
  const next = new Date(Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), 10, 0));
  const held = new Date(next.getTime() - 7 * DAY);
  const heldId = sessionIdFromStart(held);
  const nextId = sessionIdFromStart(next);
  const date = (d: Date) => d.toISOString().slice(0, 10);

  clock.set(new Date(held.getTime() - 3 * DAY));
  const pair = DEMO_PAIRS.averyBlake;
  await uc.pairs.create('avery', {
    id: pair,
    reportId: 'blake',
    cadence: { frequency: 'weekly', startDate: date(held), time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  });
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
  for (const id of ['seed-t1', 'seed-t3']) await uc.topics.edit('avery', pair, heldId, id, { rev: 1, discussed: true });
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

  const casey = new Date(now.getTime() + 3 * DAY);
  await uc.pairs.create('avery', {
    id: DEMO_PAIRS.averyCasey,
    reportId: 'casey',
    cadence: { frequency: 'biweekly', startDate: date(casey), time: '14:00', timeZone: 'UTC', durationMinutes: 30 },
  });
  const emery = new Date(now.getTime() + 5 * DAY);
  await uc.pairs.create('avery', {
    id: DEMO_PAIRS.averyEmery,
    reportId: 'emery',
    cadence: { frequency: 'monthly', startDate: date(emery), time: '15:00', timeZone: 'UTC', durationMinutes: 30 },
  });
  return true;
}
