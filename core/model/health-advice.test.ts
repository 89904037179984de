import { cadenceDrift, healthAdvice, realCadence } from './health-advice';
import type { PairHealth } from './health';

const ratio = (value: number | null) => ({ value, numerator: 0, denominator: value === null ? 0 : 10 });
const healthy: PairHealth = {
  from: '2026-01-01T00:00:00Z',
  to: '2026-04-01T00:00:00Z',
  scheduled: 12,
  cadenceKept: ratio(1),
  rescheduleRate: ratio(0),
  cancelRate: ratio(0),
  averageDaysBetweenSessions: 7,
  reportTopicShare: ratio(0.7),
  actionItemsDone: ratio(0.9),
  actionItemsDoneOnTime: ratio(0.8),
  carriedOverTopics: { count: 0, averageAgeDays: null, maxAgeDays: null },
  time: {
    totalSeconds: 0,
    reportSeconds: 0,
    reportShare: null,
    topicsTimed: 0,
    averageSecondsPerTopic: null,
    longest: [],
  },
  moodTrend: { points: [], slopePerSession: null },
};

describe('meeting health that helps', () => {
  it('buckets the real gap between sessions and says how far it drifted from the plan', () => {
    expect([7, 14, 30, 60].map(realCadence)).toEqual(['weekly', 'biweekly', 'monthly', 'less than monthly']);
    expect(cadenceDrift('weekly', 29)).toEqual({ real: 'monthly', bucketsSlower: 2 });
    expect(cadenceDrift('monthly', 7)).toEqual({ real: 'weekly', bucketsSlower: 0 });
    expect(cadenceDrift('weekly', null)).toBeNull();
  });

  it('gives no advice to a healthy 1:1, and one line per measure that asks for it', () => {
    expect(healthAdvice(healthy, 'weekly')).toEqual([]);
    const struggling = {
      ...healthy,
      averageDaysBetweenSessions: 28,
      cadenceKept: ratio(0.5),
      reportTopicShare: ratio(0.2),
      actionItemsDoneOnTime: ratio(0.3),
    };
    expect(healthAdvice(struggling, 'weekly').map((a) => a.measure)).toEqual([
      'Planned weekly, really monthly',
      'Sessions kept',
      'Topics raised by the report',
      'Commitments done on time',
    ]);
  });

  it('says nothing where there is nothing to measure yet', () => {
    const empty = {
      ...healthy,
      averageDaysBetweenSessions: null,
      reportTopicShare: ratio(null),
      actionItemsDoneOnTime: ratio(null),
    };
    expect(healthAdvice(empty, 'weekly')).toEqual([]);
  });
});
