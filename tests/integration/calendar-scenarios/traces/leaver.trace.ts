import type { Trace } from '../trace';

/**
 * Blake leaves (the directory no longer knows him). His 1:1 with Avery is archived: Avery keeps reading the
 * shared record (for a year, docs/pair-lifecycle.md) and can no longer change it; the series' later meetings
 * are no longer Tandem's.
 */
const trace: Trace = {
  name: 'a leaver: the 1:1 archived, the remaining person keeps read access',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-03T10:00Z', title: 'Handover plan' } },
    { clock: '2026-03-03T10:10Z' },
    { end: '2026-03-03T10:00Z' },
    { clock: '2026-03-12T09:00Z' },
    { directory: { person: 'blake', left: true } },
    {
      expect: {
        as: 'avery',
        archived: 'left',
        next: 'none',
        sessions: {
          from: '2026-03-01T00:00Z',
          to: '2026-03-12T00:00Z',
          are: ['2026-03-03T10:00Z held', '2026-03-10T10:00Z held'],
        },
        topics: { '2026-03-03T10:00Z': ['Handover plan'] },
      },
    },
    {
      refused: { addTopic: { session: '2026-03-17T10:00Z', title: 'Exit interview', by: 'avery' } },
      because: 'pair-archived',
    },
    { clock: '2027-03-13T09:00Z' },
    // A year on, the record is gone for Avery too (she could export it before).
    {
      refused: { expect: { as: 'avery', sessions: { from: '2026-03-01T00:00Z', to: '2026-03-12T00:00Z', are: [] } } },
      because: 'NotFoundError',
    },
  ],
};
export default trace;
