import { ratingGap } from '../model/health-advice';
import type { PutOptions } from '../ports/document-store';
import {
  AVERY_BLAKE,
  PEOPLE_WITH_THIRD_REPORT,
  useHarness,
  type PairFixture,
} from '../../tests/support/use-case-harness';

const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-04-01T00:00:00Z');

describe('pooled meeting ratings', () => {
  const h = useHarness({ people: PEOPLE_WITH_THIRD_REPORT, pair: false });
  let pairs: PairFixture[];

  beforeEach(async () => {
    pairs = [];
    for (const reportId of ['blake', 'casey', 'drew']) pairs.push(await h.createPair({ reportId }));
    h.after(pairs[0]!, 0);
  });

  const rate = (actor: string, n: number, score: number, session = 0) =>
    h.uc.sessions.rate(actor, pairs[n]!.pairId, pairs[n]!.sessionId(session), score);
  /** The released figure of one quarter, read on `at`. */
  const released = async (period: string, at = '2026-04-01T00:00:00Z') => {
    h.clock.set(at);
    const { periods } = await h.uc.insights.pooledRatings('avery');
    return periods.find((p) => p.period === period);
  };

  it('stays hidden with two distinct raters, however many ratings, and counts no rating of the manager', async () => {
    await rate('blake', 0, 5);
    await rate('casey', 1, 4);
    await rate('avery', 0, 1);
    await rate('avery', 1, 1);
    await rate('avery', 2, 1);
    h.after(pairs[0]!, 1);
    await rate('blake', 0, 5, 1);

    await expect(released('2026-Q1')).resolves.toEqual({
      period: '2026-Q1',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      available: false,
      minimumRaters: 3,
    });
  });

  it("averages the reports' ratings per closed quarter from three distinct raters on, to one decimal and without counts", async () => {
    await rate('blake', 0, 5);
    await rate('casey', 1, 4);
    await rate('drew', 2, 4);
    await rate('avery', 0, 1);

    h.clock.set('2026-03-31T23:59:59Z');
    const open = await h.uc.insights.pooledRatings('avery');
    expect(open.periods.map((p) => p.period)).not.toContain('2026-Q1');

    h.clock.set('2026-04-01T00:00:00Z');
    const view = await h.uc.insights.pooledRatings('avery');
    expect(view).toMatchObject({ periodKind: 'calendar quarter (UTC)', minimumRaters: 3 });
    expect(view.periods.map((p) => p.period)).toEqual([
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
    ]);
    expect(view.periods.at(-1)).toEqual({
      period: '2026-Q1',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      available: true,
      average: 4.3,
      managerAverage: 1,
    });
  });

  it("puts the manager's own rating beside a released pool only, never beside a hidden one", async () => {
    await rate('blake', 0, 3);
    await rate('casey', 1, 3);
    await rate('avery', 0, 5);
    await rate('avery', 1, 4);
    expect(await released('2026-Q1', '2026-04-01T00:00:00Z')).toEqual(
      expect.not.objectContaining({ managerAverage: expect.anything() }),
    );

    // The next quarter, with three raters: the two figures side by side, and the gap asks for advice.
    h.clock.set('2026-04-02T00:00:00Z');
    await rate('blake', 0, 3, 4);
    await rate('casey', 1, 3, 4);
    await rate('drew', 2, 4, 4);
    await rate('avery', 0, 5, 4);
    const q2 = await released('2026-Q2', '2026-07-01T00:00:00Z');
    expect(q2).toMatchObject({ available: true, average: 3.3, managerAverage: 5 });
    expect(ratingGap(q2!)).toEqual({ gap: 1.7, adviceDue: true });
    expect(ratingGap({ available: true, average: 4, managerAverage: 4.2 })).toEqual({ gap: 0.2, adviceDue: false });
    expect(ratingGap({ available: false })).toBeNull();
  });

  it('releases a quarter once and never revises it: a change or a late rating counts toward the quarter it is given in', async () => {
    await rate('blake', 0, 5);
    await rate('casey', 1, 4);
    await rate('drew', 2, 3);
    expect(await released('2026-Q1', '2026-04-02T00:00:00Z')).toMatchObject({ available: true, average: 4 });

    h.clock.set('2026-04-03T00:00:00Z');
    await rate('blake', 0, 1);
    await rate('casey', 1, 1, 1);
    await rate('drew', 2, 1, 2);
    expect(await released('2026-Q1', '2026-04-04T00:00:00Z')).toMatchObject({ available: true, average: 4 });
    expect(await released('2026-Q2', '2026-07-01T00:00:00Z')).toMatchObject({ available: true, average: 1 });
  });

  it('keeps a quarter as first released even when a rating moves out of it before anyone asked again', async () => {
    await rate('blake', 0, 5);
    await rate('casey', 1, 4);
    await rate('drew', 2, 3);
    const first = await released('2026-Q1', '2026-05-01T00:00:00Z');
    h.clock.set('2026-05-02T00:00:00Z');
    await rate('blake', 0, 1, 8);
    expect(await released('2026-Q1', '2026-05-03T00:00:00Z')).toEqual(first);
  });

  it('refuses a rating more than 90 days after the session', async () => {
    h.clock.set(new Date(pairs[0]!.start(0).getTime() + 91 * 86_400_000));
    await expect(rate('blake', 0, 5)).rejects.toMatchObject({ name: 'ConflictError', field: 'sessionId' });
  });

  it('is for managers only', async () => {
    for (const actor of ['blake', 'devon']) {
      await expect(h.uc.insights.pooledRatings(actor)).rejects.toMatchObject({ name: 'ForbiddenError' });
    }
  });

  it('still answers when a 1:1 was left half-created (indexed, with no pair document)', async () => {
    await rate('blake', 0, 5);
    await rate('casey', 1, 4);
    await rate('drew', 2, 3);
    const put = h.store.put.bind(h.store);
    const failing = jest
      .spyOn(h.store, 'put')
      .mockImplementation(async (key: string, body: unknown, options?: PutOptions): Promise<string> => {
        if (key === 'pairs/half/pair') throw new Error('storage unavailable');
        return put(key, body, options);
      });
    const cadence = {
      frequency: 'weekly',
      startDate: '2026-03-05',
      time: '09:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    };
    await expect(
      h.uc.pairs.create('avery', {
        id: 'half',
        reportId: 'casey',
        cadence: { ...cadence, frequency: 'weekly' },
        allowDuplicate: true,
      }),
    ).rejects.toThrow('storage unavailable');
    failing.mockRestore();

    await expect(released('2026-Q1')).resolves.toMatchObject({ available: true, average: 4 });
    expect((await h.uc.pairs.me('avery')).pairs.map((p) => p.id)).toEqual(['avery-blake', 'avery-casey', 'avery-drew']);
  });
});

describe('pair health through the use-cases', () => {
  const h = useHarness({ once: true });
  const pair = AVERY_BLAKE;

  /*
   * Weekly on Tuesdays at 10:00 UTC, seen on Wednesday 2026-03-25 12:00:
   *   s0 03-03 held; Blake raised two topics and Avery one; moods 4 and 2
   *   s1 03-10 moved to Wednesday 03-11, held; mood 5
   *   s2 03-17 skipped
   *   s3 03-24 held; moods 4 and 5
   *   s4 03-31 upcoming; Blake raised one topic
   */
  beforeAll(async () => {
    const { pairId } = pair;
    const [s0, s1, s2, s3, s4] = [0, 1, 2, 3, 4].map((n) => pair.sessionId(n)) as [
      string,
      string,
      string,
      string,
      string,
    ];
    await h.uc.topics.add('blake', pairId, s0, { id: 't1', title: 'Career' });
    await h.uc.topics.add('blake', pairId, s0, { id: 't2', title: 'Budget' });
    await h.uc.topics.add('avery', pairId, s0, { id: 't3', title: 'On-call' });
    h.at(pair, 0, 5);
    await h.uc.sessions.checkIn('blake', pairId, s0, { mood: 4 });
    await h.uc.sessions.checkIn('avery', pairId, s0, { mood: 2 });
    await h.uc.topics.edit('avery', pairId, s0, 't1', { rev: 1, discussed: true });
    await h.uc.topics.edit('blake', pairId, s0, 't3', { rev: 1, discussed: true });
    const item = (id: string, due: string) =>
      h.uc.commitments.addActionItem('avery', pairId, { id, text: id, ownerId: 'blake', due, sessionId: s0 });
    await item('a1', '2026-03-06');
    await item('a2', '2026-03-13');
    await item('a3', '2026-03-20');

    h.clock.set('2026-03-05T09:00:00Z');
    await h.uc.commitments.editActionItem('blake', pairId, 'a1', { rev: 1, status: 'done' });
    h.clock.set('2026-03-09T09:00:00Z');
    await h.uc.schedule.move('avery', pairId, s1, new Date('2026-03-11T10:00:00Z'));
    h.clock.set('2026-03-11T10:05:00Z');
    await h.uc.sessions.checkIn('blake', pairId, s1, { mood: 5 });
    h.clock.set('2026-03-16T09:00:00Z');
    await h.uc.commitments.editActionItem('blake', pairId, 'a2', { rev: 1, status: 'done' });
    await h.uc.schedule.skip('avery', pairId, s2);
    h.at(pair, 3, 5);
    await h.uc.sessions.checkIn('blake', pairId, s3, { mood: 4 });
    await h.uc.sessions.checkIn('avery', pairId, s3, { mood: 5 });
    h.clock.set('2026-03-25T12:00:00Z');
    await h.uc.topics.add('blake', pairId, s4, { id: 't4', title: 'Promotion' });
  });

  const expected = {
    scheduled: 4,
    cadenceKept: { value: 0.75, numerator: 3, denominator: 4 },
    rescheduleRate: { value: 0.25, numerator: 1, denominator: 4 },
    cancelRate: { value: 0.25, numerator: 1, denominator: 4 },
    // 03-03 → 03-11: 8 days; 03-11 → 03-24: 13 days.
    averageDaysBetweenSessions: 10.5,
    reportTopicShare: { value: 0.75, numerator: 3, denominator: 4 },
    actionItemsDone: { value: 0.667, numerator: 2, denominator: 3 },
    actionItemsDoneOnTime: { value: 0.5, numerator: 1, denominator: 2 },
    // t2, raised 2026-03-02 08:00, is 23 days 4 hours old.
    carriedOverTopics: { count: 1, averageAgeDays: 23.167, maxAgeDays: 23.167 },
    time: {
      totalSeconds: 0,
      reportSeconds: 0,
      reportShare: null,
      topicsTimed: 0,
      averageSecondsPerTopic: null,
      longest: [],
    },
  };

  it('derives every metric from the history, for either person', async () => {
    for (const actor of ['avery', 'blake']) {
      const health = await h.uc.insights.pairHealth(actor, pair.pairId, FROM, TO);

      expect(health).toEqual({
        ...expected,
        from: FROM.toISOString(),
        to: TO.toISOString(),
        moodTrend: {
          points: [
            { sessionId: pair.sessionId(0), mood: 3 },
            { sessionId: pair.sessionId(1), mood: 5 },
            { sessionId: pair.sessionId(3), mood: 4.5 },
          ],
          // x = 0, 1, 2: (4.5 - 3) / 2.
          slopePerSession: 0.75,
        },
      });
    }
  });

  it('gives the same figures for the default period, which ends now', async () => {
    const now = h.clock.now();
    const health = await h.uc.insights.pairHealth('blake', pair.pairId, FROM, now);

    expect(health).toMatchObject({
      scheduled: 4,
      cadenceKept: expected.cadenceKept,
      carriedOverTopics: expected.carriedOverTopics,
      moodTrend: { slopePerSession: 0.75 },
    });
  });

  it('refuses a period that is empty, reversed, longer than 400 days or beyond the horizon, naming the limit', async () => {
    const health = (from: string | Date, to: string | Date) =>
      h.uc.insights.pairHealth('avery', pair.pairId, new Date(from), new Date(to));
    await expect(health(TO, FROM)).rejects.toMatchObject({ field: 'to' });
    await expect(health('x', TO)).rejects.toMatchObject({ field: 'from' });
    await expect(health(FROM, new Date(FROM.getTime() + 401 * 86_400_000))).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'to',
    });
    await expect(health('9999-01-01T00:00:00Z', '9999-02-01T00:00:00Z')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'from',
      message: 'must be within 10 years before and 5 years after today',
    });
    await expect(health('1970-01-01T00:00:00Z', '1970-02-01T00:00:00Z')).rejects.toMatchObject({ field: 'from' });
  });
});
