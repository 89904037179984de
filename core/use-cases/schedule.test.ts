import { AVERY_BLAKE as pair, topicsOf, useHarness } from '../../tests/support/use-case-harness';
import { keys, type PairDocument } from '../model/documents';
import { sessionIdFromStart } from '../model/ids';

const h = useHarness();
const [s1, s2] = [pair.sessionId(1), pair.sessionId(2)];

beforeEach(async () => {
  await h.uc.topics.add('blake', pair.pairId, s1, { id: 'career', title: 'Career path' });
});

const iso = (d: Date) => d.toISOString();

describe('moving an occurrence', () => {
  const newStart = new Date('2026-03-11T15:00:00Z');

  it('keeps the agenda under the same session id, with the new start and end', async () => {
    const moved = await h.uc.schedule.move('avery', pair.pairId, s1, newStart);

    expect(moved).toEqual({
      id: s1,
      originalStart: iso(pair.start(1)),
      start: '2026-03-11T15:00:00.000Z',
      end: '2026-03-11T15:30:00.000Z',
      status: 'upcoming',
      moved: true,
    });
    const view = await h.agenda('blake', s1);
    expect(view).toMatchObject({
      sessionId: s1,
      originalStart: iso(pair.start(1)),
      start: '2026-03-11T15:00:00.000Z',
      end: '2026-03-11T15:30:00.000Z',
      status: 'upcoming',
    });
    expect(topicsOf(view)).toEqual([expect.objectContaining({ id: 'career' })]);
    const listed = await h.uc.schedule.list('blake', pair.pairId, pair.start(0), pair.start(3));
    expect(listed.map((s) => [s.id, s.moved])).toEqual([
      [pair.sessionId(0), false],
      [s1, true],
      [s2, false],
    ]);
    expect(h.changes.at(-1)).toMatchObject({ pairId: pair.pairId, sessionId: s1, kind: 'schedule', by: 'avery' });
  });

  it('follows the new time for the status: not held at the original end, held after the new one', async () => {
    await h.uc.schedule.move('avery', pair.pairId, s1, newStart);

    h.after(pair, 1);
    expect((await h.agenda('blake', s1)).status).toBe('upcoming');
    h.clock.set('2026-03-11T15:10:00Z');
    expect((await h.agenda('blake', s1)).status).toBe('in-progress');
    h.clock.set('2026-03-11T15:31:00Z');
    expect((await h.agenda('blake', s1)).status).toBe('held');
  });

  it('is for the manager only', async () => {
    await expect(h.uc.schedule.move('blake', pair.pairId, s1, newStart)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    expect((await h.agenda('blake', s1)).start).toBe(iso(pair.start(1)));
  });

  it('cannot move into the past', async () => {
    h.clock.set('2026-03-09T12:00:00Z');

    for (const start of [new Date('2026-03-09T11:00:00Z'), new Date('2026-03-09T12:00:00Z')]) {
      await expect(h.uc.schedule.move('avery', pair.pairId, s1, start)).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'start',
      });
    }
    expect((await h.agenda('blake', s1)).start).toBe(iso(pair.start(1)));
  });

  it('moves no further than 35 days from its usual time, where the agenda still finds it', async () => {
    await expect(h.uc.schedule.move('avery', pair.pairId, s1, new Date('2026-04-15T10:00:01Z'))).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'start',
    });
    await h.uc.schedule.move('avery', pair.pairId, s1, new Date('2026-04-14T10:00:00Z'));
    expect((await h.agenda('blake', s1)).start).toBe('2026-04-14T10:00:00.000Z');
  });

  it('makes a meeting postponed past the next one come after it', async () => {
    await h.uc.schedule.move('avery', pair.pairId, s1, new Date('2026-03-19T15:00:00Z'));
    // The morning after the 17 March meeting.
    h.clock.set('2026-03-18T08:00:00Z');

    expect((await h.uc.pairs.me('blake')).pairs[0]?.nextSession).toMatchObject({ id: s1 });
    expect(await h.uc.sessions.forMeeting('blake', { pairId: pair.pairId })).toMatchObject({ sessionId: s1 });
  });

  it('cannot move a session that is over', async () => {
    h.after(pair, 1);

    await expect(h.uc.schedule.move('avery', pair.pairId, s1, new Date('2026-03-20T10:00:00Z'))).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
  });
});

describe('carry-over after a move', () => {
  it('names the day the meeting took place, not its original slot', async () => {
    await h.uc.schedule.move('avery', pair.pairId, s1, new Date('2026-03-12T15:00:00Z'));
    h.clock.set('2026-03-12T16:00:00Z');

    expect(topicsOf(await h.agenda('blake', s2))).toEqual([
      expect.objectContaining({ id: 'career', carriedFrom: s1, carriedFromAt: '2026-03-12T15:00:00.000Z' }),
    ]);
  });
});

