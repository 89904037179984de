import { FixedClock } from '../../../core/clock';
import { keys, type CalendarLink, type PairDocument } from '../../../core/model/documents';
import type { Calendar } from '../../../core/ports/calendar';
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
  pair(pairId: string): Promise<PairDocument>;
  /** Checks after each trace (the Graph emulator: every request was in the OpenAPI subset). */
  verify(): void;
  close(): Promise<void>;
}

function useCasesOver(calendar: Calendar, clock: FixedClock, store: MemoryDocumentStore): UseCases {
  return createUseCases({
    store,
    personalStores: new MemoryPersonalDocumentStores(),
    calendar,
    directory: new DemoDirectory(),
    clock,
    ids: new SequentialIds(),
    changes: new RecordingChangeFeed(),
  });
}

async function readPair(store: MemoryDocumentStore, pairId: string): Promise<PairDocument> {
  return (await store.get<PairDocument>(keys.pair(pairId)))!.body;
}

/** Embedded mode: the local calendar is the organizer's calendar, changed directly for "Outlook". */
export async function embeddedWorld(start: Date): Promise<World> {
  const clock = new FixedClock(start);
  const store = new MemoryDocumentStore();
  const calendar = new LocalCalendar(store);
  return {
    uc: useCasesOver(calendar, clock, store),
    clock,
    asUser: (_userId, call) => call(),
    outlookMove: async (link, originalStart, to) => void (await calendar.moveOccurrence(link, originalStart, to)),
    outlookCancel: (link, originalStart) => calendar.cancelOccurrence(link, originalStart),
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
  const uc = useCasesOver(new GraphCalendar(principals), clock, store);
  return {
    uc,
    clock,
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
    pair: (pairId) => readPair(store, pairId),
    verify: () => expect(emulator.violations).toEqual([]),
    close: () => emulator.close(),
  };
}
