import type { Trace } from '../trace';

/**
 * Blake moves to Devon's team (the directory says so). The reconciliation archives Avery and Blake's 1:1:
 * both still read what was held, nobody writes to it, it shows no next meeting, and a 1:1 with Devon is
 * proposed to Blake and to Devon (docs/pair-lifecycle.md).
 */
const trace: Trace = {
  name: 'a manager change: the old 1:1 archived and read-only, a new one proposed',
  cadence: { frequency: 'weekly', startDate: '2026-03-03', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  start: '2026-03-02T08:00Z',
  steps: [
    { addTopic: { session: '2026-03-03T10:00Z', title: 'Quarter goals' } },
    { clock: '2026-03-03T10:10Z' },
    { end: '2026-03-03T10:00Z' },
    { clock: '2026-03-12T09:00Z' },
    { directory: { person: 'blake', managerId: 'devon' } },
    {
      expect: {
        archived: 'manager-changed',
        next: 'none',
        proposals: ['devon and blake'],
        sessions: {
          from: '2026-03-01T00:00Z',
          to: '2026-03-12T00:00Z',
          are: ['2026-03-03T10:00Z held', '2026-03-10T10:00Z held'],
        },
        topics: { '2026-03-03T10:00Z': ['Quarter goals'] },
      },
    },
    { expect: { as: 'avery', archived: 'manager-changed', proposals: [] } },
    { expect: { as: 'devon', proposals: ['devon and blake'] } },
    { refused: { addTopic: { session: '2026-03-17T10:00Z', title: 'Handover' } }, because: 'pair-archived' },
    { refused: { skip: '2026-03-17T10:00Z' }, because: 'pair-archived' },
  ],
};
export default trace;
