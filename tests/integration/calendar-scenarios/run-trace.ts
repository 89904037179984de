import { sessionIdFromStart } from '../../../core/model/ids';
import type { SessionListItem } from '../../../core/use-cases/schedule';
import { topicsOf } from '../../support/use-case-harness';
import type { Expectation, Step, Trace } from './trace';
import type { World } from './worlds';

const PAIR = 'avery-blake';

/** `2026-03-10T10:00Z` → a Date. */
const instant = (at: string): Date => {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${at}`);
  return date;
};
const short = (iso: string): string => `${iso.slice(0, 16)}Z`;
const sessionOf = (at: string): string => sessionIdFromStart(instant(at));

/** One session line as traces write them: "<original start>[ → <start>] <status>". */
export function describeSession(s: SessionListItem): string {
  return `${short(s.originalStart)}${s.moved ? ` → ${short(s.start)}` : ''} ${s.status}`;
}

/** Replays a trace step by step; a failing step names its place in the trace. */
export async function runTrace(trace: Trace, world: World): Promise<void> {
  await world.asUser('avery', () =>
    world.uc.pairs.create('avery', { id: PAIR, reportId: 'blake', cadence: trace.cadence }),
  );
  for (const [index, step] of trace.steps.entries()) {
    try {
      await runStep(step, world);
    } catch (error) {
      if (error instanceof Error) error.message = `step ${index + 1} ${JSON.stringify(step)}: ${error.message}`;
      throw error;
    }
  }
  world.verify();
}

async function runStep(step: Step, world: World): Promise<void> {
  const { uc } = world;
  const avery = <T>(call: () => Promise<T>) => world.asUser('avery', call);
  if ('clock' in step) return world.clock.set(instant(step.clock));
  if ('addTopic' in step) {
    const { session, title, by = 'blake' } = step.addTopic;
    await world.asUser(by, () => uc.topics.add(by, PAIR, sessionOf(session), { title }));
    return;
  }
  if ('skip' in step) return avery(() => uc.schedule.skip('avery', PAIR, sessionOf(step.skip)));
  if ('move' in step) {
    await avery(() => uc.schedule.move('avery', PAIR, sessionOf(step.move.session), instant(step.move.to)));
    return;
  }
  if ('changeCadence' in step) {
    await avery(() => uc.schedule.changeCadence('avery', PAIR, step.changeCadence));
    return;
  }
  if ('end' in step) return avery(() => uc.sessions.setState('avery', PAIR, sessionOf(step.end), 'ended'));
  if ('outlookMove' in step) {
    const { calendar } = await world.pair(PAIR);
    return world.outlookMove(calendar, instant(step.outlookMove.session).toISOString(), instant(step.outlookMove.to));
  }
  if ('outlookCancel' in step) {
    const { calendar } = await world.pair(PAIR);
    return world.outlookCancel(calendar, instant(step.outlookCancel).toISOString());
  }
  return world.asUser('blake', () => check(step.expect, world));
}

async function check(expected: Expectation, world: World): Promise<void> {
  const { uc } = world;
  if (expected.sessions) {
    const { from, to, are } = expected.sessions;
    const sessions = await uc.schedule.list('blake', PAIR, instant(from), instant(to));
    expect(sessions.map(describeSession)).toEqual(are);
  }
  if (expected.next !== undefined || expected.cadence) {
    const mine = (await uc.pairs.me('blake')).pairs.find((p) => p.id === PAIR);
    if (expected.next !== undefined) expect(mine?.nextSession?.id).toBe(sessionOf(expected.next));
    if (expected.cadence) expect(mine?.cadence).toMatchObject(expected.cadence);
  }
  for (const [session, titles] of Object.entries(expected.topics ?? {})) {
    const view = await uc.sessions.agenda('blake', PAIR, sessionOf(session));
    expect({ session, topics: topicsOf(view).map((t) => t.title) }).toEqual({ session, topics: titles });
  }
}
