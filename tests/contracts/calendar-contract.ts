import { randomUUID } from 'node:crypto';
import type { Cadence } from '../../core/model/cadence';
import type { CalendarLink } from '../../core/model/documents';
import type { Calendar, Occurrence } from '../../core/ports/calendar';

/**
 * The behaviour every Calendar adapter must have (the local calendar, the organizer's Outlook calendar through
 * Graph). It speaks only through the port, so it runs unchanged against each adapter:
 *
 *   describeCalendarContract('local calendar', async () => ({ calendar, organizerId, attendeeId }));
 *
 * `makeCalendar` runs before every test; the organizer (a manager) and the attendee (their report) must be
 * people the adapter knows, and calls must run as the organizer. Every test makes its own series, so a calendar
 * may be shared between tests.
 */
export interface ContractCalendar {
  readonly calendar: Calendar;
  readonly organizerId: string;
  readonly attendeeId: string;
  cleanup?(): Promise<void>;
}

/** Tuesdays at 10:00 in New York (15:00 UTC in January), from 8 January 2030. */
const CADENCE: Cadence = {
  frequency: 'weekly',
  startDate: '2030-01-08',
  time: '10:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
};
const JANUARY = [new Date('2030-01-01T00:00:00Z'), new Date('2030-02-01T00:00:00Z')] as const;
const at = (day: string, time = '15:00') => `2030-01-${day}T${time}:00.000Z`;
const scheduled = (day: string): Occurrence => ({
  originalStart: at(day),
  start: at(day),
  end: at(day, '15:30'),
  status: 'scheduled',
});

