import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';
import type { AgendaView } from '../model/agenda-view';
import { SECTIONS } from '../model/sections';

const h = useHarness();
const [s0, s1] = [pair.sessionId(0), pair.sessionId(1)];

const agenda = (actor: string, sessionId = s0): Promise<AgendaView> => h.agenda(actor, sessionId);

describe('the agenda', () => {
  it('follows the framework, names both people and derives the status from the clock', async () => {
    const view = await agenda('blake');

    expect(view).toMatchObject({
      pairId: pair.pairId,
      sessionId: s0,
      originalStart: '2026-03-03T10:00:00.000Z',
      start: '2026-03-03T10:00:00.000Z',
      end: '2026-03-03T10:30:00.000Z',
      status: 'upcoming',
      viewer: { id: 'blake', role: 'report' },
      manager: { id: 'avery', displayName: 'Avery Chen' },
      report: { id: 'blake', displayName: 'Blake Diaz' },
      deepDiveMinutes: 15,
      nothingFromMe: false,
    });
    expect(view.sections.map((s) => s.id)).toEqual([...SECTIONS]);
    expect(view).not.toHaveProperty('recap');

    h.at(pair, 0, 1);
    expect((await agenda('blake')).status).toBe('in-progress');
    h.after(pair, 0);
    expect((await agenda('blake')).status).toBe('held');
  });

  it('answers NotFoundError for a time that is not an occurrence of the series', async () => {
    for (const id of ['20260304T100000Z', '20260303T100001Z', 'tomorrow', '20261331T100000Z']) {
      await expect(agenda('blake', id)).rejects.toMatchObject({ name: 'NotFoundError', field: 'sessionId' });
    }
  });

  it('counts a session ended early as held, and one started early as in progress', async () => {
    h.at(pair, 0, -30);
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'started');
    expect((await agenda('blake')).status).toBe('in-progress');

    h.at(pair, 0, 10);
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'ended');
    expect((await agenda('blake')).status).toBe('held');
    await expect(h.uc.topics.add('blake', pair.pairId, s0, { title: 'Late' })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });
  });
  it('counts a session started and ended more than a day ahead as held, everywhere it is read', async () => {
    h.at(pair, 0, -3 * 24 * 60);
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'started');
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'ended');
    expect((await agenda('blake')).status).toBe('held');
    expect((await agenda('blake')).recap).toBeDefined();
    // The next session is now the one after it.
    expect((await h.uc.pairs.summary('blake', pair.pairId))?.nextSession?.id).toBe(s1);
  });
});