describe('skipping an occurrence', () => {
  it('reads skipped and carries its open topics to the next session', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);

    const skipped = await h.agenda('blake', s1);
    expect(skipped.status).toBe('skipped');
    expect(topicsOf(skipped)).toEqual([expect.objectContaining({ id: 'career', carriedForward: true })]);
    expect(topicsOf(await h.agenda('blake', s2))).toEqual([expect.objectContaining({ id: 'career', carriedFrom: s1 })]);
    const listed = await h.uc.schedule.list('avery', pair.pairId, pair.start(1), pair.start(3));
    expect(listed.map((s) => s.status)).toEqual(['skipped', 'upcoming']);
  });

  it('still reads skipped once its time has passed', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);
    h.after(pair, 1);

    expect((await h.agenda('blake', s1)).status).toBe('skipped');
    expect(topicsOf(await h.agenda('blake', s2))).toEqual([expect.objectContaining({ id: 'career', carriedFrom: s1 })]);
  });

  it('is for the manager only, and only once', async () => {
    await expect(h.uc.schedule.skip('blake', pair.pairId, s1)).rejects.toMatchObject({ name: 'ForbiddenError' });
    expect((await h.agenda('blake', s1)).status).toBe('upcoming');

    await h.uc.schedule.skip('avery', pair.pairId, s1);
    await expect(h.uc.schedule.skip('avery', pair.pairId, s1)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
  });

  it('takes no new topics, check-ins or check-offs', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);

    await expect(h.uc.topics.add('blake', pair.pairId, s1, { title: 'Late' })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
    await expect(h.uc.sessions.checkIn('blake', pair.pairId, s1, { mood: 4 })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
    // A meeting that did not take place discussed nothing: check it off where it is on the agenda now.
    await expect(
      h.uc.topics.edit('avery', pair.pairId, s1, 'career', { rev: 1, discussed: true }),
    ).rejects.toMatchObject({ name: 'ConflictError', field: 'sessionId' });
    await h.uc.topics.edit('avery', pair.pairId, s2, 'career', { rev: 1, discussed: true });
    expect(topicsOf(await h.agenda('blake', s2))).toEqual([expect.objectContaining({ id: 'career', discussed: true })]);
  });

  it('moves the next session on for both people', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, pair.sessionId(0));

    const me = await h.uc.pairs.me('blake');

    expect(me.pairs).toEqual([
      expect.objectContaining({ id: pair.pairId, nextSession: expect.objectContaining({ id: s1 }) }),
    ]);
  });
});

describe('any occurrence ahead, not only the next', () => {
  // The Christmas one, weeks ahead: occurrence 42 of a weekly series from 3 March 2026.
  const far = pair.sessionId(42);

  it('skips one months ahead, lists it skipped and undoable, and brings it back at its original time', async () => {
    await h.uc.topics.add('blake', pair.pairId, far, { id: 'year', title: 'The year in review' });
    await h.uc.schedule.move('avery', pair.pairId, far, new Date(pair.start(42).getTime() + 2 * 3_600_000));
    await h.uc.schedule.skip('avery', pair.pairId, far);

    const window = [pair.start(41), pair.start(44)] as const;
    const listed = await h.uc.schedule.list('avery', pair.pairId, ...window);
    expect(listed.map((s) => [s.id, s.status, s.undoable])).toEqual([
      [pair.sessionId(41), 'upcoming', undefined],
      [far, 'skipped', true],
      [pair.sessionId(43), 'upcoming', undefined],
    ]);
    expect(topicsOf(await h.agenda('blake', pair.sessionId(43)))).toEqual([
      expect.objectContaining({ id: 'year', carriedFrom: far }),
    ]);

    const back = await h.uc.schedule.undoSkip('avery', pair.pairId, far);

    expect(back).toEqual({
      id: far,
      originalStart: iso(pair.start(42)),
      start: iso(pair.start(42)),
      end: new Date(pair.start(42).getTime() + 30 * 60_000).toISOString(),
      status: 'upcoming',
      moved: false,
    });
    const after = await h.uc.schedule.list('blake', pair.pairId, ...window);
    expect(after.map((s) => s.status)).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(topicsOf(await h.agenda('blake', far))).toEqual([expect.objectContaining({ id: 'year' })]);
    expect(h.changes.at(-1)).toMatchObject({ pairId: pair.pairId, sessionId: far, kind: 'schedule', by: 'avery' });
  });

  it('undoes a skip for the organizer only, before the meeting only, and only a skip', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);

    await expect(h.uc.schedule.undoSkip('blake', pair.pairId, s1)).rejects.toMatchObject({
      name: 'ForbiddenError',
      field: 'sessionId',
    });
    await expect(h.uc.schedule.undoSkip('avery', pair.pairId, s2)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
    h.at(pair, 1, 1);
    await expect(h.uc.schedule.undoSkip('avery', pair.pairId, s1)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
    expect((await h.agenda('blake', s1)).status).toBe('skipped');
    expect((await h.uc.schedule.list('avery', pair.pairId, pair.start(1), pair.start(2)))[0]?.undoable).toBeUndefined();
  });

  it('says so where the calendar cannot bring an occurrence back (Outlook), and changes nothing', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);
    const calendar = h.deps.calendar as { restoreOccurrence?: unknown };
    const restore = calendar.restoreOccurrence;
    calendar.restoreOccurrence = undefined;
    try {
      expect(
        (await h.uc.schedule.list('avery', pair.pairId, pair.start(1), pair.start(2)))[0]?.undoable,
      ).toBeUndefined();
      await expect(h.uc.schedule.undoSkip('avery', pair.pairId, s1)).rejects.toMatchObject({
        name: 'ConflictError',
        code: 'skip-not-undoable',
      });
    } finally {
      calendar.restoreOccurrence = restore;
    }
    expect((await h.agenda('blake', s1)).status).toBe('skipped');
  });

  it('refuses a skip undone twice, and a cancellation made in the calendar', async () => {
    await h.uc.schedule.skip('avery', pair.pairId, s1);
    await h.uc.schedule.undoSkip('avery', pair.pairId, s1);
    await expect(h.uc.schedule.undoSkip('avery', pair.pairId, s1)).rejects.toMatchObject({ name: 'ConflictError' });

    const stored = await h.store.get<PairDocument>(keys.pair(pair.pairId));
    await h.calendar.cancelOccurrence(stored!.body.calendar, iso(pair.start(2)));
    await expect(h.uc.schedule.undoSkip('avery', pair.pairId, s2)).rejects.toMatchObject({
      name: 'ConflictError',
      message: 'this meeting was cancelled in the calendar, not skipped in Tandem',
    });
  });
});

