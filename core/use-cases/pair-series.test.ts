import type { Cadence } from '../model/cadence';
import { keys, type PairDocument } from '../model/documents';
import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();

const THURSDAYS: Cadence = {
  frequency: 'weekly',
  startDate: '2026-03-19',
  time: '09:00',
  timeZone: 'UTC',
  durationMinutes: 30,
};
let made = 0;
const newSeries = async (organizerId: string, attendeeId: string) =>
  (
    await h.calendar.createSeries({
      organizerId,
      attendeeId,
      subject: '1:1',
      cadence: THURSDAYS,
      transactionId: `t${++made}`,
    })
  ).seriesId;
const stored = async () => (await h.store.get<PairDocument>(keys.pair(pair.pairId)))!.body;

describe('a 1:1 following another series', () => {
  beforeEach(() => h.clock.set('2026-03-12T09:00:00Z'));

  it('is linked by either of its people, to a series in their own calendar with exactly the other one', async () => {
    const series = await newSeries('blake', 'avery');
    const watch = jest.fn(async (_organizerId: string) => undefined);
    Object.assign(h.calendar, { watch });

    const followed = await h.uc.pairSeries.link('blake', pair.pairId, series);

    expect(followed).toEqual({
      pairId: pair.pairId,
      seriesId: series,
      organizerId: 'blake',
      calendarFrom: '2026-03-19T09:00:00.000Z',
    });
    expect((await stored()).calendar).toMatchObject({ seriesId: series, organizerId: 'blake' });
    expect(await h.uc.pairs.byChat('avery', (await stored()).calendar.chatId!)).toMatchObject({ id: pair.pairId });
    expect(h.changes.at(-1)).toMatchObject({ pairId: pair.pairId, kind: 'schedule', by: 'blake' });
    // Blake's calendar is watched from now on: his changes in Outlook reach Tandem.
    expect(watch).toHaveBeenCalledWith('blake');
    // Linking it again changes nothing.
    await expect(h.uc.pairSeries.link('blake', pair.pairId, series)).resolves.toEqual(followed);
  });

  it('refuses someone outside the pair as if the pair did not exist, and a series with someone else', async () => {
    await expect(h.uc.pairSeries.link('devon', pair.pairId, await newSeries('devon', 'avery'))).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'pairId',
    });
    await expect(h.uc.pairSeries.link('blake', pair.pairId, await newSeries('blake', 'casey'))).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'seriesId',
    });
    // A series in the other person's calendar is not the caller's to link.
    await expect(h.uc.pairSeries.link('avery', pair.pairId, await newSeries('blake', 'avery'))).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'seriesId',
    });
    expect((await stored()).calendar.organizerId).toBe('avery');
  });

  it('refuses an archived 1:1', async () => {
    await h.uc.lifecycle.archive('blake', pair.pairId);
    await expect(h.uc.pairSeries.link('blake', pair.pairId, await newSeries('blake', 'avery'))).rejects.toMatchObject({
      code: 'pair-archived',
    });
  });

  it("never adopts a second series on its own while the 1:1's series runs on", async () => {
    const series = await newSeries('avery', 'blake');

    expect(await h.uc.pairSeries.followInCalendar('avery', series)).toBeUndefined();
    expect((await stored()).calendar.seriesId).not.toBe(series);
  });

  it("adopts the organizer's new series with the same person once the old one is gone", async () => {
    await h.calendar.cancelSeries((await stored()).calendar);
    const series = await newSeries('avery', 'blake');

    expect(await h.uc.pairSeries.followInCalendar('avery', series)).toMatchObject({ seriesId: series });
    expect(await h.uc.pairSeries.followInCalendar('avery', series)).toBeUndefined();
    expect((await stored()).cadence).toEqual(THURSDAYS);
  });
});
