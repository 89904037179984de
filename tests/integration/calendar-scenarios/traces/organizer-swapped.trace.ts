import type { Trace } from '../trace';

/**
 * The organizer swapped: Blake makes a new series with Avery in his own calendar (Avery's assistant could
 * have made it for him just as well). Tandem never adopts another organizer's series on its own; Blake links
 * it ("Link to another series") and from then on he is the one who moves and skips. Someone else's series,
 * or one with a third person, is refused.
 */
const trace: Trace = {
  name: 'the organizer swapped: the report links his own new series to the 1:1',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-24T10:00Z', title: 'Promotion case' } },
    { clock: '2026-03-03T10:10Z' },
    { end: '2026-03-03T10:00Z' },
    { clock: '2026-03-12T09:00Z' },
    {
      outlookNewSeries: {
        by: 'blake',
        with: 'casey',
        cadence: { frequency: 'weekly', startDate: '2026-03-19', time: '09:00', timeZone: 'UTC', durationMinutes: 30 },
      },
    },
    { refused: { linkSeries: { by: 'blake' } }, because: 'ValidationError' },
    {
      outlookNewSeries: {
        by: 'blake',
        with: 'avery',
        cadence: { frequency: 'weekly', startDate: '2026-03-19', time: '09:00', timeZone: 'UTC', durationMinutes: 30 },
      },
    },
    // Not Avery's: the series is in Blake's calendar, not his.
    { refused: { linkSeries: { by: 'avery' } }, because: 'NotFoundError' },
    { expect: { organizer: 'avery', next: '2026-03-17T10:00Z' } },
    { linkSeries: { by: 'blake' } },
    // Avery's series still has its meeting of the 17th, before Blake's first: Tandem keeps it as it was.
    {
      expect: {
        organizer: 'blake',
        next: '2026-03-17T10:00Z',
        sessions: {
          from: '2026-03-01T00:00Z',
          to: '2026-03-27T00:00Z',
          are: [
            '2026-03-03T10:00Z held',
            '2026-03-10T10:00Z held',
            '2026-03-17T10:00Z upcoming',
            '2026-03-19T09:00Z upcoming',
            '2026-03-26T09:00Z upcoming',
          ],
        },
        topics: { '2026-03-26T09:00Z': ['Promotion case'] },
      },
    },
    {
      refused: { move: { session: '2026-03-17T10:00Z', to: '2026-03-18T10:00Z', by: 'blake' } },
      because: 'ConflictError',
    },
    { refused: { move: { session: '2026-03-19T09:00Z', to: '2026-03-20T09:00Z' } }, because: 'ForbiddenError' },
    { move: { session: '2026-03-19T09:00Z', to: '2026-03-20T09:00Z', by: 'blake' } },
    { clock: '2026-03-17T11:00Z' },
    {
      expect: {
        as: 'avery',
        next: '2026-03-19T09:00Z',
        sessions: {
          from: '2026-03-15T00:00Z',
          to: '2026-03-27T00:00Z',
          are: [
            '2026-03-17T10:00Z held',
            '2026-03-19T09:00Z → 2026-03-20T09:00Z upcoming',
            '2026-03-26T09:00Z upcoming',
          ],
        },
      },
    },
  ],
};
export default trace;
