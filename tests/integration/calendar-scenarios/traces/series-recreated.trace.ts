import type { Trace } from '../trace';

/**
 * The organizer deletes the series in Outlook and makes a new one with the same report. The 1:1 does not
 * vanish: it stays listed with no next meeting, and follows the new series as soon as the calendar tells of
 * it (the old one is gone and the new one has exactly the pair's two people). Topics raised for a date the
 * new series also meets on are still there.
 */
const trace: Trace = {
  name: 'the series cancelled in Outlook and recreated: the 1:1 follows the new series',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-24T10:00Z', title: 'Team offsite' } },
    { clock: '2026-03-12T09:00Z' },
    { outlookDeleteSeries: true },
    // Still Blake's 1:1, readable, with nothing ahead (a deleted series takes its occurrences with it).
    { expect: { next: 'none', sessions: { from: '2026-03-12T00:00Z', to: '2026-04-01T00:00Z', are: [] } } },
    { refused: { skip: '2026-03-17T10:00Z' }, because: 'NotFoundError' },
    {
      outlookNewSeries: {
        by: 'avery',
        with: 'blake',
        cadence: { frequency: 'weekly', startDate: '2026-03-17', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
      },
    },
    {
      expect: {
        next: '2026-03-17T10:00Z',
        sessions: {
          from: '2026-03-12T00:00Z',
          to: '2026-04-01T00:00Z',
          are: ['2026-03-17T10:00Z upcoming', '2026-03-24T10:00Z upcoming', '2026-03-31T10:00Z upcoming'],
        },
        organizer: 'avery',
        topics: { '2026-03-24T10:00Z': ['Team offsite'] },
      },
    },
    { skip: '2026-03-24T10:00Z' },
    {
      expect: {
        sessions: {
          from: '2026-03-20T00:00Z',
          to: '2026-04-01T00:00Z',
          are: ['2026-03-24T10:00Z skipped', '2026-03-31T10:00Z upcoming'],
        },
        topics: { '2026-03-31T10:00Z': ['Team offsite'] },
      },
    },
  ],
};
export default trace;
