import type { Trace } from '../trace';

/** A meeting postponed past the one after it keeps its agenda, and the order of "next" follows the times. */
const trace: Trace = {
  name: 'postpone beyond the next occurrence',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-10T10:00Z', title: 'Promotion case' } },
    { move: { session: '2026-03-10T10:00Z', to: '2026-03-19T15:00Z' } },
    { clock: '2026-03-17T11:00Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-03T00:00Z',
          to: '2026-03-25T00:00Z',
          are: [
            '2026-03-03T10:00Z held',
            '2026-03-10T10:00Z → 2026-03-19T15:00Z upcoming',
            '2026-03-17T10:00Z held',
            '2026-03-24T10:00Z upcoming',
          ],
        },
        next: '2026-03-10T10:00Z',
        topics: { '2026-03-10T10:00Z': ['Promotion case'] },
      },
    },
    { clock: '2026-03-19T15:40Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-10T00:00Z',
          to: '2026-03-11T00:00Z',
          are: ['2026-03-10T10:00Z → 2026-03-19T15:00Z held'],
        },
        next: '2026-03-24T10:00Z',
      },
    },
  ],
};
export default trace;
