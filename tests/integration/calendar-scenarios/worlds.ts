import { FixedClock } from '../../../core/clock';
import { keys, type CalendarLink, type PairDocument } from '../../../core/model/documents';
import type { Cadence } from '../../../core/model/cadence';
import type { Calendar } from '../../../core/ports/calendar';
import { firstStartOf } from '../../../core/use-cases/schedule';
import { recurrenceOf } from '../../../adapters/graph/calendar/graph-recurrence';
import type { GraphRecurrence } from '../../graph-emulator/calendar-state';
import { createUseCases, type UseCases } from '../../../core/use-cases';
import { GraphCalendar } from '../../../adapters/graph/calendar/graph-calendar';
import { TokenGraphPrincipals, type CurrentCaller } from '../../../adapters/graph/client/graph-principals';
import { DEMO_PEOPLE, DemoDirectory } from '../../../adapters/embedded/demo-directory';
import { LocalCalendar } from '../../../adapters/embedded/local-calendar';
import { MemoryDocumentStore, MemoryPersonalDocumentStores } from '../../../adapters/memory/memory-document-store';
import { unsignedToken } from '../../graph-emulator/emulator-tokens';
import { GraphEmulator } from '../../graph-emulator/graph-emulator';
import { RecordingChangeFeed, SequentialIds } from '../../support/use-case-harness';

/**
 * Tandem's use-cases over one mode's calendar, with a clock the trace moves. `asUser` runs a call as a person
 * (in Microsoft 365 mode, Graph calls are then delegated as them); `outlook` changes the organizer's calendar
 * the way Outlook would, outside Tandem.
 */
export interface World {
  readonly uc: UseCases;
  readonly clock: FixedClock;
  asUser<T>(userId: string, call: () => Promise<T>): Promise<T>;
  outlookMove(link: CalendarLink, originalStart: string, to: Date): Promise<void>;
  outlookCancel(link: CalendarLink, originalStart: string): Promise<void>;
  /** Outlook's "this and all following" from date `from` on; undefined where the mode has no Outlook. */
  readonly outlookSplit?: (link: CalendarLink, from: string, cadence: Cadence) => Promise<string>;
  /** The organizer deletes the whole series. */
  outlookDeleteSeries(link: CalendarLink): Promise<void>;
  /** Someone makes a new recurring Teams meeting with one attendee (then the calendar's notification). */
  outlookNewSeries(organizerId: string, attendeeId: string, cadence: Cadence): Promise<string>;
  readonly directory: DemoDirectory;
  pair(pairId: string): Promise<PairDocument>;
  /** Checks after each trace (the Graph emulator: every request was in the OpenAPI subset). */
  verify(): void;
  close(): Promise<void>;
}

function useCasesOver(
  calendar: Calendar,
  clock: FixedClock,
  store: MemoryDocumentStore,
  directory: DemoDirectory,
): UseCases {
  return createUseCases({
    store,
    personalStores: new MemoryPersonalDocumentStores(),
    calendar,
    directory,
    clock,
    ids: new SequentialIds(),
    changes: new RecordingChangeFeed(),
  });
}

/** A cadence as the emulator keeps a series: its first start, zone, length and Graph recurrence. */
function graphSeriesOf(cadence: Cadence) {
  return {
    start: firstStartOf(cadence),
    timeZone: cadence.timeZone,
    durationMs: cadence.durationMinutes * 60_000,
    recurrence: recurrenceOf(cadence) as GraphRecurrence,
  };
}

async function readPair(store: MemoryDocumentStore, pairId: string): Promise<PairDocument> {
  return (await store.get<PairDocument>(keys.pair(pairId)))!.body;
}

