import { GraphCalendar } from '../../../adapters/graph/calendar/graph-calendar';
import { TokenGraphPrincipals, type CurrentCaller } from '../../../adapters/graph/client/graph-principals';
import type { CalendarLink } from '../../../core/model/documents';
import { describeCalendarContract } from '../../contracts/calendar-contract';
import { unsignedToken } from '../../graph-emulator/emulator-tokens';
import { GraphEmulator } from '../../graph-emulator/graph-emulator';

const ORGANIZER = 'org-1';
let emulator: GraphEmulator;
let caller: CurrentCaller | undefined;
let calendar: GraphCalendar;
let retries: number[];

beforeAll(async () => {
  emulator = await GraphEmulator.start([
    { id: ORGANIZER, displayName: 'Organizer', mail: 'org@contoso.test' },
    { id: 'rep-1', displayName: 'Report', mail: 'rep@contoso.test', managerId: ORGANIZER },
  ]);
  const principals = new TokenGraphPrincipals({
    baseUrl: emulator.url,
    tokens: {
      appToken: async () => unsignedToken({ roles: ['Calendars.ReadBasic.All'] }),
      onBehalfOf: async () => unsignedToken({ oid: ORGANIZER, scp: 'Calendars.ReadWrite' }),
    },
    currentCaller: () => caller,
    retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 1000, onRetry: (status) => retries.push(status) },
  });
  calendar = new GraphCalendar(principals);
});

beforeEach(() => {
  retries = [];
  caller = { userId: ORGANIZER, assertion: 'api-token' };
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  emulator.faults.length = 0;
  expect(emulator.violations).toEqual([]);
});

function create(transactionId: string): Promise<CalendarLink> {
  return calendar.createSeries({
    organizerId: ORGANIZER,
    attendeeId: 'rep-1',
    subject: '1:1',
    transactionId,
    cadence: {
      frequency: 'weekly',
      startDate: '2030-01-08',
      time: '10:00',
      timeZone: 'America/New_York',
      durationMinutes: 30,
    },
  });
}

const FROM = new Date('2030-01-01T00:00:00Z');
const TO = new Date('2030-02-01T00:00:00Z');

describe('GraphCalendar against the Graph emulator', () => {
  it("adopts an event made in Outlook only with that event's own Teams meeting", async () => {
    const made = await create('tx-outlook');
    const request = {
      organizerId: ORGANIZER,
      attendeeId: 'rep-1',
      subject: '1:1',
      transactionId: 'pair-outlook',
      cadence: { frequency: 'weekly', startDate: '2030-01-08', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
      seriesId: made.seriesId,
      chatId: made.chatId!,
    } as const;

    const adopted = await calendar.linkSeries(request);
    expect(adopted).toEqual(made);
    expect(await calendar.listOccurrences(adopted, FROM, TO)).toHaveLength(4);
    await expect(
      calendar.linkSeries({ ...request, chatId: '19:meeting_someone-else@thread.v2' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'chatId' });
    // Someone the event does not invite is refused.
    await expect(calendar.linkSeries({ ...request, attendeeId: ORGANIZER })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'reportId',
      code: 'not-invited',
    });
  });

  it('links the series to its Teams meeting chat', async () => {
    const link = await create('tx-chat');

    expect(link).toMatchObject({ provider: 'graph', organizerId: ORGANIZER });
    expect(link.chatId).toMatch(/^19:meeting_[0-9a-f]+@thread\.v2$/);
    expect(link.joinUrl).toContain(encodeURIComponent(link.chatId!));
  });

  it('changes the cadence by PATCHing the series master: same event, same Teams meeting, no body written', async () => {
    const link = await create('tx-cadence');
    const mark = emulator.requests.length;

    await calendar.changeSeries(link, {
      frequency: 'biweekly',
      startDate: '2030-01-16',
      time: '08:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 60,
    });

    const writes = emulator.since(mark).filter((r) => r.method !== 'GET' && r.method !== 'POST');
    expect(writes.map((r) => [r.method, r.path])).toEqual([['PATCH', `/v1.0/me/events/${link.seriesId}`]]);
    const series = emulator.series.get(link.seriesId)!;
    expect(series.joinUrl).toBe(link.joinUrl);
    expect(series.recurrence).toEqual({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['wednesday'], firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: '2030-01-16' },
    });
    expect((await calendar.listOccurrences(link, FROM, TO)).map((o) => [o.start, o.end])).toEqual([
      ['2030-01-16T07:30:00.000Z', '2030-01-16T08:30:00.000Z'],
      ['2030-01-30T07:30:00.000Z', '2030-01-30T08:30:00.000Z'],
    ]);
  });

  it('lists occurrences in the organizer zone, retrying requests throttled inside the $batch', async () => {
    const link = await create('tx-batch-429');
    emulator.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, inBatch: true, times: 2 });

    const occurrences = await calendar.listOccurrences(link, FROM, TO);

    expect(occurrences.map((o) => o.start)).toEqual([
      '2030-01-08T15:00:00.000Z',
      '2030-01-15T15:00:00.000Z',
      '2030-01-22T15:00:00.000Z',
      '2030-01-29T15:00:00.000Z',
    ]);
    expect(retries).toEqual([429]);
  });

  it('reads the organizer calendar app-only when someone else opens the agenda', async () => {
    const link = await create('tx-app');
    caller = { userId: 'rep-1', assertion: 'their-token' };
    const mark = emulator.requests.length;

    await expect(calendar.listOccurrences(link, FROM, TO)).resolves.toHaveLength(4);
    expect(emulator.since(mark).filter((r) => !r.batched)).toEqual([expect.objectContaining({ principal: 'app' })]);
  });

  it('lists 50 series in 5 round trips with $batch', async () => {
    const links: CalendarLink[] = [];
    for (let i = 0; i < 50; i++) links.push(await create(`tx-many-${i}`));
    const mark = emulator.requests.length;

    const all = await calendar.listOccurrencesOfMany(links, FROM, TO);

    expect([...all.values()].every((o) => o.length === 4)).toBe(true);
    expect(emulator.since(mark).filter((r) => !r.batched)).toHaveLength(5);
  });
});

describeCalendarContract('Graph calendar (emulator)', async () => ({
  calendar,
  organizerId: ORGANIZER,
  attendeeId: 'rep-1',
}));
