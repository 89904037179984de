import { isOverdue, timesCarried } from './follow-through';

const sessions = [
  { id: '20260303T100000Z', status: 'held' as const, start: '2026-03-03T10:00:00Z' },
  { id: '20260310T100000Z', status: 'held' as const, start: '2026-03-10T10:00:00Z' },
  { id: '20260317T100000Z', status: 'skipped' as const, start: '2026-03-17T10:00:00Z' },
  { id: '20260324T100000Z', status: 'held' as const, start: '2026-03-24T10:00:00Z' },
  { id: '20260331T100000Z', status: 'upcoming' as const, start: '2026-03-31T10:00:00Z' },
];

describe('follow-through of action items', () => {
  it('counts the held sessions after its own that it came back to still open', () => {
    const item = { sourceSessionId: '20260303T100000Z', status: 'open' as const };
    expect(timesCarried(item, sessions)).toBe(2);
  });

  it('stops counting once it was closed', () => {
    const item = { sourceSessionId: '20260303T100000Z', status: 'done' as const, closedAt: '2026-03-12T09:00:00Z' };
    expect(timesCarried(item, sessions)).toBe(1);
  });

  it('calls an open item past its due date overdue, a closed one never', () => {
    expect(isOverdue({ status: 'open', due: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-03-09' }, '2026-03-10')).toBe(false);
  });
});
