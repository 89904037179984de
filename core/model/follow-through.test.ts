import { isOverdue, milestoneNews, timesCarried } from './follow-through';

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

describe('milestones worth raising in a session', () => {
  const goal = {
    milestones: [
      { id: 'a', title: 'Shadow one', due: '2026-03-01' },
      { id: 'b', title: 'Run one', due: '2026-03-20' },
      { id: 'c', title: 'Write it up', due: '2026-06-01' },
      { id: 'd', title: 'Ask for a slot', doneAt: '2026-03-05T12:00:00Z' },
      { id: 'e', title: 'Read the guide', doneAt: '2026-02-01T12:00:00Z' },
    ],
    history: [{ at: '2026-03-06T09:00:00Z', by: 'blake', kind: 'milestone-edited' as const, subject: 'Write it up' }],
  };

  it('raises the overdue and soon due, and what moved since the previous meeting', () => {
    const news = milestoneNews(goal, '2026-03-10T10:00:00Z', '2026-03-03T10:00:00Z');
    expect(news.map((m) => [m.id, m.moved, m.overdue])).toEqual([
      ['a', false, true],
      ['b', false, false],
      ['c', true, false],
      ['d', true, false],
    ]);
  });

  it('counts what moved during the meeting when asked up to its end, and nothing after that', () => {
    const changed = {
      milestones: [
        { id: 'b', title: 'Run one', due: '2026-03-20', doneAt: '2026-03-10T10:15:00Z' },
        { id: 'c', title: 'Write it up', due: '2026-06-01' },
      ],
      history: [
        { at: '2026-03-10T10:15:00Z', by: 'blake', kind: 'milestone-done' as const, subject: 'Run one' },
        { at: '2026-03-10T10:20:00Z', by: 'blake', kind: 'milestone-edited' as const, subject: 'Write it up' },
      ],
    };
    const during = milestoneNews(changed, '2026-03-10T10:00:00Z', '2026-03-03T10:00:00Z', '2026-03-10T10:30:00Z');
    expect(during.map((m) => [m.id, m.done, m.moved])).toEqual([
      ['b', true, true],
      ['c', false, true],
    ]);
    // A week earlier's meeting: what happened after it is not its news.
    expect(milestoneNews(changed, '2026-03-03T10:00:00Z', '2026-02-24T10:00:00Z', '2026-03-03T10:30:00Z')).toEqual([]);
  });

  it('calls nothing moved before the first meeting', () => {
    expect(milestoneNews(goal, '2026-03-10T10:00:00Z', undefined).map((m) => m.id)).toEqual(['a', 'b']);
  });
});