describe('ending a meeting', () => {
  const end = (sessionId: string, actor = 'avery') => h.uc.sessions.setState(actor, pair.pairId, sessionId, 'ended');
  const statuses = async () =>
    (await h.uc.schedule.list('blake', pair.pairId, pair.start(0), pair.start(3))).map((s) => s.status);

  it('never ends a meeting that has not started: ending twice leaves next week untouched', async () => {
    h.at(pair, 0, 10);
    await end(s0);
    h.feed.clear();
    await end(s0); // idempotent: nothing changes, nothing is announced (no second recap)
    expect(h.feed.published).toEqual([]);
    await expect(end(s1)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
      code: 'session-not-started',
    });
    expect(await statuses()).toEqual(['held', 'upcoming', 'upcoming']);
    expect((await h.uc.pairs.summary('blake', pair.pairId))?.nextSession).toMatchObject({ id: s1, status: 'upcoming' });
    // Skip and move still work on next week's meeting.
    await h.uc.schedule.move('avery', pair.pairId, s1, new Date(pair.start(1).getTime() + 3_600_000));
  });

  it('starts only the next meeting, and the meeting held early is dated by when it took place', async () => {
    h.at(pair, 0, -2 * 24 * 60);
    await expect(h.uc.sessions.setState('avery', pair.pairId, s1, 'started')).rejects.toMatchObject({
      code: 'session-not-started',
    });
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'started');
    await end(s0);
    const [held] = await h.uc.schedule.list('blake', pair.pairId, pair.start(0), pair.start(1));
    expect(held).toMatchObject({
      id: s0,
      status: 'held',
      heldAt: new Date(pair.start(0).getTime() - 2 * 86_400_000).toISOString(),
    });
    // The one after a meeting held early is the next one: it can be held early too, and reads as held.
    await h.uc.sessions.setState('avery', pair.pairId, s1, 'started');
    await end(s1);
    expect(await statuses()).toEqual(['held', 'held', 'upcoming']);
    expect((await h.uc.pairs.summary('blake', pair.pairId))?.nextSession?.id).toBe(pair.sessionId(2));
  });

  it('can be reopened by its people until a day after its slot, then ended again', async () => {
    h.at(pair, 0, 10);
    await end(s0);
    await h.uc.sessions.setState('blake', pair.pairId, s0, 'reopened');
    expect((await agenda('blake')).status).toBe('in-progress');
    await h.uc.topics.add('blake', pair.pairId, s0, { title: 'One more thing' });
    await end(s0, 'blake');
    expect((await agenda('blake')).status).toBe('held');

    h.clock.set(new Date(pair.start(0).getTime() + 30 * 60_000 + 24 * 3_600_000 + 1));
    await expect(h.uc.sessions.setState('blake', pair.pairId, s0, 'reopened')).rejects.toMatchObject({
      code: 'reopen-expired',
    });
    await expect(h.uc.sessions.setState('casey', pair.pairId, s0, 'reopened')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('dates a meeting that ran over its slot without an explicit start by its slot', async () => {
    h.after(pair, 0);
    await end(s0);
    const [held] = await h.uc.schedule.list('blake', pair.pairId, pair.start(0), pair.start(1));
    expect(held).toMatchObject({ status: 'held', heldAt: pair.start(0).toISOString() });
  });
});

describe('notes', () => {
  it('shows shared notes to both people, in order, and lets only the author edit or remove them', async () => {
    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'n-1', text: 'Shared by Avery', private: false });
    await h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'n-2', text: 'Shared by Blake', private: false });

    expect((await agenda('blake')).sharedNotes.map((n) => n.text)).toEqual(['Shared by Avery', 'Shared by Blake']);
    await expect(
      h.uc.sessions.editNote('blake', pair.pairId, s0, 'n-1', { text: 'x', rev: 1, private: false }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(h.uc.sessions.removeNote('blake', pair.pairId, s0, 'n-1', false)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });

    const edited = await h.uc.sessions.editNote('avery', pair.pairId, s0, 'n-1', {
      text: 'Edited',
      rev: 1,
      private: false,
    });
    expect(edited).toMatchObject({ text: 'Edited', rev: 2 });
    await expect(
      h.uc.sessions.editNote('avery', pair.pairId, s0, 'n-1', { text: 'Stale', rev: 1, private: false }),
    ).rejects.toMatchObject({ name: 'ConflictError', field: 'rev', current: { text: 'Edited', rev: 2 } });

    await h.uc.sessions.removeNote('blake', pair.pairId, s0, 'n-2', false);
    expect((await agenda('avery')).sharedNotes.map((n) => n.text)).toEqual(['Edited']);
  });

  it('is idempotent by client id', async () => {
    const first = await h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'n-1', text: 'Hi', private: false });
    const retry = await h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'n-1', text: 'Hi', private: false });

    expect(retry).toEqual({ note: first.note, created: false });
    await expect(
      h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'n-1', text: 'Other', private: false }),
    ).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
    expect((await agenda('blake')).sharedNotes).toHaveLength(1);
  });

  it('keeps a private note to its author: their agenda only, their own store only', async () => {
    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'p-1', text: 'Blake seems tired', private: true });

    expect((await agenda('avery')).privateNotes).toEqual([expect.objectContaining({ id: 'p-1', authorId: 'avery' })]);
    expect((await agenda('avery')).sharedNotes).toEqual([]);
    const blakes = await agenda('blake');
    expect(blakes.privateNotes).toEqual([]);
    expect(JSON.stringify(blakes)).not.toContain('Blake seems tired');
    // Nothing of it in the shared store: only Avery's personal store holds it.
    for (const key of h.store.keys()) {
      expect(JSON.stringify((await h.store.get(key))?.body)).not.toContain('Blake seems tired');
    }
    expect(h.personalStores.forUser('avery').keys()).toEqual([`pairs/${pair.pairId}/sessions/${s0}`]);
    expect(h.personalStores.forUser('blake').keys()).toEqual([]);
  });

  it('finds no private note of someone else to edit or remove', async () => {
    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'p-1', text: 'Mine', private: true });

    await expect(
      h.uc.sessions.editNote('blake', pair.pairId, s0, 'p-1', { text: 'x', rev: 1, private: true }),
    ).rejects.toMatchObject({ name: 'NotFoundError', field: 'noteId' });
    await expect(h.uc.sessions.removeNote('blake', pair.pairId, s0, 'p-1', true)).rejects.toMatchObject({
      name: 'NotFoundError',
      field: 'noteId',
    });
    expect((await agenda('avery')).privateNotes.map((n) => n.text)).toEqual(['Mine']);
  });

  it('tells only the author about a private note, and both people about a shared one', async () => {
    h.feed.clear();

    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'p-1', text: 'Private', private: true });
    await h.uc.sessions.editNote('avery', pair.pairId, s0, 'p-1', { text: 'Private 2', rev: 1, private: true });
    await h.uc.sessions.removeNote('avery', pair.pairId, s0, 'p-1', true);
    await h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'n-1', text: 'Shared', private: false });

    const at = '2026-03-02T08:00:00.000Z';
    const privateChange = {
      pairId: pair.pairId,
      sessionId: s0,
      kind: 'private-notes',
      by: 'avery',
      at,
      onlyFor: 'avery',
    };
    expect(h.changes).toEqual([
      privateChange,
      privateChange,
      privateChange,
      { pairId: pair.pairId, sessionId: s0, kind: 'notes', by: 'blake', at },
    ]);
  });
});

