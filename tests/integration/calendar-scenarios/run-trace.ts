import { sessionIdFromStart } from '../../../core/model/ids';
import type { SessionListItem } from '../../../core/use-cases/schedule';
import { topicsOf } from '../../support/use-case-harness';
import type { Expectation, Person, Step, Trace } from './trace';
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

/** What steps leave for later ones: the series made last in Outlook. */
interface TraceState {
  newSeries?: string;
}

/** Replays a trace step by step; a failing step names its place in the trace. */
export async function runTrace(trace: Trace, world: World): Promise<void> {
  await world.asUser('avery', () =>
    world.uc.pairs.create('avery', { id: PAIR, reportId: 'blake', cadence: trace.cadence }),
  );
  const state: TraceState = {};
  for (const [index, step] of trace.steps.entries()) {
    try {
      await runStep(step, world, state);
    } catch (error) {
      if (error instanceof Error) error.message = `step ${index + 1} ${JSON.stringify(step)}: ${error.message}`;
      throw error;
    }
  }
  world.verify();
}

async function runStep(step: Step, world: World, state: TraceState): Promise<void> {
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
    const { session, to, by = 'avery' } = step.move;
    await world.asUser(by, () => uc.schedule.move(by, PAIR, sessionOf(session), instant(to)));
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
  if ('outlookSplit' in step) {
    if (!world.outlookSplit) throw new Error('this mode has no Outlook to split a series in');
    const { calendar } = await world.pair(PAIR);
    state.newSeries = await world.outlookSplit(calendar, step.outlookSplit.from, step.outlookSplit.cadence);
    return;
  }
  if ('outlookDeleteSeries' in step) return world.outlookDeleteSeries((await world.pair(PAIR)).calendar);
  if ('outlookNewSeries' in step) {
    const { by, with: attendee, cadence } = step.outlookNewSeries;
    state.newSeries = await world.outlookNewSeries(by, attendee, cadence);
    return;
  }
  if ('linkSeries' in step) {
    const { by } = step.linkSeries;
    if (!state.newSeries) throw new Error('no series was made to link');
    await world.asUser(by, () => uc.pairSeries.link(by, PAIR, state.newSeries!));
    return;
  }
  if ('directory' in step) {
    const { person, managerId, left } = step.directory;
    if (left) world.directory.remove(person);
    else world.directory.setManager(person, managerId);
    await uc.lifecycle.reconcile();
    return;
  }
  if ('refused' in step) {
    const error = await runStep(step.refused, world, state).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error && (error.code ?? error.name)).toBe(step.because);
    return;
  }
  const as = step.expect.as ?? 'blake';
  return world.asUser(as, () => check(step.expect, world, as));
}

async function check(expected: Expectation, world: World, as: Person): Promise<void> {
  const { uc } = world;
  if (expected.sessions) {
    const { from, to, are } = expected.sessions;
    const sessions = await uc.schedule.list(as, PAIR, instant(from), instant(to));
    expect(sessions.map(describeSession)).toEqual(are);
  }
  if (expected.next !== undefined || expected.cadence || expected.archived || expected.proposals) {
    const me = await uc.pairs.me(as);
    const mine = [...me.pairs, ...me.archived].find((p) => p.id === PAIR);
    if (expected.next !== undefined)
      expect(mine?.nextSession?.id).toBe(expected.next === 'none' ? undefined : sessionOf(expected.next));
    if (expected.cadence) expect(mine?.cadence).toMatchObject(expected.cadence);
    if (expected.archived) expect(mine?.archived?.reason).toBe(expected.archived);
    if (expected.proposals)
      expect(me.proposals.map((p) => `${p.manager.id} and ${p.report.id}`)).toEqual(expected.proposals);
  }
  if (expected.organizer) {
    expect((await world.pair(PAIR)).calendar.organizerId).toBe(expected.organizer);
    const summary = (await uc.pairs.me(as)).pairs.find((p) => p.id === PAIR);
    expect(summary?.organizedByReport).toBe(expected.organizer === 'blake' ? true : undefined);
  }
  for (const [session, titles] of Object.entries(expected.topics ?? {})) {
    const view = await uc.sessions.agenda(as, PAIR, sessionOf(session));
    expect({ session, topics: topicsOf(view).map((t) => t.title) }).toEqual({ session, topics: titles });
  }
}
