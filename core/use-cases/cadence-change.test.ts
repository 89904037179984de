import type { Cadence } from '../model/cadence';
import { keys, type PairDocument } from '../model/documents';
import { sessionIdFromStart } from '../model/ids';
import { AVERY_BLAKE as pair, topicsOf, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const DAY = 86_400_000;

/** Every other Thursday at 14:00 in Berlin, 45 minutes, from 19 March 2026 (13:00 UTC; 12:00 UTC from 29 March). */
const THURSDAYS: Cadence = {
  frequency: 'biweekly',
  startDate: '2026-03-19',
  time: '14:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
};
const [march19, april2, april16] = ['2026-03-19T13:00:00.000Z', '2026-04-02T12:00:00.000Z', '2026-04-16T12:00:00.000Z'];

async function listed() {
  const sessions = await h.uc.schedule.list('blake', pair.pairId, pair.start(0), new Date('2026-04-30T00:00:00Z'));
  return sessions.map((s) => [s.start, s.status, s.end]);
}

describe('changing the cadence from the next occurrence on', () => {
  beforeEach(async () => {
    // Two meetings held (3 and 10 March); a topic raised for 24 March, a check-in kept in the held one.
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(3), { id: 'later', title: 'Conference budget' });
    h.at(pair, 1, 5);
    await h.uc.sessions.checkIn('blake', pair.pairId, pair.sessionId(1), { mood: 4 });
    h.clock.set('2026-03-12T09:00:00Z');
  });

  it('keeps what was held, and meets in the new rhythm, zone and length from the next meeting on', async () => {
    const changed = await h.uc.schedule.changeCadence('avery', pair.pairId, THURSDAYS);

    expect(changed).toEqual({ cadence: THURSDAYS, firstStart: march19 });
    expect(await listed()).toEqual([
      ['2026-03-03T10:00:00.000Z', 'held', '2026-03-03T10:30:00.000Z'],
      ['2026-03-10T10:00:00.000Z', 'held', '2026-03-10T10:30:00.000Z'],
      [march19, 'upcoming', '2026-03-19T13:45:00.000Z'],
      // Berlin moved its clocks on 29 March: still 14:00 there.
      [april2, 'upcoming', '2026-04-02T12:45:00.000Z'],
      [april16, 'upcoming', '2026-04-16T12:45:00.000Z'],
    ]);
    const held = await h.agenda('blake', pair.sessionId(1));
    expect(held).toMatchObject({ status: 'held', start: '2026-03-10T10:00:00.000Z' });
    expect(held.checkIns).toEqual([expect.objectContaining({ mood: 4 })]);
    expect((await h.uc.pairs.me('blake')).pairs[0]).toMatchObject({
      cadence: THURSDAYS,
      nextSession: { id: sessionIdFromStart(new Date(march19)) },
    });
    expect(h.changes.at(-1)).toMatchObject({ pairId: pair.pairId, kind: 'schedule', by: 'avery' });
  });

  it('carries a topic raised for a meeting that no longer exists to the first meeting after it', async () => {
    await h.uc.schedule.changeCadence('avery', pair.pairId, THURSDAYS);

    const view = await h.agenda('blake', sessionIdFromStart(new Date(april2)));
    expect(topicsOf(view)).toEqual([expect.objectContaining({ id: 'later' })]);
    expect(topicsOf(await h.agenda('blake', sessionIdFromStart(new Date(march19))))).toEqual([]);
  });

  it('plans prompts for the new meetings, none for the old ones', async () => {
    await h.uc.schedule.changeCadence('avery', pair.pairId, THURSDAYS);

    const planned = await h.uc.reminders.plan({ horizonMs: 30 * DAY, lookbackMs: 0, recapGraceMs: 900_000 });
    const prompts = planned.filter((p) => p.kind === 'prompt' && p.key.endsWith('.blake')).map((p) => p.payload.start);
    expect(prompts).toEqual([march19, april2]);
  });

  it('changes again later, keeping the meetings held in between', async () => {
    await h.uc.schedule.changeCadence('avery', pair.pairId, THURSDAYS);
    h.clock.set('2026-03-20T09:00:00Z');

    await h.uc.schedule.changeCadence('avery', pair.pairId, {
      ...THURSDAYS,
      frequency: 'weekly',
      startDate: '2026-03-26',
    });

    expect((await listed()).map(([start, status]) => `${start} ${status}`)).toEqual([
      '2026-03-03T10:00:00.000Z held',
      '2026-03-10T10:00:00.000Z held',
      `${march19} held`,
      '2026-03-26T13:00:00.000Z upcoming',
      `${april2} upcoming`,
      '2026-04-09T12:00:00.000Z upcoming',
      `${april16} upcoming`,
      '2026-04-23T12:00:00.000Z upcoming',
    ]);
  });

  it('is for the organizer only, from a date ahead, with a valid cadence, and changes nothing otherwise', async () => {
    const before = (await h.store.get<PairDocument>(keys.pair(pair.pairId)))!.body;
    await expect(h.uc.schedule.changeCadence('blake', pair.pairId, THURSDAYS)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(
      h.uc.schedule.changeCadence('avery', pair.pairId, { ...THURSDAYS, startDate: '2026-03-12', time: '08:00' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'cadence.startDate' });
    await expect(
      h.uc.schedule.changeCadence('avery', pair.pairId, { ...THURSDAYS, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'cadence.timeZone' });
    await expect(
      h.uc.schedule.changeCadence('avery', pair.pairId, { ...THURSDAYS, durationMinutes: 5 }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'cadence.durationMinutes' });
    await expect(h.uc.schedule.changeCadence('devon', pair.pairId, THURSDAYS)).rejects.toMatchObject({
      name: 'NotFoundError',
    });

    expect((await h.store.get<PairDocument>(keys.pair(pair.pairId)))!.body).toEqual(before);
    expect((await listed()).length).toBe(9);
  });
});
