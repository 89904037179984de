import type { Occurrence } from '../ports/calendar';
import { emptySession, type ActionItem, type PairDocument, type SessionDocument, type Topic } from './documents';
import { computePairHealth, MIN_DISTINCT_RATERS, poolRatings, poolTimeShare, slope, type TimePerTopic } from './health';
import { sessionIdFromStart } from './ids';
import { DEFAULT_TEMPLATE } from './sections';
import type { SessionStatus, Slot } from './timeline';

/*
 * A month of a weekly 1:1 (Tuesdays 10:00 UTC, 30 minutes), seen on Wednesday 2026-03-25 12:00:
 *   A 03-03 held                      moods 3 and 4 → 3.5
 *   B 03-10 moved to Wed 03-11, held  mood 2        → 2
 *   C 03-17 skipped
 *   D 03-24 moved to 14:00, held      moods 5 and 4 → 4.5
 *   E 03-31 upcoming
 */
const NOW = new Date('2026-03-25T12:00:00Z');
const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-04-01T00:00:00Z');

const id = (start: string) => sessionIdFromStart(start);
const A = '2026-03-03T10:00:00.000Z';
const B = '2026-03-10T10:00:00.000Z';
const C = '2026-03-17T10:00:00.000Z';
const D = '2026-03-24T10:00:00.000Z';
const E = '2026-03-31T10:00:00.000Z';

function slot(originalStart: string, status: SessionStatus, start = originalStart): Slot {
  const occurrence: Occurrence = {
    originalStart,
    start,
    end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    status: status === 'skipped' || status === 'cancelled' ? 'cancelled' : 'scheduled',
  };
  return { id: id(originalStart), occurrence, status, at: start };
}

const SLOTS: Slot[] = [
  slot(A, 'held'),
  slot(B, 'held', '2026-03-11T10:00:00.000Z'),
  slot(C, 'skipped'),
  slot(D, 'held', '2026-03-24T14:00:00.000Z'),
  slot(E, 'upcoming'),
];

function session(start: string, moods: Record<string, 1 | 2 | 3 | 4 | 5>): SessionDocument {
  const doc = emptySession('p', id(start), start);
  for (const [userId, mood] of Object.entries(moods)) doc.checkIns[userId] = { mood, at: start };
  return doc;
}

const SESSIONS = new Map(
  [session(A, { m: 3, r: 4 }), session(B, { r: 2 }), session(C, {}), session(D, { m: 5, r: 4 })].map((s) => [s.id, s]),
);

function topic(name: string, authorId: string, createdAt: string, sessionId: string, discussedIn?: string): Topic {
  return {
    id: name,
    title: name,
    authorId,
    section: 'topics',
    sessionId,
    createdAt,
    updatedAt: createdAt,
    rev: 1,
    ...(discussedIn && { discussedIn }),
  };
}

const TOPICS: Topic[] = [
  topic('t0', 'm', '2026-02-20T00:00:00.000Z', '20260224T100000Z'), // before the period, still open: carried
  topic('t1', 'r', '2026-03-02T00:00:00.000Z', id(A), id(A)),
  topic('t2', 'r', '2026-03-02T00:00:00.000Z', id(A)), // missed A: carried
  topic('t3', 'm', '2026-03-09T00:00:00.000Z', id(B), id(B)),
  topic('t4', 'r', '2026-03-16T00:00:00.000Z', id(C)), // its session was skipped: carried
  topic('t5', 'm', '2026-03-24T00:00:00.000Z', id(E)), // for the next session: not carried
];

function item(name: string, due: string, status: ActionItem['status'], closedAt?: string): ActionItem {
  return {
    id: name,
    text: name,
    ownerId: 'r',
    due,
    status,
    sourceSessionId: id(A),
    createdBy: 'm',
    createdAt: A,
    rev: 1,
    ...(closedAt && { closedAt }),
  };
}