export function describeCalendarContract(adapterName: string, makeCalendar: () => Promise<ContractCalendar>): void {
  describe(`Calendar contract: ${adapterName}`, () => {
    let current: ContractCalendar;
    let calendar: Calendar;

    beforeEach(async () => {
      current = await makeCalendar();
      calendar = current.calendar;
    });

    afterEach(async () => {
      await current.cleanup?.();
    });

    const create = (transactionId = `tx-${randomUUID()}`): Promise<CalendarLink> =>
      calendar.createSeries({
        organizerId: current.organizerId,
        attendeeId: current.attendeeId,
        subject: '1:1',
        cadence: CADENCE,
        transactionId,
      });
    const list = (link: CalendarLink, from = JANUARY[0], to = JANUARY[1]) => calendar.listOccurrences(link, from, to);
    const originalStarts = async (link: CalendarLink, from: string, to: string) =>
      (await list(link, new Date(from), new Date(to))).map((o) => o.originalStart);

    it('creates a series with its Teams meeting chat, and a retried create returns the same series', async () => {
      const transactionId = `tx-${randomUUID()}`;
      const link = await create(transactionId);
      const retried = await create(transactionId);
      const other = await create();

      expect(link.organizerId).toBe(current.organizerId);
      expect(link.chatId).toMatch(/^19:meeting_[^@]+@thread\.v2$/);
      expect(link.joinUrl).toContain(encodeURIComponent(link.chatId!));
      expect(retried).toEqual(link);
      expect(other.seriesId).not.toBe(link.seriesId);
      expect(other.chatId).not.toBe(link.chatId);
    });

    it("lists the occurrences whose original start is in [from, to), in the series' time zone, in order", async () => {
      const link = await create();

      expect(await list(link)).toEqual(['08', '15', '22', '29'].map(scheduled));
      // The window includes its start and excludes its end; nothing comes before the first date.
      expect(await originalStarts(link, at('15'), at('29'))).toEqual([at('15'), at('22')]);
      expect(await originalStarts(link, '2029-12-01T00:00:00Z', at('08'))).toEqual([]);
    });

    it('moves an occurrence and keeps its original start as its id, also when moved out of the window', async () => {
      const link = await create();

      const moved = await calendar.moveOccurrence(link, at('15'), new Date(at('17', '13:00')));

      const expected = {
        originalStart: at('15'),
        start: at('17', '13:00'),
        end: at('17', '13:30'),
        status: 'scheduled',
      };
      expect(moved).toEqual(expected);
      expect(await list(link)).toEqual([scheduled('08'), expected, scheduled('22'), scheduled('29')]);
      expect(await list(link, new Date(at('15')), new Date(at('16')))).toEqual([expected]);
      expect(await list(link, new Date(at('17', '00:00')), new Date(at('18', '00:00')))).toEqual([]);

      const again = await calendar.moveOccurrence(link, at('15'), new Date(at('16', '09:00')));
      expect(again).toMatchObject({ originalStart: at('15'), start: at('16', '09:00') });
    });

    it('shows a cancelled occurrence as cancelled at its original start; cancelling again changes nothing', async () => {
      const link = await create();

      await calendar.cancelOccurrence(link, at('22'));
      await calendar.cancelOccurrence(link, at('22'));

      const occurrences = await list(link);
      expect(occurrences.map((o) => [o.originalStart, o.status])).toEqual([
        [at('08'), 'scheduled'],
        [at('15'), 'scheduled'],
        [at('22'), 'cancelled'],
        [at('29'), 'scheduled'],
      ]);
      await expect(calendar.moveOccurrence(link, at('22'), new Date(at('23')))).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'sessionId',
      });
    });

    it('does not find an occurrence the series does not have, nor a series that does not exist', async () => {
      const link = await create();
      const notAStart = at('16');

      await expect(calendar.moveOccurrence(link, notAStart, new Date(at('17')))).rejects.toMatchObject({
        name: 'NotFoundError',
        field: 'sessionId',
      });
      await expect(calendar.cancelOccurrence(link, notAStart)).rejects.toMatchObject({
        name: 'NotFoundError',
        field: 'sessionId',
      });
      await expect(list({ ...link, seriesId: `${link.seriesId}x` })).rejects.toMatchObject({
        name: 'NotFoundError',
        field: 'seriesId',
      });
    });

    it('follows a new cadence from its start date on, dropping exceptions and keeping its Teams meeting', async () => {
      const link = await create();
      await calendar.moveOccurrence(link, at('22'), new Date(at('23')));
      await calendar.cancelOccurrence(link, at('29'));

      // Thursdays at 09:00 in Los Angeles (17:00 UTC), 45 minutes, from 17 January.
      await calendar.changeSeries(link, {
        frequency: 'weekly',
        startDate: '2030-01-17',
        time: '09:00',
        timeZone: 'America/Los_Angeles',
        durationMinutes: 45,
      });

      expect(await list(link)).toEqual(
        ['17', '24', '31'].map((day) => ({
          originalStart: at(day, '17:00'),
          start: at(day, '17:00'),
          end: at(day, '17:45'),
          status: 'scheduled',
        })),
      );
      await expect(calendar.moveOccurrence(link, at('15'), new Date(at('16')))).rejects.toMatchObject({
        name: 'NotFoundError',
        field: 'sessionId',
      });
    });

    it('restores a cancelled occurrence at its original time, where the calendar can', async () => {
      if (!calendar.restoreOccurrence) return;
      const link = await create();
      await calendar.moveOccurrence(link, at('22'), new Date(at('23')));
      await calendar.cancelOccurrence(link, at('22'));

      expect(await calendar.restoreOccurrence(link, at('22'))).toEqual(scheduled('22'));
      expect(await calendar.restoreOccurrence(link, at('22'))).toEqual(scheduled('22'));
      expect(await list(link)).toEqual(['08', '15', '22', '29'].map(scheduled));
    });

    it('links an existing series with its Teams meeting, idempotently', async () => {
      if (!calendar.linkSeries) return;
      const made = await create();
      const request = {
        organizerId: current.organizerId,
        attendeeId: current.attendeeId,
        subject: '1:1',
        cadence: CADENCE,
        transactionId: `pair-${randomUUID()}`,
        seriesId: made.seriesId,
        chatId: made.chatId!,
        ...(made.joinUrl && { joinUrl: made.joinUrl }),
      };

      const linked = await calendar.linkSeries(request);
      const retried = await calendar.linkSeries(request);

      expect(linked).toMatchObject({ organizerId: current.organizerId, chatId: made.chatId, joinUrl: made.joinUrl });
      expect(retried).toEqual(linked);
      expect(await list(linked)).toEqual(['08', '15', '22', '29'].map(scheduled));
    });
  });
}
