import { AVERY_BLAKE as pair, topicsOf, useHarness } from '../../tests/support/use-case-harness';

const h = useHarness();
const [s0, s1] = [pair.sessionId(0), pair.sessionId(1)];
const { pairId } = pair;

const addPrivate = (actor: string, id: string, title: string) =>
  h.uc.topics.add(actor, pairId, s0, { id, title, private: true });
const ids = async (actor: string, sessionId = s0) => topicsOf(await h.agenda(actor, sessionId)).map((t) => t.id);

beforeEach(async () => {
  await h.uc.topics.add('blake', pairId, s0, { id: 'shared', title: 'Career path' });
  await addPrivate('blake', 'mine', 'Ask about the raise without sounding bitter');
});

describe('a private talking point', () => {
  it('shows only to its author, marked private, and its live update reaches only them', async () => {
    const blakes = topicsOf(await h.agenda('blake', s0));
    expect(blakes.find((t) => t.id === 'mine')).toMatchObject({ private: true, title: expect.any(String) });
    expect(blakes.find((t) => t.id === 'shared')).not.toHaveProperty('private');
    expect(await ids('avery')).toEqual(['shared']);

    const published = h.changes.filter((c) => c.kind === 'topics');
    expect(published.map((c) => c.onlyFor)).toEqual([undefined, 'blake']);

    h.feed.clear();
    await h.uc.topics.edit('blake', pairId, s0, 'mine', { rev: 1, title: 'Ask about the raise' });
    await h.uc.topics.remove('blake', pairId, s0, 'mine');
    expect(h.changes.map((c) => c.onlyFor)).toEqual(['blake', 'blake']);
  });

  it('is no different from a topic that does not exist for the other person', async () => {
    const notFound = { name: 'NotFoundError', field: 'topicId' };
    await expect(h.uc.topics.edit('avery', pairId, s0, 'mine', { rev: 1, discussed: true })).rejects.toMatchObject(
      notFound,
    );
    await expect(h.uc.topics.remove('avery', pairId, s0, 'mine')).rejects.toMatchObject(notFound);
    const notATopic = { name: 'ValidationError', field: 'topicId', message: expect.stringMatching(/not a topic/) };
    await expect(h.uc.meeting.discuss('avery', pairId, s0, 'mine')).rejects.toMatchObject(notATopic);
    await expect(h.uc.sessions.startDeepDive('avery', pairId, s0, { topicId: 'mine' })).rejects.toMatchObject(
      notATopic,
    );
    await expect(
      h.uc.sessions.addNote('avery', pairId, s0, { text: 'I see you', topicId: 'mine', private: true }),
    ).rejects.toMatchObject(notATopic);
    await expect(
      h.uc.commitments.addActionItem('avery', pairId, {
        text: 'x',
        ownerId: 'avery',
        due: '2026-03-10',
        sessionId: s0,
        topicId: 'mine',
      }),
    ).rejects.toMatchObject(notATopic);

    // A reorder by the other person names only what they see and leaves the private topic alone.
    await h.uc.topics.reorder('avery', pairId, s0, 'topics', ['shared']);
    expect(await ids('blake')).toContain('mine');
    expect(topicsOf(await h.agenda('blake', s0)).find((t) => t.id === 'mine')?.rev).toBe(1);
  });

  it('takes its author’s private notes, never anything shared, and is never the deep dive', async () => {
    await h.uc.sessions.addNote('blake', pairId, s0, { text: 'Numbers from HR', topicId: 'mine', private: true });
    const sharedThing = { name: 'ValidationError', field: 'topicId', message: expect.stringMatching(/private/) };
    await expect(
      h.uc.sessions.addNote('blake', pairId, s0, { text: 'x', topicId: 'mine', private: false }),
    ).rejects.toMatchObject(sharedThing);
    await expect(h.uc.meeting.discuss('blake', pairId, s0, 'mine')).rejects.toMatchObject(sharedThing);
    await expect(
      h.uc.topics.add('blake', pairId, s0, { title: 'Deep', section: 'deep-dive', private: true }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'section' });
    await expect(h.uc.topics.edit('blake', pairId, s0, 'mine', { rev: 1, section: 'deep-dive' })).rejects.toMatchObject(
      { name: 'ValidationError', field: 'section' },
    );
    expect((await h.agenda('avery', s0)).sharedNotes).toEqual([]);
  });

  it('stays out of the recap, the bot’s agenda and the other person’s export, and stays private when carried', async () => {
    h.at(pair, 0, 5);
    await h.uc.sessions.setState('avery', pairId, s0, 'started');
    await h.uc.sessions.setState('avery', pairId, s0, 'ended');
    h.after(pair, 0);

    for (const actor of ['avery', 'blake']) {
      const recap = (await h.agenda(actor, s0)).recap!;
      expect(recap.carriedForward.map((t) => t.id)).toEqual(['shared']);
      expect(JSON.stringify(recap)).not.toContain('raise');
      const shared = await h.uc.sessions.sharedAgenda(actor, pairId, s1);
      expect(topicsOf(shared).map((t) => t.id)).toEqual(['shared']);
    }
    // Carried to the next session, still the author's alone.
    expect((await ids('blake', s1)).sort()).toEqual(['mine', 'shared']);
    expect(await ids('avery', s1)).toEqual(['shared']);

    const averys = JSON.stringify(await h.uc.exports.exportPair('avery', pairId));
    expect(averys).not.toContain('raise');
    const blakes = JSON.stringify(await h.uc.exports.exportPair('blake', pairId));
    expect(blakes).toContain('Ask about the raise without sounding bitter');
  });

  it('counts in no one’s meeting health', async () => {
    await h.uc.topics.add('avery', pairId, s0, { title: 'Reminder to self', private: true });
    await addPrivate('avery', 'another', 'And another');
    const health = await h.uc.insights.pairHealth(
      'avery',
      pairId,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-09T00:00:00Z'),
    );
    // Only the one shared topic, raised by the report.
    expect(health.reportTopicShare).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