const ITEMS: ActionItem[] = [
  item('a1', '2026-03-06', 'done', '2026-03-06T23:00:00.000Z'), // done on the due date: on time
  item('a2', '2026-03-13', 'done', '2026-03-14T09:00:00.000Z'), // done a day late
  item('a3', '2026-03-20', 'open'),
  item('a4', '2026-03-25', 'dropped', '2026-03-22T00:00:00.000Z'), // due today (00:00): counts, not done
  item('a5', '2026-03-27', 'open'), // not due yet
  item('a6', '2026-02-27', 'done', '2026-02-26T00:00:00.000Z'), // due before the period
];

const PAIR: PairDocument = {
  schema: 1,
  id: 'p',
  managerId: 'm',
  reportId: 'r',
  createdAt: '2026-02-01T00:00:00.000Z',
  createdBy: 'm',
  cadence: { frequency: 'weekly', startDate: '2026-02-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  template: DEFAULT_TEMPLATE,
  calendar: { provider: 'local', seriesId: 's', organizerId: 'm' },
  promptHoursBefore: 24,
  topics: TOPICS,
  actionItems: ITEMS,
  goals: [],
};

const health = (overrides: Partial<Parameters<typeof computePairHealth>[0]> = {}) =>
  computePairHealth({ pair: PAIR, slots: SLOTS, sessions: SESSIONS, from: FROM, to: TO, now: NOW, ...overrides });

describe('computePairHealth', () => {
  it('computes every metric of a known month', () => {
    expect(health()).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      // A, B, C and D have started; E has not.
      scheduled: 4,
      cadenceKept: { value: 0.75, numerator: 3, denominator: 4 },
      rescheduleRate: { value: 0.5, numerator: 2, denominator: 4 },
      cancelRate: { value: 0.25, numerator: 1, denominator: 4 },
      // A → B: 8 days; B → D: 13 days 4 hours. (8 + 13.1667) / 2.
      averageDaysBetweenSessions: 10.583,
      // t1..t5 were created in the period, three of them by the report.
      reportTopicShare: { value: 0.6, numerator: 3, denominator: 5 },
      // a1..a4 fell due in the period; a1 and a2 are done, a1 on time.
      actionItemsDone: { value: 0.5, numerator: 2, denominator: 4 },
      actionItemsDoneOnTime: { value: 0.5, numerator: 1, denominator: 2 },
      // t0, t2, t4 are 33.5, 23.5 and 9.5 days old.
      carriedOverTopics: { count: 3, averageAgeDays: 22.167, maxAgeDays: 33.5 },
      // Nobody used "Now discussing" in this month.
      time: {
        totalSeconds: 0,
        reportSeconds: 0,
        reportShare: null,
        topicsTimed: 0,
        averageSecondsPerTopic: null,
        longest: [],
      },
      moodTrend: {
        points: [
          { sessionId: id(A), mood: 3.5 },
          { sessionId: id(B), mood: 2 },
          { sessionId: id(D), mood: 4.5 },
        ],
        // x = 0, 1, 2; mean mood 10/3; Σ(x - 1)(y - ȳ) = 1; Σ(x - 1)² = 2.
        slopePerSession: 0.5,
      },
    });
  });

  it('counts carried-over topics also when the period ends now (the default), before the next session', () => {
    const pastOnly = SLOTS.filter((s) => s.occurrence.originalStart < NOW.toISOString());

    const result = health({ slots: pastOnly, to: NOW });

    expect(result.carriedOverTopics).toEqual({ count: 3, averageAgeDays: 22.167, maxAgeDays: 33.5 });
    expect(result.cadenceKept).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('counts a skip ahead of time as scheduled and cancelled', () => {
    const skippedAhead = [...SLOTS.slice(0, 4), slot(E, 'skipped')];

    const result = health({ slots: skippedAhead });

    expect(result.scheduled).toBe(5);
    expect(result.cadenceKept).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    expect(result.cancelRate).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    // t5 was raised for E, which will not take place: it waits for the session after. Ages 33.5, 23.5, 9.5, 1.5.
    expect(result.carriedOverTopics).toEqual({ count: 4, averageAgeDays: 17, maxAgeDays: 33.5 });
  });

  it('reads a cancellation outside Tandem like a skip', () => {
    const result = health({ slots: SLOTS.map((s) => (s.status === 'skipped' ? { ...s, status: 'cancelled' } : s)) });

    expect(result.cancelRate).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('says null, not 0 or NaN, when there is nothing to compute from', () => {
    const empty: PairDocument = { ...PAIR, topics: [], actionItems: [] };

    const result = health({ pair: empty, slots: [], sessions: new Map() });

    expect(result).toMatchObject({
      scheduled: 0,
      cadenceKept: { value: null, numerator: 0, denominator: 0 },
      rescheduleRate: { value: null },
      cancelRate: { value: null },
      averageDaysBetweenSessions: null,
      reportTopicShare: { value: null },
      actionItemsDone: { value: null },
      actionItemsDoneOnTime: { value: null },
      carriedOverTopics: { count: 0, averageAgeDays: null, maxAgeDays: null },
      moodTrend: { points: [], slopePerSession: null },
    });
  });
});

describe('slope', () => {
  it('is the least-squares slope per step, null below two points', () => {
    expect(slope([])).toBeNull();
    expect(slope([3])).toBeNull();
    expect(slope([1, 2, 3])).toBe(1);
    expect(slope([4, 4, 4])).toBe(0);
    expect(slope([5, 1])).toBe(-4);
    expect(slope([1, 3, 2])).toBe(0.5);
  });
});

describe('poolRatings', () => {
  it('stays hidden below three distinct raters, however many ratings there are', () => {
    expect(MIN_DISTINCT_RATERS).toBe(3);
    expect(poolRatings([])).toEqual({ available: false, minimumRaters: 3 });
    const twoRaters = [
      { raterId: 'r1', score: 5 },
      { raterId: 'r1', score: 4 },
      { raterId: 'r2', score: 1 },
      { raterId: 'r2', score: 2 },
    ];
    expect(poolRatings(twoRaters)).toEqual({ available: false, minimumRaters: 3 });
  });

  it('averages every rating from three distinct raters on, to one decimal, without counts', () => {
    const ratings = [
      { raterId: 'r1', score: 4 },
      { raterId: 'r1', score: 5 },
      { raterId: 'r2', score: 3 },
      { raterId: 'r3', score: 1 },
    ];

    expect(poolRatings(ratings)).toEqual({ available: true, average: 3.3 });
    expect(poolRatings(ratings.slice(1))).toEqual({ available: true, average: 3 });
  });
});

describe('time per topic', () => {
  const timed = (start: string, seconds: Record<string, number>): SessionDocument => ({
    ...session(start, {}),
    topicSeconds: seconds,
  });

  it("sums each topic's recorded time over the held sessions and gives the report's share", () => {
    const sessions = new Map(
      [
        timed(A, { t1: 600, t2: 120, secret: 300 }),
        // A private topic never counts. t2 came back the week after; C was skipped and counts nothing, E has not been held.
        timed(B, { t2: 180, t3: 900 }),
        timed(C, { t4: 999 }),
        timed(E, { t5: 999 }),
        timed(D, {}),
      ].map((s) => [s.id, s]),
    );
    const private_: Topic = { ...topic('secret', 'r', A, id(A)), private: true };

    const { time } = health({ sessions, pair: { ...PAIR, topics: [...TOPICS, private_] } });

    expect(time).toEqual({
      totalSeconds: 1800,
      reportSeconds: 900,
      reportShare: 0.5,
      topicsTimed: 3,
      averageSecondsPerTopic: 600,
      longest: [
        { id: 't3', title: 't3', seconds: 900, byReport: false },
        { id: 't1', title: 't1', seconds: 600, byReport: true },
        { id: 't2', title: 't2', seconds: 300, byReport: true },
      ],
    });
  });

  it("pools the report's share across a manager's 1:1s only once enough of them recorded time", () => {
    const time = (total: number, report: number): TimePerTopic => ({
      totalSeconds: total,
      reportSeconds: report,
      reportShare: total === 0 ? null : report / total,
      topicsTimed: 1,
      averageSecondsPerTopic: total,
      longest: [],
    });
    const two = [time(600, 600), time(600, 0), time(0, 0)];
    expect(poolTimeShare(two)).toEqual({ available: false, minimumPairs: MIN_DISTINCT_RATERS });
    expect(poolTimeShare([...two, time(1200, 600)])).toEqual({ available: true, reportShare: 0.5 });
  });
});
