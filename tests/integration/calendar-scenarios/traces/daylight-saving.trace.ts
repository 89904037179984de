import type { Trace } from '../trace';

/**
 * Mondays at 09:00 in Berlin across the change to summer time (29 March 2026): 08:00 UTC before, 07:00 UTC
 * after. A meeting moved before the change, one skipped after it.
 */
const trace: Trace = {
  name: 'a daylight-saving change under a recurring slot',
  cadence: {
    frequency: 'weekly',
    startDate: '2026-03-16',
    time: '09:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 30,
  },
  start: '2026-03-15T08:00Z',
  steps: [
    { outlookMove: { session: '2026-03-23T08:00Z', to: '2026-03-24T08:00Z' } },
    { skip: '2026-04-06T07:00Z' },
    { clock: '2026-03-30T07:10Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-15T00:00Z',
          to: '2026-04-14T00:00Z',
          are: [
            '2026-03-16T08:00Z held',
            '2026-03-23T08:00Z → 2026-03-24T08:00Z held',
            '2026-03-30T07:00Z in-progress',
            '2026-04-06T07:00Z skipped',
            '2026-04-13T07:00Z upcoming',
          ],
        },
        next: '2026-03-30T07:00Z',
      },
    },
  ],
};
export default trace;
