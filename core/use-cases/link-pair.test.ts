import { useHarness } from '../../tests/support/use-case-harness';
import { createUseCases } from '.';

/** An Outlook event with a Teams meeting that Avery made by hand, made a 1:1 from the add-in. */
const CHAT = '19:meeting_b3V0bG9vay1ldmVudA@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%7d`;
const cadence = {
  frequency: 'weekly',
  startDate: '2026-03-05',
  time: '14:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
} as const;
const input = { reportId: 'casey', cadence, chatId: CHAT, joinUrl: JOIN, seriesId: 'AAMkAD-series=' };

const h = useHarness({ pair: false });

async function stored(): Promise<string[]> {
  return [...h.store.keys()].sort();
}

describe('making an existing event a 1:1', () => {
  it("adopts the event's Teams meeting: both people find the pair by its chat, sessions follow the cadence", async () => {
    const { pair, created } = await h.uc.pairs.link('avery', { ...input, id: 'ac' });

    expect(created).toBe(true);
    expect(pair).toMatchObject({ id: 'ac', role: 'manager', chatId: CHAT, joinUrl: JOIN });
    await expect(h.uc.pairs.byChat('casey', CHAT)).resolves.toMatchObject({ id: 'ac', role: 'report' });
    const sessions = await h.uc.schedule.list(
      'casey',
      'ac',
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-13T00:00:00Z'),
    );
    expect(sessions.map((s) => s.start)).toEqual(['2026-03-05T13:00:00.000Z', '2026-03-12T13:00:00.000Z']);
  });

  it('is idempotent for the same manager and report, even without a client id', async () => {
    const first = await h.uc.pairs.link('avery', input);
    const retry = await h.uc.pairs.link('avery', input);
    expect(retry).toEqual({ pair: first.pair, created: false });
    expect((await h.uc.pairs.me('casey')).pairs).toHaveLength(1);
  });

  it('refuses a meeting that already belongs to a 1:1', async () => {
    const existing = await h.createPair();
    const { chatId } = (await h.uc.pairs.summary('avery', existing.pairId))!;
    const before = await stored();
    await expect(h.uc.pairs.link('avery', { ...input, chatId: chatId! })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'chatId',
    });
    expect(await stored()).toEqual(before);
  });

  it('is for a manager with one of their own direct reports, and writes nothing otherwise', async () => {
    await expect(h.uc.pairs.link('blake', { ...input, reportId: 'casey' })).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'reportId',
    });
    await expect(h.uc.pairs.link('avery', { ...input, reportId: 'devon' })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    expect(await stored()).toEqual([]);
  });

  it('wants a Teams meeting chat id', async () => {
    await expect(h.uc.pairs.link('avery', { ...input, chatId: 'not a chat' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'chatId',
    });
  });

  it('says so when the calendar cannot adopt an event, writing nothing', async () => {
    const { linkSeries: _omitted, ...calendarWithoutLink } = {
      createSeries: h.calendar.createSeries.bind(h.calendar),
      listOccurrences: h.calendar.listOccurrences.bind(h.calendar),
      moveOccurrence: h.calendar.moveOccurrence.bind(h.calendar),
      cancelOccurrence: h.calendar.cancelOccurrence.bind(h.calendar),
      changeSeries: h.calendar.changeSeries.bind(h.calendar),
      linkSeries: undefined,
    };
    const uc = createUseCases({ ...h.deps, calendar: calendarWithoutLink });
    await expect(uc.pairs.link('avery', input)).rejects.toMatchObject({ name: 'ValidationError', field: 'chatId' });
    expect(await stored()).toEqual([]);
  });
});
