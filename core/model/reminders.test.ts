import type { Occurrence } from '../ports/calendar';
import type { ActionItem, PairDocument } from './documents';
import { DEFAULT_TEMPLATE } from './sections';
import { nudgeTime, planPairReminders, type PlanWindow } from './reminders';

const HOUR = 3_600_000;

function pair(actionItems: Partial<ActionItem>[] = [], timeZone = 'UTC'): PairDocument {
  return {
    schema: 1,
    id: 'p1',
    managerId: 'avery',
    reportId: 'blake',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'avery',
    cadence: { frequency: 'weekly', startDate: '2026-11-23', time: '09:00', timeZone, durationMinutes: 30 },
    template: DEFAULT_TEMPLATE,
    calendar: { provider: 'local', seriesId: 's', organizerId: 'avery' },
    promptHoursBefore: 24,
    topics: [],
    actionItems: actionItems.map((a, i) => ({
      id: `a${i}`,
      text: 'x',
      ownerId: 'blake',
      due: '2026-11-26',
      status: 'open',
      sourceSessionId: '20261116T090000Z',
      createdBy: 'avery',
      createdAt: '2026-11-16T09:10:00.000Z',
      rev: 1,
      ...a,
    })),
    goals: [],
  };
}

const occurrence = (start: string, status: Occurrence['status'] = 'scheduled'): Occurrence => ({
  originalStart: start,
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  status,
});

const window = (now: string): PlanWindow => ({
  now: Date.parse(now),
  horizonMs: HOUR,
  lookbackMs: 48 * HOUR,
  recapGraceMs: 15 * 60_000,
});

describe('planPairReminders', () => {
  it('plans a prompt for both people the pair-set hours before, report first, once it is within the horizon', () => {
    const o = occurrence('2026-11-30T09:00:00.000Z');
    expect(planPairReminders(pair(), [o], window('2026-11-29T07:00:00Z'))).toEqual([]);

    const planned = planPairReminders(pair(), [o], window('2026-11-29T08:30:00Z'));
    expect(planned.map((p) => [p.key, p.dueAt])).toEqual([
      ['prompt.p1.20261130T090000Z.blake', '2026-11-29T09:00:00.000Z'],
      ['prompt.p1.20261130T090000Z.avery', '2026-11-29T09:00:00.000Z'],
    ]);
  });

  it('plans the recap at the scheduled end plus the grace period, and nothing for a cancelled occurrence', () => {
    const planned = planPairReminders(pair(), [occurrence('2026-11-30T09:00:00.000Z')], window('2026-11-30T09:00:00Z'));
    expect(planned).toEqual([
      {
        key: 'recap.p1.20261130T090000Z',
        kind: 'recap',
        dueAt: '2026-11-30T09:45:00.000Z',
        payload: {
          pairId: 'p1',
          sessionId: '20261130T090000Z',
          managerId: 'avery',
          reportId: 'blake',
          end: '2026-11-30T09:30:00.000Z',
        },
      },
    ]);
    expect(
      planPairReminders(pair(), [occurrence('2026-11-30T09:00:00.000Z', 'cancelled')], window('2026-11-30T09:00:00Z')),
    ).toEqual([]);
  });

  it('nudges the owner of an open action item at 09:00 local time the day before it is due, keyed by due date', () => {
    const planned = planPairReminders(
      pair([{ due: '2026-11-26' }, { due: '2026-11-26', status: 'done' }]),
      [],
      window('2026-11-25T08:30:00Z'),
    );
    expect(planned).toEqual([
      {
        key: 'nudge.p1.a0.2026-11-26',
        kind: 'nudge',
        dueAt: '2026-11-25T09:00:00.000Z',
        payload: { pairId: 'p1', itemId: 'a0', userId: 'blake', due: '2026-11-26' },
      },
    ]);
  });

  it('drops a nudge missed by more than half a day (it would say "due tomorrow" on the due date)', () => {
    expect(planPairReminders(pair([{ due: '2026-11-26' }]), [], window('2026-11-25T20:59:00Z'))).toHaveLength(1);
    expect(planPairReminders(pair([{ due: '2026-11-26' }]), [], window('2026-11-25T21:01:00Z'))).toEqual([]);
  });

  it('takes the time zone of the pair for the nudge', () => {
    expect(new Date(nudgeTime('2026-11-26', 'America/New_York')).toISOString()).toBe('2026-11-25T14:00:00.000Z');
    expect(new Date(nudgeTime('2026-07-16', 'Europe/Berlin')).toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });
});