describe('an occurrence cancelled in the calendar, not through Tandem', () => {
  it('reads cancelled and carries its open topics to the next session', async () => {
    const stored = await h.store.get<PairDocument>(keys.pair(pair.pairId));
    await h.calendar.cancelOccurrence(stored!.body.calendar, iso(pair.start(1)));

    expect((await h.agenda('avery', s1)).status).toBe('cancelled');
    expect(topicsOf(await h.agenda('avery', s2))).toEqual([expect.objectContaining({ id: 'career', carriedFrom: s1 })]);
    await expect(h.uc.schedule.skip('avery', pair.pairId, s1)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
  });
});

describe('a change made in the calendar outside Tandem', () => {
  it("tells both people's views of the pair to re-read, found by the meeting's chat id", async () => {
    const { body } = (await h.store.get<PairDocument>(keys.pair(pair.pairId)))!;
    h.changes.length = 0;

    const found = await h.uc.schedule.changedInCalendar(body.calendar.chatId!);

    expect(found).toBe(pair.pairId);
    expect(h.changes).toEqual([expect.objectContaining({ pairId: pair.pairId, kind: 'schedule', by: 'avery' })]);
    expect(h.changes[0]?.onlyFor).toBeUndefined();
  });

  it('ignores meetings that are not a Tandem 1:1', async () => {
    h.changes.length = 0;

    await expect(h.uc.schedule.changedInCalendar('19:meeting_other@thread.v2')).resolves.toBeUndefined();
    await expect(h.uc.schedule.changedInCalendar('../../etc')).resolves.toBeUndefined();
    expect(h.changes).toEqual([]);
  });
});

describe('the horizon', () => {
  const beyond = 'must be within 10 years before and 5 years after today';

  it('refuses a session id or a window beyond it, naming the limit, before any calendar work', async () => {
    const expand = jest.spyOn(h.calendar, 'listOccurrences');
    await expect(h.agenda('blake', '99991230T100000Z')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'sessionId',
      message: beyond,
    });
    await expect(h.agenda('blake', '19700106T100000Z')).rejects.toMatchObject({ field: 'sessionId', message: beyond });
    await expect(
      h.uc.schedule.list('blake', pair.pairId, new Date('9999-01-01T00:00:00Z'), new Date('9999-02-01T00:00:00Z')),
    ).rejects.toMatchObject({ field: 'from', message: beyond });
    await expect(h.uc.schedule.move('avery', pair.pairId, s1, new Date('9999-01-01T10:00:00Z'))).rejects.toMatchObject({
      field: 'start',
      message: beyond,
    });
    expect(expand).not.toHaveBeenCalled();
  });

  it('answers an outsider as for a pair that does not exist, whatever the session id', async () => {
    await expect(h.agenda('devon', '99991230T100000Z')).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'pairId',
    });
  });

  it('reaches five years ahead: a session there is found', async () => {
    const later = new Date(pair.start(0).getTime() + 255 * 7 * 86_400_000);
    await expect(h.agenda('blake', sessionIdFromStart(later))).resolves.toMatchObject({ status: 'upcoming' });
  });
});
