import type { TaskMirror } from '../../core/ports/task-mirror';
import { FixedClock } from '../../core/clock';
import type { Cadence, Frequency } from '../../core/model/cadence';
import type { AgendaView, TopicView } from '../../core/model/agenda-view';
import { sessionIdFromStart } from '../../core/model/ids';
import type { ChangeFeed, PairChange } from '../../core/ports/change-feed';
import type { IdGenerator } from '../../core/ports/id-generator';
import { createUseCases, type TandemDeps, type UseCases } from '../../core/use-cases';
import { DEMO_PEOPLE, DemoDirectory } from '../../adapters/embedded/demo-directory';
import { LocalCalendar } from '../../adapters/embedded/local-calendar';
import { MemoryDocumentStore, MemoryPersonalDocumentStores } from '../../adapters/memory/memory-document-store';
import { lateBound } from './late-bound';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Before the default pair's first session (Tuesday 2026-03-03 10:00 UTC). */
export const HARNESS_START = new Date('2026-03-02T08:00:00Z');

/** The demo organisation plus Drew, a third report of Avery: pooled ratings need three distinct raters. */
export const PEOPLE_WITH_THIRD_REPORT = [
  ...DEMO_PEOPLE,
  { id: 'drew', displayName: 'Drew Rivera', email: 'drew@tandem.example', managerId: 'avery' },
];

/** Ids id-1, id-2, … in order of use, so tests can name what the use-cases generated. */
export class SequentialIds implements IdGenerator {
  private next = 1;
  constructor(private readonly prefix = 'id') {}
  newId(): string {
    return `${this.prefix}-${this.next++}`;
  }
}

/** Keeps every published change, in order. */
export class RecordingChangeFeed implements ChangeFeed {
  readonly published: PairChange[] = [];
  publish(change: PairChange): void {
    this.published.push(change);
  }
  clear(): void {
    this.published.length = 0;
  }
}

export interface PairOptions {
  readonly id?: string;
  readonly managerId?: string;
  readonly reportId?: string;
  readonly frequency?: Frequency;
  /** First occurrence's date (YYYY-MM-DD). */
  readonly startDate?: string;
  readonly time?: string;
  readonly timeZone?: string;
  readonly durationMinutes?: number;
}

export interface PairFixture {
  readonly pairId: string;
  readonly managerId: string;
  readonly reportId: string;
  readonly cadence: Cadence;
  /** Original start of occurrence n (0-based). Weekly and biweekly UTC series only. */
  start(n: number): Date;
  /** Session id of occurrence n (0-based). */
  sessionId(n: number): string;
}

export interface Harness {
  readonly uc: UseCases;
  readonly deps: TandemDeps;
  readonly clock: FixedClock;
  readonly store: MemoryDocumentStore;
  readonly personalStores: MemoryPersonalDocumentStores;
  readonly calendar: LocalCalendar;
  readonly directory: DemoDirectory;
  readonly ids: SequentialIds;
  /** Every change the use-cases published, in order. */
  readonly changes: PairChange[];
  readonly feed: RecordingChangeFeed;
  /** Creates a 1:1 as its manager would: Avery–Blake weekly from 2026-03-03 10:00 UTC, 30 minutes, by default. */
  createPair(options?: PairOptions): Promise<PairFixture>;
  /** Sets the clock to `minutes` after the original start of the pair's occurrence n. */
  at(pair: PairFixture, n: number, minutes?: number): void;
  /** Sets the clock to just after occurrence n's scheduled end, so it counts as held. */
  after(pair: PairFixture, n: number): void;
  /** The agenda of a session as `actor` sees it; Avery–Blake's unless another pair is named. */
  agenda(actor: string, sessionId: string, pairId?: string): Promise<AgendaView>;
}

export interface HarnessOptions {
  readonly now?: Date;
  readonly people?: ConstructorParameters<typeof DemoDirectory>[0];
  readonly taskMirror?: TaskMirror;
}

/** The cadence `createPair()` gives by default: weekly on Tuesdays from 2026-03-03, 10:00 UTC, 30 minutes. */
const DEFAULT_CADENCE: Cadence = {
  frequency: 'weekly',
  startDate: '2026-03-03',
  time: '10:00',
  timeZone: 'UTC',
  durationMinutes: 30,
};

