import { assertClientId, isSessionId, sessionIdFromStart, startFromSessionId } from './ids';

describe('session ids', () => {
  it('is the original start in iCalendar basic format, UTC', () => {
    expect(sessionIdFromStart('2026-11-24T09:00:00Z')).toBe('20261124T090000Z');
    expect(sessionIdFromStart(new Date('2026-11-24T10:00:00+01:00'))).toBe('20261124T090000Z');
    expect(sessionIdFromStart('2026-11-24T09:00:00.999Z')).toBe('20261124T090000Z');
  });

  it('round-trips to the start', () => {
    expect(startFromSessionId('20261124T090000Z').toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(isSessionId('20261124T090000Z')).toBe(true);
  });

  it.each([
    '20261124T090000',
    '2026-11-24T09:00:00Z',
    '20261131T090000Z',
    '20261324T090000Z',
    '20261124T250000Z',
    '20261124T096000Z',
    '20260229T090000Z',
    '',
    '../20261124T090000Z',
  ])('rejects %j without throwing', (id) => {
    expect(isSessionId(id)).toBe(false);
  });

  it('refuses a malformed id with a ValidationError on sessionId', () => {
    expect(() => startFromSessionId('soon')).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'sessionId' }),
    );
  });
});

describe('client ids', () => {
  it.each(['a', 'A-1_b', 'x'.repeat(64)])('accepts %j', (id) => {
    expect(() => assertClientId(id, 'id')).not.toThrow();
  });

  it.each(['', 'x'.repeat(65), 'a/b', 'a.b', 'a b', 'é'])('refuses %j, naming the field', (id) => {
    expect(() => assertClientId(id, 'topicId')).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'topicId' }),
    );
  });
});
