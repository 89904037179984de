import type { Trace } from '../trace';

/**
 * "This and all following" made in Outlook: from 24 March the organizer moves the 1:1 to Thursdays at 14:00
 * Berlin time, 45 minutes. Outlook ends the old series on the day before and makes a new series with a Teams
 * meeting of its own; Tandem follows the pair to it. What was held stays; a topic raised for a date after
 * the split shows on the new series' first meeting after that date.
 */
const trace: Trace = {
  name: '"this and all following" made in Outlook: the 1:1 follows the new series',
  modes: ['graph'],
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-31T10:00Z', title: 'Conference budget' } },
    { addTopic: { session: '2026-03-17T10:00Z', title: 'Hiring plan' } },
    { clock: '2026-03-03T10:10Z' },
    { end: '2026-03-03T10:00Z' },
    { clock: '2026-03-18T09:00Z' },
    {
      outlookSplit: {
        from: '2026-03-24',
        cadence: {
          frequency: 'weekly',
          startDate: '2026-03-26',
          time: '14:00',
          timeZone: 'Europe/Berlin',
          durationMinutes: 45,
        },
      },
    },
    {
      expect: {
        sessions: {
          from: '2026-03-01T00:00Z',
          to: '2026-04-10T00:00Z',
          are: [
            '2026-03-03T10:00Z held',
            '2026-03-10T10:00Z held',
            '2026-03-17T10:00Z held',
            '2026-03-26T13:00Z upcoming',
            '2026-04-02T12:00Z upcoming',
            '2026-04-09T12:00Z upcoming',
          ],
        },
        next: '2026-03-26T13:00Z',
        cadence: { frequency: 'weekly', startDate: '2026-03-26', time: '14:00', timeZone: 'Europe/Berlin' },
        organizer: 'avery',
        topics: { '2026-03-17T10:00Z': ['Hiring plan'], '2026-04-02T12:00Z': ['Conference budget'] },
      },
    },
    // The new series is the one Tandem moves: the organizer moves its first meeting.
    { move: { session: '2026-03-26T13:00Z', to: '2026-03-27T13:00Z' } },
    { addTopic: { session: '2026-03-26T13:00Z', title: 'Roadmap' } },
    {
      expect: {
        sessions: {
          from: '2026-03-20T00:00Z',
          to: '2026-04-03T00:00Z',
          are: ['2026-03-26T13:00Z → 2026-03-27T13:00Z upcoming', '2026-04-02T12:00Z upcoming'],
        },
        // "Hiring plan" was not discussed on 17 March: it carries on to the new series' first meeting.
        topics: { '2026-03-26T13:00Z': ['Hiring plan', 'Roadmap'] },
      },
    },
  ],
};
export default trace;
