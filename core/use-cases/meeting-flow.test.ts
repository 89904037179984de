import { AVERY_BLAKE as pair, topicsOf, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const s0 = pair.sessionId(0);
const add = async (actor: string, title: string) => (await h.uc.topics.add(actor, pair.pairId, s0, { title })).topic.id;
const discuss = (actor: string, topicId: string | null) => h.uc.meeting.discuss(actor, pair.pairId, s0, topicId);

describe('now discussing', () => {
  it("records each topic's time when people move on, and the report's share of it in the recap", async () => {
    const mine = await add('blake', 'Career growth');
    const theirs = await add('avery', 'Team offsite');
    h.at(pair, 0, 1);
    await discuss('blake', mine);
    expect((await h.agenda('avery', s0)).nowDiscussing).toMatchObject({ topicId: mine, by: 'blake' });
    expect(h.changes.at(-1)).toMatchObject({ kind: 'session', sessionId: s0, by: 'blake' });

    h.at(pair, 0, 11);
    await discuss('avery', theirs);
    const during = await h.agenda('blake', s0);
    expect(topicsOf(during).find((t) => t.id === mine)?.secondsDiscussed).toBe(600);
    expect(during.nowDiscussing).toMatchObject({ topicId: theirs, since: '2026-03-03T10:11:00.000Z' });

    // Marking the current one again changes nothing and tells nobody.
    h.feed.clear();
    await discuss('blake', theirs);
    expect(h.changes).toEqual([]);

    // Ending the meeting records the running topic's time.
    h.at(pair, 0, 16);
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'ended');
    const held = await h.agenda('blake', s0);
    expect(held.nowDiscussing).toBeUndefined();
    expect(held.recap?.time).toEqual({
      topics: [
        { id: mine, title: 'Career growth', seconds: 600, byReport: true },
        { id: theirs, title: 'Team offsite', seconds: 300, byReport: false },
      ],
      totalSeconds: 900,
      reportShare: 600 / 900,
    });
  });

  it('accepts only a topic of this session, and only while the meeting is not over', async () => {
    await expect(discuss('blake', 'no-such-topic')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'topicId',
    });
    const topic = await add('blake', 'Career growth');
    h.after(pair, 0);
    await expect(discuss('blake', topic)).rejects.toMatchObject({ name: 'ConflictError', code: 'session-ended' });
  });

  it('is for the two people only', async () => {
    const topic = await add('blake', 'Career growth');
    await expect(discuss('devon', topic)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('the shared deep-dive timer', () => {
  it('moves the chosen topic into the Deep dive section, can be changed and stopped, and stops at the end', async () => {
    const topic = await add('blake', 'Career growth');
    h.at(pair, 0, 2);
    await h.uc.sessions.startDeepDive('avery', pair.pairId, s0, { topicId: topic });
    let view = await h.agenda('blake', s0);
    expect(view.sections.find((s) => s.id === 'deep-dive')?.topics.map((t) => t.id)).toEqual([topic]);
    expect(view.sections.find((s) => s.id === 'topics')?.topics).toEqual([]);
    expect(view.deepDive).toMatchObject({ topicId: topic, minutes: 15, startedAt: '2026-03-03T10:02:00.000Z' });

    await h.uc.meeting.changeDeepDive('blake', pair.pairId, s0, { minutes: 20 });
    view = await h.agenda('avery', s0);
    expect(view.deepDive).toMatchObject({ minutes: 20, startedAt: '2026-03-03T10:02:00.000Z' });
    await expect(h.uc.meeting.changeDeepDive('blake', pair.pairId, s0, { minutes: 0 })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'minutes',
    });

    h.at(pair, 0, 20);
    await h.uc.sessions.setState('avery', pair.pairId, s0, 'ended');
    expect((await h.agenda('avery', s0)).deepDive?.stoppedAt).toBe('2026-03-03T10:20:00.000Z');
  });

  it('stops when either person stops it', async () => {
    const topic = await add('blake', 'Career growth');
    h.at(pair, 0, 2);
    await expect(h.uc.meeting.changeDeepDive('blake', pair.pairId, s0, { stop: true })).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await h.uc.sessions.startDeepDive('avery', pair.pairId, s0, { topicId: topic });
    h.at(pair, 0, 5);
    await h.uc.meeting.changeDeepDive('blake', pair.pairId, s0, { stop: true });
    expect((await h.agenda('avery', s0)).deepDive?.stoppedAt).toBe('2026-03-03T10:05:00.000Z');
  });
});

describe('wins', () => {
  it('are noted by either person, once per id, and shown in the agenda and the recap', async () => {
    h.at(pair, 0, 1);
    const first = await h.uc.meeting.addWin('blake', pair.pairId, s0, { id: 'w1', text: '  Shipped the beta ' });
    expect(first).toMatchObject({ created: true, win: { text: 'Shipped the beta', authorId: 'blake' } });
    expect(await h.uc.meeting.addWin('blake', pair.pairId, s0, { id: 'w1', text: 'Shipped the beta' })).toMatchObject({
      created: false,
    });
    await expect(h.uc.meeting.addWin('avery', pair.pairId, s0, { id: 'w1', text: 'Other' })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'id',
    });
    await expect(h.uc.meeting.addWin('avery', pair.pairId, s0, { text: ' ' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'text',
    });
    expect((await h.agenda('avery', s0)).wins.map((w) => w.text)).toEqual(['Shipped the beta']);
    h.after(pair, 0);
    expect((await h.agenda('avery', s0)).recap?.wins).toEqual(['Shipped the beta']);
  });
});

describe('notes and action items on a topic', () => {
  it('links them to a topic of the session, refusing any other', async () => {
    const topic = await add('blake', 'Career growth');
    const { note } = await h.uc.sessions.addNote('avery', pair.pairId, s0, {
      text: 'Look at the L5 rubric',
      private: false,
      topicId: topic,
    });
    expect(note.topicId).toBe(topic);
    await expect(
      h.uc.sessions.addNote('avery', pair.pairId, s0, { text: 'x', private: false, topicId: 'nope' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'topicId' });
    const { item } = await h.uc.commitments.addActionItem('avery', pair.pairId, {
      text: 'Send the rubric',
      ownerId: 'avery',
      due: '2026-03-10',
      sessionId: s0,
      topicId: topic,
    });
    expect(item.topicId).toBe(topic);
    await expect(
      h.uc.commitments.addActionItem('avery', pair.pairId, {
        text: 'x',
        ownerId: 'avery',
        due: '2026-03-10',
        sessionId: s0,
        topicId: 'nope',
      }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'topicId' });
  });
});