describe('check-in, feedback, rating', () => {
  it('records a mood and a line per person; a new check-in replaces the old', async () => {
    h.at(pair, 0, 1);
    await h.uc.sessions.checkIn('blake', pair.pairId, s0, { mood: 2, line: 'Rough week' });
    await h.uc.sessions.checkIn('blake', pair.pairId, s0, { mood: 4, line: '  Better now  ' });
    await h.uc.sessions.checkIn('avery', pair.pairId, s0, { mood: 3 });

    expect((await agenda('avery')).checkIns).toEqual([
      { userId: 'blake', mood: 4, line: 'Better now', at: '2026-03-03T10:01:00.000Z' },
      { userId: 'avery', mood: 3, at: '2026-03-03T10:01:00.000Z' },
    ]);
    for (const mood of [0, 6, 2.5]) {
      await expect(h.uc.sessions.checkIn('blake', pair.pairId, s0, { mood })).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'mood',
      });
    }
  });

  it('addresses feedback to the other person, both directions', async () => {
    await h.uc.sessions.giveFeedback('blake', pair.pairId, s0, { id: 'f-1', text: 'Thanks for the heads-up' });
    await h.uc.sessions.giveFeedback('avery', pair.pairId, s0, { id: 'f-2', text: 'Great demo' });
    await h.uc.sessions.giveFeedback('avery', pair.pairId, s0, { id: 'f-2', text: 'Great demo' });

    expect((await agenda('blake')).feedback.map((f) => [f.fromId, f.toId, f.text])).toEqual([
      ['blake', 'avery', 'Thanks for the heads-up'],
      ['avery', 'blake', 'Great demo'],
    ]);
  });

  it('takes ratings once the session started and shows each person only their own', async () => {
    await expect(h.uc.sessions.rate('blake', pair.pairId, s0, 4)).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'sessionId',
    });

    h.after(pair, 0);
    await h.uc.sessions.rate('blake', pair.pairId, s0, 4);
    await h.uc.sessions.rate('avery', pair.pairId, s0, 2);

    expect((await agenda('blake')).myRating).toBe(4);
    expect((await agenda('avery')).myRating).toBe(2);
    expect(JSON.stringify(await agenda('avery'))).not.toMatch(/"score"/);
    expect(h.changes.filter((c) => c.kind === 'rating').map((c) => c.onlyFor)).toEqual(['blake', 'avery']);
  });

  it('remembers "nothing from me" per person', async () => {
    await h.uc.sessions.nothingFromMe('blake', pair.pairId, s0);

    expect((await agenda('blake')).nothingFromMe).toBe(true);
    expect((await agenda('avery')).nothingFromMe).toBe(false);
  });
});

