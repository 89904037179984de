import type { Trace } from '../trace';

/** Skipping a meeting weeks ahead in Tandem, and one cancelled in Outlook: their topics carry to the next. */
const trace: Trace = {
  name: 'skip ahead of time (and a cancellation in Outlook)',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-24T10:00Z', title: 'Team offsite' } },
    { addTopic: { session: '2026-03-17T10:00Z', title: 'Hiring plan' } },
    { skip: '2026-03-24T10:00Z' },
    { outlookCancel: '2026-03-17T10:00Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-03T00:00Z',
          to: '2026-04-01T00:00Z',
          are: [
            '2026-03-03T10:00Z upcoming',
            '2026-03-10T10:00Z upcoming',
            '2026-03-17T10:00Z cancelled',
            '2026-03-24T10:00Z skipped',
            '2026-03-31T10:00Z upcoming',
          ],
        },
        next: '2026-03-03T10:00Z',
        topics: { '2026-03-31T10:00Z': ['Team offsite', 'Hiring plan'] },
      },
    },
    { clock: '2026-03-24T12:00Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-03T00:00Z',
          to: '2026-04-01T00:00Z',
          are: [
            '2026-03-03T10:00Z held',
            '2026-03-10T10:00Z held',
            '2026-03-17T10:00Z cancelled',
            '2026-03-24T10:00Z skipped',
            '2026-03-31T10:00Z upcoming',
          ],
        },
        next: '2026-03-31T10:00Z',
      },
    },
  ],
};
export default trace;
