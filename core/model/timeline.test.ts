import type { Occurrence } from '../ports/calendar';
import { emptySession, type SessionDocument, type Topic } from './documents';
import { sessionIdFromStart } from './ids';
import {
  effectiveSessionOf,
  isConcluded,
  nextSlot,
  sessionStatus,
  toSlot,
  type SessionStatus,
  type Slot,
} from './timeline';

const occurrence = (start: string, overrides: Partial<Occurrence> = {}): Occurrence => ({
  originalStart: start,
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  status: 'scheduled',
  ...overrides,
});

const session = (overrides: Partial<SessionDocument> = {}): SessionDocument => ({
  ...emptySession('p', '20260303T100000Z', '2026-03-03T10:00:00.000Z'),
  ...overrides,
});

const slot = (start: string, status: SessionStatus): Slot => ({
  id: sessionIdFromStart(start),
  occurrence: occurrence(start),
  status,
  at: start,
});

const topic = (overrides: Partial<Topic>): Topic => ({
  id: 't',
  title: 'T',
  authorId: 'blake',
  section: 'topics',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  rev: 1,
  ...overrides,
});

describe('sessionStatus', () => {
  const o = occurrence('2026-03-03T10:00:00.000Z');
  const before = new Date('2026-03-03T09:00:00Z');
  const during = new Date('2026-03-03T10:15:00Z');
  const after = new Date('2026-03-03T10:30:00Z');

  it('follows the clock: upcoming, in progress from the start, held from the end', () => {
    expect(sessionStatus(o, undefined, before)).toBe('upcoming');
    expect(sessionStatus(o, undefined, new Date('2026-03-03T10:00:00Z'))).toBe('in-progress');
    expect(sessionStatus(o, undefined, during)).toBe('in-progress');
    expect(sessionStatus(o, undefined, after)).toBe('held');
  });

  it('honours an explicit start or end', () => {
    expect(sessionStatus(o, session({ startedAt: before.toISOString() }), before)).toBe('in-progress');
    expect(sessionStatus(o, session({ endedAt: during.toISOString() }), during)).toBe('held');
  });

  it('reads a cancelled occurrence as skipped when Tandem skipped it, else cancelled, whatever the time', () => {
    const cancelled = { ...o, status: 'cancelled' as const };
    const skipped = session({ skipped: { by: 'avery', at: before.toISOString() } });
    for (const now of [before, after]) {
      expect(sessionStatus(cancelled, skipped, now)).toBe('skipped');
      expect(sessionStatus(cancelled, undefined, now)).toBe('cancelled');
      expect(sessionStatus(cancelled, session({ endedAt: during.toISOString() }), now)).toBe('cancelled');
    }
  });

  it('uses the moved start and end, and keys the slot by the original start', () => {
    const moved = occurrence('2026-03-03T10:00:00.000Z', {
      start: '2026-03-04T15:00:00.000Z',
      end: '2026-03-04T15:30:00.000Z',
    });
    expect(toSlot(moved, undefined, after)).toEqual({
      id: '20260303T100000Z',
      occurrence: moved,
      status: 'upcoming',
      at: '2026-03-04T15:00:00.000Z',
    });
  });

  it('treats held, skipped and cancelled as concluded', () => {
    expect((['upcoming', 'in-progress', 'held', 'skipped', 'cancelled'] as const).filter(isConcluded)).toEqual([
      'held',
      'skipped',
      'cancelled',
    ]);
  });
});

describe('effectiveSessionOf', () => {
  const slots = [
    slot('2026-03-03T10:00:00.000Z', 'held'),
    slot('2026-03-10T10:00:00.000Z', 'skipped'),
    slot('2026-03-17T10:00:00.000Z', 'cancelled'),
    slot('2026-03-24T10:00:00.000Z', 'upcoming'),
    slot('2026-03-31T10:00:00.000Z', 'upcoming'),
  ];

  it('carries an open topic past every concluded session to the first open one', () => {
    expect(effectiveSessionOf(topic({ sessionId: '20260303T100000Z' }), slots)).toBe('20260324T100000Z');
    expect(effectiveSessionOf(topic({ sessionId: '20260310T100000Z' }), slots)).toBe('20260324T100000Z');
    expect(effectiveSessionOf(topic({ sessionId: '20260331T100000Z' }), slots)).toBe('20260331T100000Z');
  });

  it('keeps a discussed topic where it was discussed and a backlog topic nowhere', () => {
    const discussed = topic({ sessionId: '20260303T100000Z', discussedIn: '20260303T100000Z' });
    expect(effectiveSessionOf(discussed, slots)).toBe('20260303T100000Z');
    expect(effectiveSessionOf(topic({}), slots)).toBeUndefined();
  });

  it('is undefined when the origin or the next open session lies outside the known slots', () => {
    expect(effectiveSessionOf(topic({ sessionId: '20260224T100000Z' }), slots)).toBeUndefined();
    expect(effectiveSessionOf(topic({ sessionId: '20260303T100000Z' }), slots.slice(0, 3))).toBeUndefined();
  });
});

describe('nextSlot', () => {
  it('is the session in progress, else the first upcoming', () => {
    const held = slot('2026-03-03T10:00:00.000Z', 'held');
    const live = slot('2026-03-10T10:00:00.000Z', 'in-progress');
    const next = slot('2026-03-17T10:00:00.000Z', 'upcoming');

    expect(nextSlot([held, live, next])).toBe(live);
    expect(nextSlot([held, next])).toBe(next);
    expect(nextSlot([held])).toBeUndefined();
  });
});
