import type { Trace } from '../trace';

/**
 * "This and all following": the organizer changes the rhythm, day, time, length and zone from the next
 * meeting on. What was held stays as it was; a topic raised for a meeting that no longer exists moves to the
 * first meeting after it; the next meeting is the new rhythm's first.
 */
const trace: Trace = {
  name: '"this and all following" changes the series from the next meeting on',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-24T10:00Z', title: 'Conference budget' } },
    { clock: '2026-03-03T10:10Z' },
    { end: '2026-03-03T10:00Z' },
    { clock: '2026-03-12T09:00Z' },
    {
      changeCadence: {
        frequency: 'biweekly',
        startDate: '2026-03-19',
        time: '14:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 45,
      },
    },
    {
      expect: {
        sessions: {
          from: '2026-03-01T00:00Z',
          to: '2026-04-20T00:00Z',
          are: [
            '2026-03-03T10:00Z held',
            '2026-03-10T10:00Z held',
            '2026-03-19T13:00Z upcoming',
            '2026-04-02T12:00Z upcoming',
            '2026-04-16T12:00Z upcoming',
          ],
        },
        next: '2026-03-19T13:00Z',
        cadence: { frequency: 'biweekly', timeZone: 'Europe/Berlin', time: '14:00', durationMinutes: 45 },
        topics: { '2026-04-02T12:00Z': ['Conference budget'] },
      },
    },
  ],
};
export default trace;
