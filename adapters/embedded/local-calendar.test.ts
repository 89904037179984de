import type { Cadence } from '../../core/model/cadence';
import type { CalendarLink } from '../../core/model/documents';
import { MemoryDocumentStore } from '../memory/memory-document-store';
import { describeCalendarContract } from '../../tests/contracts/calendar-contract';
import { LocalCalendar } from './local-calendar';

let calendar: LocalCalendar;

beforeEach(() => {
  calendar = new LocalCalendar(new MemoryDocumentStore());
});

const cadence = (overrides: Partial<Cadence> = {}): Cadence => ({
  frequency: 'weekly',
  startDate: '2026-03-03',
  time: '10:00',
  timeZone: 'UTC',
  durationMinutes: 30,
  ...overrides,
});

const series = (c: Partial<Cadence> = {}, transactionId = 'pair-1'): Promise<CalendarLink> =>
  calendar.createSeries({
    organizerId: 'avery',
    attendeeId: 'blake',
    subject: '1:1',
    cadence: cadence(c),
    transactionId,
  });

const starts = async (link: CalendarLink, from: string, to: string): Promise<string[]> =>
  (await calendar.listOccurrences(link, new Date(from), new Date(to))).map((o) => o.start);

describe('LocalCalendar series', () => {
  it('hands out a Teams-shaped meeting chat and join URL, and the same series for a retried create', async () => {
    const first = await series();
    const retry = await series({ time: '11:00' });
    const other = await series({}, 'pair-2');

    expect(first).toMatchObject({ provider: 'local', seriesId: 'local-pair-1', organizerId: 'avery' });
    expect(first.chatId).toMatch(/^19:meeting_[A-Za-z0-9_-]{32}@thread\.v2$/);
    expect(first.joinUrl).toBe(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(first.chatId!)}/0`);
    expect(retry).toEqual(first);
    expect(other.chatId).not.toBe(first.chatId);
    expect(await starts(retry, '2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z')).toEqual(['2026-03-03T10:00:00.000Z']);
  });

  it('expands a weekly series over [from, to) by original start, nothing before its first date', async () => {
    const link = await series();

    const occurrences = await calendar.listOccurrences(
      link,
      new Date('2026-02-01T00:00:00Z'),
      new Date('2026-03-25T00:00:00Z'),
    );

    expect(occurrences).toEqual(
      ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24'].map((day) => ({
        originalStart: `${day}T10:00:00.000Z`,
        start: `${day}T10:00:00.000Z`,
        end: `${day}T10:30:00.000Z`,
        status: 'scheduled',
      })),
    );
    // The window includes its start and excludes its end.
    expect(await starts(link, '2026-03-10T10:00:00Z', '2026-03-24T10:00:00Z')).toEqual([
      '2026-03-10T10:00:00.000Z',
      '2026-03-17T10:00:00.000Z',
    ]);
  });

  it('expands a biweekly series', async () => {
    const link = await series({ frequency: 'biweekly', time: '14:30', durationMinutes: 45 });

    const occurrences = await calendar.listOccurrences(
      link,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-04-15T00:00:00Z'),
    );

    expect(occurrences.map((o) => [o.start, o.end])).toEqual([
      ['2026-03-03T14:30:00.000Z', '2026-03-03T15:15:00.000Z'],
      ['2026-03-17T14:30:00.000Z', '2026-03-17T15:15:00.000Z'],
      ['2026-03-31T14:30:00.000Z', '2026-03-31T15:15:00.000Z'],
      ['2026-04-14T14:30:00.000Z', '2026-04-14T15:15:00.000Z'],
    ]);
  });

  it('expands a monthly series on the same weekday of the same week: the second Tuesday', async () => {
    const link = await series({ frequency: 'monthly', startDate: '2026-01-13' });

    expect(await starts(link, '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual([
      '2026-01-13T10:00:00.000Z',
      '2026-02-10T10:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
      '2026-04-14T10:00:00.000Z',
    ]);
  });

  it('reads a monthly series that starts in the fifth week as the last such weekday', async () => {
    const link = await series({ frequency: 'monthly', startDate: '2026-03-31' });

    expect(await starts(link, '2026-03-01T00:00:00Z', '2026-07-01T00:00:00Z')).toEqual([
      '2026-03-31T10:00:00.000Z',
      '2026-04-28T10:00:00.000Z',
      '2026-05-26T10:00:00.000Z',
      '2026-06-30T10:00:00.000Z',
    ]);
  });

  it('keeps 10:00 in Berlin across both daylight-saving changes: the UTC start moves by an hour', async () => {
    const link = await series({ startDate: '2026-03-17', timeZone: 'Europe/Berlin' });

    // Summer time starts on Sunday 2026-03-29.
    expect(await starts(link, '2026-03-01T00:00:00Z', '2026-04-08T00:00:00Z')).toEqual([
      '2026-03-17T09:00:00.000Z',
      '2026-03-24T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-07T08:00:00.000Z',
    ]);
    // It ends on Sunday 2026-10-25.
    expect(await starts(link, '2026-10-19T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
    ]);
  });

  it('keeps local time in New York, whose clocks change on another date', async () => {
    const link = await series({ startDate: '2026-03-02', time: '09:00', timeZone: 'America/New_York' });

    expect(await starts(link, '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('finds occurrences near midnight UTC in a zone far from it', async () => {
    // Monday 08:00 in Tokyo is Sunday 23:00 UTC.
    const link = await series({ startDate: '2026-03-02', time: '08:00', timeZone: 'Asia/Tokyo' });

    expect(await starts(link, '2026-03-01T23:00:00Z', '2026-03-08T23:00:00Z')).toEqual(['2026-03-01T23:00:00.000Z']);
  });
});

describe('LocalCalendar exceptions', () => {
  let link: CalendarLink;
  const list = () => calendar.listOccurrences(link, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-25T00:00:00Z'));

  beforeEach(async () => {
    link = await series();
  });

  it('moves one occurrence and keeps its original start, even to outside the window', async () => {
    const moved = await calendar.moveOccurrence(link, '2026-03-10T10:00:00.000Z', new Date('2026-04-02T15:00:00Z'));

    expect(moved).toEqual({
      originalStart: '2026-03-10T10:00:00.000Z',
      start: '2026-04-02T15:00:00.000Z',
      end: '2026-04-02T15:30:00.000Z',
      status: 'scheduled',
    });
    const listed = await list();
    expect(listed.map((o) => [o.originalStart.slice(0, 10), o.start])).toEqual([
      ['2026-03-03', '2026-03-03T10:00:00.000Z'],
      ['2026-03-10', '2026-04-02T15:00:00.000Z'],
      ['2026-03-17', '2026-03-17T10:00:00.000Z'],
      ['2026-03-24', '2026-03-24T10:00:00.000Z'],
    ]);
  });

  it('lists a change made after the same window was listed (a listing is kept only while its series is unchanged)', async () => {
    const before = await list();
    await calendar.cancelOccurrence(link, '2026-03-17T10:00:00.000Z');
    const after = await list();

    expect(before.map((o) => o.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);
    expect(after.map((o) => o.status)).toEqual(['scheduled', 'scheduled', 'cancelled', 'scheduled']);
    after.pop();
    expect(await list()).toHaveLength(4);
  });

  it('accepts the original start in any ISO spelling', async () => {
    await calendar.moveOccurrence(link, '2026-03-10T11:00:00+01:00', new Date('2026-03-11T10:00:00Z'));

    expect((await list())[1]).toMatchObject({
      originalStart: '2026-03-10T10:00:00.000Z',
      start: '2026-03-11T10:00:00.000Z',
    });
  });

  it('cancels one occurrence, idempotently, keeping the others', async () => {
    await calendar.cancelOccurrence(link, '2026-03-17T10:00:00.000Z');
    await calendar.cancelOccurrence(link, '2026-03-17T10:00:00.000Z');

    expect((await list()).map((o) => o.status)).toEqual(['scheduled', 'scheduled', 'cancelled', 'scheduled']);
  });

  it('keeps the moved time of an occurrence cancelled after a move, and refuses to move a cancelled one', async () => {
    await calendar.moveOccurrence(link, '2026-03-10T10:00:00.000Z', new Date('2026-03-11T10:00:00Z'));
    await calendar.cancelOccurrence(link, '2026-03-10T10:00:00.000Z');

    expect((await list())[1]).toMatchObject({ start: '2026-03-11T10:00:00.000Z', status: 'cancelled' });
    await expect(
      calendar.moveOccurrence(link, '2026-03-10T10:00:00.000Z', new Date('2026-03-12T10:00:00Z')),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('knows no occurrence off the series and no series it did not create', async () => {
    await expect(
      calendar.moveOccurrence(link, '2026-03-11T10:00:00.000Z', new Date('2026-03-12T10:00:00Z')),
    ).rejects.toMatchObject({ name: 'NotFoundError', field: 'sessionId' });
    await expect(calendar.cancelOccurrence(link, '2026-02-24T10:00:00.000Z')).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'sessionId',
    });
    await expect(
      calendar.listOccurrences({ ...link, seriesId: 'local-nope' }, new Date('2026-03-01'), new Date('2026-04-01')),
    ).rejects.toMatchObject({ name: 'NotFoundError', field: 'seriesId' });
  });

  it('keeps the exceptions of one series to that series', async () => {
    const other = await series({}, 'pair-2');
    await calendar.cancelOccurrence(link, '2026-03-17T10:00:00.000Z');

    const listed = await calendar.listOccurrences(
      other,
      new Date('2026-03-17T00:00:00Z'),
      new Date('2026-03-18T00:00:00Z'),
    );

    expect(listed.map((o) => o.status)).toEqual(['scheduled']);
  });
});

describeCalendarContract('local calendar', async () => ({
  calendar: new LocalCalendar(new MemoryDocumentStore()),
  organizerId: 'avery',
  attendeeId: 'blake',
}));

describe('LocalCalendar expansion near the window', () => {
  // A small seeded generator (mulberry32), so a failure names a case that can be replayed.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it.each([
    ['weekly', '2026-03-03', 'UTC'],
    ['biweekly', '2026-03-05', 'Europe/Berlin'],
    ['monthly', '2026-03-10', 'America/New_York'],
    ['monthly', '2026-03-31', 'Asia/Tokyo'],
  ] as const)(
    'gives any window of a %s series from %s (%s) what a walk from its start gives',
    async (frequency, startDate, timeZone) => {
      const link = await series({ frequency, startDate, timeZone });
      const all = await starts(link, '2026-01-01T00:00:00Z', '2029-06-01T00:00:00Z');
      const next = random(startDate.length * 7919 + frequency.length);
      for (let i = 0; i < 60; i++) {
        const from = Date.parse('2026-01-01T00:00:00Z') + next() * 3 * 365 * DAY_MS;
        const to = from + next() * 120 * DAY_MS;
        const expected = all.filter((s) => Date.parse(s) >= from && Date.parse(s) < to);
        expect({ i, got: await starts(link, new Date(from).toISOString(), new Date(to).toISOString()) }).toEqual({
          i,
          got: expected,
        });
      }
    },
  );

  it('keeps the weekday and the biweekly phase of a series that began decades before the window', async () => {
    const link = await series({ frequency: 'biweekly', startDate: '1970-01-06', time: '09:30' });
    const got = await starts(link, '2026-06-01T00:00:00Z', '2026-08-01T00:00:00Z');
    const first = Date.parse('1970-01-06T09:30:00Z');
    expect(got.length).toBe(4);
    for (const s of got) expect((Date.parse(s) - first) % (14 * DAY_MS)).toBe(0);
  });
});

const DAY_MS = 86_400_000;