/** Avery–Blake's 1:1 as `createPair()` makes it by default: its id and session ids are known before it exists. */
export const AVERY_BLAKE: PairFixture = pairFixture('avery-blake', 'avery', 'blake', DEFAULT_CADENCE);

/** Every topic of an agenda, section by section. */
export function topicsOf(view: AgendaView): TopicView[] {
  return view.sections.flatMap((s) => s.topics);
}

/**
 * A fresh harness for each test of the enclosing describe block (or once for the block with `once`), with
 * Avery–Blake's 1:1 already created (`AVERY_BLAKE`) unless `pair: false`:
 *
 *   const h = useHarness();
 *   const s0 = AVERY_BLAKE.sessionId(0);
 *   it('…', async () => { await h.uc.topics.add('blake', AVERY_BLAKE.pairId, s0, { title: 'Career' }); });
 */
export function useHarness(options: HarnessOptions & { pair?: boolean; once?: boolean } = {}): Harness {
  let current: Harness | undefined;
  (options.once ? beforeAll : beforeEach)(async () => {
    current = createHarness(options);
    if (options.pair !== false) await current.createPair();
  });
  return lateBound(() => current, 'useHarness');
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = new FixedClock(options.now ?? HARNESS_START);
  const store = new MemoryDocumentStore();
  const personalStores = new MemoryPersonalDocumentStores();
  const calendar = new LocalCalendar(store);
  const directory = new DemoDirectory(options.people);
  const ids = new SequentialIds();
  const feed = new RecordingChangeFeed();
  const deps: TandemDeps = {
    store,
    personalStores,
    calendar,
    directory,
    clock,
    ids,
    changes: feed,
    ...(options.taskMirror && { taskMirror: options.taskMirror }),
  };
  const uc = createUseCases(deps);

  const harness: Harness = {
    uc,
    deps,
    clock,
    store,
    personalStores,
    calendar,
    directory,
    ids,
    changes: feed.published,
    feed,
    async createPair(pairOptions: PairOptions = {}): Promise<PairFixture> {
      const managerId = pairOptions.managerId ?? 'avery';
      const reportId = pairOptions.reportId ?? 'blake';
      const cadence: Cadence = {
        frequency: pairOptions.frequency ?? DEFAULT_CADENCE.frequency,
        startDate: pairOptions.startDate ?? DEFAULT_CADENCE.startDate,
        time: pairOptions.time ?? DEFAULT_CADENCE.time,
        timeZone: pairOptions.timeZone ?? DEFAULT_CADENCE.timeZone,
        durationMinutes: pairOptions.durationMinutes ?? DEFAULT_CADENCE.durationMinutes,
      };
      const id = pairOptions.id ?? `${managerId}-${reportId}`;
      await uc.pairs.create(managerId, { id, reportId, cadence });
      return pairFixture(id, managerId, reportId, cadence);
    },
    at(pair, n, minutes = 0) {
      clock.set(new Date(pair.start(n).getTime() + minutes * MINUTE));
    },
    after(pair, n) {
      clock.set(new Date(pair.start(n).getTime() + (pair.cadence.durationMinutes + 1) * MINUTE));
    },
    agenda: (actor, sessionId, pairId = AVERY_BLAKE.pairId) => uc.sessions.agenda(actor, pairId, sessionId),
  };
  return harness;
}

export function pairFixture(pairId: string, managerId: string, reportId: string, cadence: Cadence): PairFixture {
  const first = Date.parse(`${cadence.startDate}T${cadence.time}:00Z`);
  const step = cadence.frequency === 'weekly' ? 7 * DAY : cadence.frequency === 'biweekly' ? 14 * DAY : undefined;
  const start = (n: number): Date => {
    if (step === undefined || cadence.timeZone !== 'UTC') {
      throw new Error('start(n) is for weekly and biweekly UTC series; list the calendar for others');
    }
    return new Date(first + n * step);
  };
  return { pairId, managerId, reportId, cadence, start, sessionId: (n) => sessionIdFromStart(start(n)) };
}
