import type { Trace } from '../trace';

/** One meeting moved earlier in Outlook, the next one later in Tandem: each is held by its new time. */
const trace: Trace = {
  name: 'a move earlier (in Outlook) and a move later (in Tandem)',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-16T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-24T10:00Z', title: 'Roadmap' } },
    { outlookMove: { session: '2026-03-24T10:00Z', to: '2026-03-20T09:00Z' } },
    { move: { session: '2026-03-31T10:00Z', to: '2026-04-02T16:00Z' } },
    { clock: '2026-03-20T09:40Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-17T00:00Z',
          to: '2026-04-08T00:00Z',
          are: [
            '2026-03-17T10:00Z held',
            '2026-03-24T10:00Z → 2026-03-20T09:00Z held',
            '2026-03-31T10:00Z → 2026-04-02T16:00Z upcoming',
            '2026-04-07T10:00Z upcoming',
          ],
        },
        next: '2026-03-31T10:00Z',
        topics: { '2026-03-24T10:00Z': ['Roadmap'] },
      },
    },
    { clock: '2026-03-31T12:00Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-31T00:00Z',
          to: '2026-04-01T00:00Z',
          are: ['2026-03-31T10:00Z → 2026-04-02T16:00Z upcoming'],
        },
      },
    },
    { clock: '2026-04-02T16:31Z' },
    { expect: { next: '2026-04-07T10:00Z' } },
  ],
};
export default trace;