/** Embedded mode: the local calendar is the organizer's calendar, changed directly for "Outlook". */
export async function embeddedWorld(start: Date): Promise<World> {
  const clock = new FixedClock(start);
  const store = new MemoryDocumentStore();
  const calendar = new LocalCalendar(store);
  const directory = new DemoDirectory();
  const uc = useCasesOver(calendar, clock, store, directory);
  let made = 0;
  return {
    uc,
    clock,
    directory,
    asUser: (_userId, call) => call(),
    outlookMove: async (link, originalStart, to) => void (await calendar.moveOccurrence(link, originalStart, to)),
    outlookCancel: (link, originalStart) => calendar.cancelOccurrence(link, originalStart),
    outlookDeleteSeries: (link) => calendar.cancelSeries(link),
    // No Outlook here: the local calendar is changed directly and the use-case runs as a notification would.
    async outlookNewSeries(organizerId, attendeeId, cadence) {
      const link = await calendar.createSeries({
        organizerId,
        attendeeId,
        subject: '1:1',
        cadence,
        transactionId: `outlook-${++made}`,
      });
      await uc.pairSeries.followInCalendar(organizerId, link.seriesId);
      return link.seriesId;
    },
    pair: (pairId) => readPair(store, pairId),
    verify: () => undefined,
    close: async () => undefined,
  };
}

/** Microsoft 365 mode: the Graph calendar against the Graph emulator, where "Outlook" changes the series. */
export async function graphWorld(start: Date): Promise<World> {
  const emulator = await GraphEmulator.start(
    DEMO_PEOPLE.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      mail: p.email ?? `${p.id}@tandem.example`,
      ...(p.managerId && { managerId: p.managerId }),
    })),
  );
  let caller: CurrentCaller | undefined;
  const principals = new TokenGraphPrincipals({
    baseUrl: emulator.url,
    tokens: {
      appToken: async () => unsignedToken({ roles: ['Calendars.ReadBasic.All'] }),
      onBehalfOf: async () => unsignedToken({ oid: caller?.userId, scp: 'Calendars.ReadWrite' }),
    },
    currentCaller: () => caller,
    retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 1000 },
  });
  const clock = new FixedClock(start);
  const store = new MemoryDocumentStore();
  const directory = new DemoDirectory();
  const uc = useCasesOver(new GraphCalendar(principals), clock, store, directory);
  const mailOf = (userId: string) => DEMO_PEOPLE.find((p) => p.id === userId)?.email ?? `${userId}@tandem.example`;
  /** Graph's change notification for an event, as the service handles it (change-notifications.ts). */
  const notified = async (organizerId: string, seriesId: string, chatId?: string) => {
    if (chatId) await uc.schedule.changedInCalendar(chatId);
    await uc.pairSeries.followInCalendar(organizerId, seriesId);
  };
  return {
    uc,
    clock,
    directory,
    async asUser(userId, call) {
      caller = { userId, assertion: `token-of-${userId}` };
      try {
        return await call();
      } finally {
        caller = undefined;
      }
    },
    async outlookMove(link, originalStart, to) {
      await emulator.moveInOutlook(link.seriesId, originalStart, to);
      await uc.schedule.changedInCalendar(link.chatId!);
    },
    async outlookCancel(link, originalStart) {
      await emulator.cancelInOutlook(link.seriesId, originalStart);
      await uc.schedule.changedInCalendar(link.chatId!);
    },
    async outlookSplit(link, from, cadence) {
      const created = await emulator.splitInOutlook(link.seriesId, from, graphSeriesOf(cadence));
      await notified(link.organizerId, link.seriesId, link.chatId);
      await notified(link.organizerId, created);
      return created;
    },
    async outlookDeleteSeries(link) {
      await emulator.deleteInOutlook(link.seriesId);
      await notified(link.organizerId, link.seriesId, link.chatId);
    },
    async outlookNewSeries(organizerId, attendeeId, cadence) {
      const id = emulator.addSeriesInOutlook(organizerId, {
        subject: '1:1',
        ...graphSeriesOf(cadence),
        attendees: [mailOf(attendeeId)],
      });
      await notified(organizerId, id);
      return id;
    },
    pair: (pairId) => readPair(store, pairId),
    verify: () => expect(emulator.violations).toEqual([]),
    close: () => emulator.close(),
  };
}