describe('the recap of a held session', () => {
  it('says what was discussed, what carried on, shared notes and commitments, and no private note', async () => {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career' });
    h.clock.advance(1000);
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-2', title: 'Budget' });
    h.at(pair, 0, 5);
    await h.uc.topics.edit('avery', pair.pairId, s0, 't-1', { rev: 1, discussed: true });
    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'n-1', text: 'Agreed on a plan', private: false });
    await h.uc.sessions.addNote('avery', pair.pairId, s0, { id: 'p-1', text: 'SECRET-AVERY', private: true });
    await h.uc.sessions.addNote('blake', pair.pairId, s0, { id: 'p-2', text: 'SECRET-BLAKE', private: true });
    await h.uc.commitments.addActionItem('blake', pair.pairId, {
      id: 'a-1',
      text: 'Write the plan',
      ownerId: 'blake',
      due: '2026-03-09',
      sessionId: s0,
    });
    h.after(pair, 0);

    for (const viewer of ['avery', 'blake']) {
      const { recap } = await agenda(viewer);
      expect(recap).toEqual({
        sessionId: s0,
        heldOn: '2026-03-03T10:00:00.000Z',
        discussed: [{ id: 't-1', title: 'Career' }],
        carriedForward: [{ id: 't-2', title: 'Budget' }],
        sharedNotes: ['Agreed on a plan'],
        actionItems: [{ id: 'a-1', text: 'Write the plan', ownerId: 'blake', due: '2026-03-09', status: 'open' }],
        nextSessionStart: pair.start(1).toISOString(),
        wins: [],
        time: { topics: [], totalSeconds: 0 },
      });
      expect(JSON.stringify(recap)).not.toMatch(/SECRET/);
    }
    expect((await agenda('blake', s1)).recap).toBeUndefined();
  });
});

describe('which session a meeting is', () => {
  const HOUR = 3_600_000;
  let chatId: string;
  const forMeeting = (where: { meetingStart?: string }, actor = 'blake') =>
    h.uc.sessions.forMeeting(actor, { chatId, ...where });

  beforeEach(async () => {
    chatId = (await h.uc.pairs.summary('avery', pair.pairId))!.chatId!;
  });

  it("is the occurrence at the meeting's start when the client knows it", async () => {
    h.clock.set(new Date(pair.start(0).getTime() - 2 * 86_400_000));
    expect(await forMeeting({ meetingStart: pair.start(1).toISOString() })).toEqual({
      pairId: pair.pairId,
      sessionId: s1,
      match: 'start',
    });
  });

  it('is the one under way, or just over, when only the chat is known (what a meeting event means)', async () => {
    h.at(pair, 0, 10);
    expect(await forMeeting({})).toMatchObject({ sessionId: s0, match: 'now' });
    h.clock.set(new Date(pair.start(0).getTime() + 3 * HOUR));
    expect(await forMeeting({})).toMatchObject({ sessionId: s0, match: 'now' });
  });

  it('is the next one otherwise', async () => {
    h.clock.set(new Date(pair.start(0).getTime() + 2 * 86_400_000));
    expect(await forMeeting({})).toMatchObject({ sessionId: s1, match: 'next' });
    expect((await h.uc.sessions.forMeeting('avery', { pairId: pair.pairId })).sessionId).toBe(s1);
  });

  it("answers a stranger as for a chat that is no 1:1's", async () => {
    await expect(forMeeting({}, 'devon')).rejects.toMatchObject({ field: 'chatId' });
    await expect(h.uc.sessions.forMeeting('blake', { chatId: '19:none@thread.v2' })).rejects.toMatchObject({
      field: 'chatId',
    });
  });
});
