import { AVERY_BLAKE as pair, topicsOf, useHarness } from '../../tests/support/use-case-harness';
import { newTopicView } from '../model/agenda-view';

const h = useHarness();
const [s0, s1, s2] = [0, 1, 2].map((n) => pair.sessionId(n)) as [string, string, string];

const titles = async (sessionId: string, section = 'topics'): Promise<string[]> =>
  (await h.agenda('blake', sessionId)).sections.find((s) => s.id === section)!.topics.map((t) => t.title);

const addTopic = (actor: string, sessionId: string, id: string, title: string, section?: 'deep-dive' | 'feedback') =>
  h.uc.topics.add(actor, pair.pairId, sessionId, { id, title, ...(section && { section }) });

const checkOff = (actor: string, sessionId: string, topicId: string, rev = 1) =>
  h.uc.topics.edit(actor, pair.pairId, sessionId, topicId, { rev, discussed: true });

describe('carry-over', () => {
  beforeEach(async () => {
    await addTopic('blake', s0, 'open', 'Career path');
    h.clock.advance(60_000);
    await addTopic('blake', s0, 'done', 'Conference budget');
    h.at(pair, 0, 10);
    await checkOff('avery', s0, 'done');
  });

  it('shows an undiscussed topic of a held session in the next one, marked with its origin', async () => {
    h.after(pair, 0);

    const next = topicsOf(await h.agenda('blake', s1));

    expect(next).toEqual([expect.objectContaining({ id: 'open', title: 'Career path', carriedFrom: s0 })]);
    expect(next[0]).not.toHaveProperty('carriedForward');
  });

  it("marks the undiscussed topic carriedForward in the concluded session's own view", async () => {
    h.after(pair, 0);

    const view = await h.agenda('blake', s0);

    expect(view.status).toBe('held');
    expect(topicsOf(view)).toEqual([
      expect.objectContaining({ id: 'open', discussed: false, carriedForward: true }),
      expect.objectContaining({ id: 'done', discussed: true }),
    ]);
    expect(topicsOf(view).find((t) => t.id === 'done')).not.toHaveProperty('carriedForward');
    expect(topicsOf(view).find((t) => t.id === 'open')).not.toHaveProperty('carriedFrom');
  });

  it('keeps the origin when a topic is carried twice', async () => {
    h.after(pair, 1);

    expect(topicsOf(await h.agenda('blake', s2))).toEqual([expect.objectContaining({ id: 'open', carriedFrom: s0 })]);
    // The session it passed through shows it came from s0 and moved on again.
    expect(topicsOf(await h.agenda('blake', s1))).toEqual([
      expect.objectContaining({ id: 'open', carriedFrom: s0, carriedForward: true, discussed: false }),
    ]);
  });

  it('keeps a concluded session true to what happened once a later session discusses the carried topic', async () => {
    h.at(pair, 1, 5);
    await checkOff('blake', s1, 'open');
    h.after(pair, 1);

    const held = await h.agenda('blake', s0);
    const later = await h.agenda('blake', s1);

    expect(topicsOf(held).find((t) => t.id === 'open')).toMatchObject({ discussed: false, carriedForward: true });
    expect(held.recap?.carriedForward).toEqual([{ id: 'open', title: 'Career path' }]);
    expect(held.recap?.discussed).toEqual([{ id: 'done', title: 'Conference budget' }]);
    expect(topicsOf(later)).toEqual([expect.objectContaining({ id: 'open', carriedFrom: s0, discussed: true })]);
    expect(later.recap?.discussed).toEqual([{ id: 'open', title: 'Career path' }]);
    expect(topicsOf(await h.agenda('blake', s2))).toEqual([]);
  });

  it('does not carry a discussed topic', async () => {
    h.after(pair, 0);

    expect(topicsOf(await h.agenda('avery', s1)).map((t) => t.id)).toEqual(['open']);
  });

  it('refuses new topics for a held session and names the session', async () => {
    h.after(pair, 0);

    const attempt = addTopic('blake', s0, 'late', 'Too late');

    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError', field: 'sessionId' });
    expect(topicsOf(await h.agenda('blake', s0)).map((t) => t.id)).toEqual(['open', 'done']);
  });
});

describe('adding topics', () => {
  it('is idempotent by client id: a retry returns the same topic and adds nothing', async () => {
    const first = await addTopic('blake', s0, 'c-1', 'Career');
    const retry = await addTopic('blake', s0, 'c-1', 'Career');

    expect(first).toMatchObject({ created: true, topic: { id: 'c-1', title: 'Career', authorRole: 'report' } });
    expect(retry).toEqual({ created: false, topic: first.topic });
    expect(topicsOf(await h.agenda('blake', s0)).map((t) => t.id)).toEqual(['c-1']);
    expect(h.changes.filter((c) => c.kind === 'topics')).toHaveLength(1);
  });

  it.each([
    ['another title', { title: 'Salary' }],
    ['another detail', { title: 'Career', detail: 'and growth' }],
    ['another section', { title: 'Career', section: 'feedback' as const }],
  ])('refuses the same id with %s as a conflict on the id', async (_case, input) => {
    await addTopic('blake', s0, 'c-1', 'Career');

    const attempt = h.uc.topics.add('blake', pair.pairId, s0, { id: 'c-1', ...input });

    await expect(attempt).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
    expect(topicsOf(await h.agenda('blake', s0))).toEqual([expect.objectContaining({ id: 'c-1', title: 'Career' })]);
  });

  it("refuses another person's retry of the same id and the same id for another session", async () => {
    await addTopic('blake', s0, 'c-1', 'Career');

    await expect(addTopic('avery', s0, 'c-1', 'Career')).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
    await expect(addTopic('blake', s1, 'c-1', 'Career')).rejects.toMatchObject({ name: 'ConflictError', field: 'id' });
  });

  it('keeps every topic when both people add at the same moment', async () => {
    const adds = Array.from({ length: 20 }, (_, i) =>
      addTopic(i % 2 === 0 ? 'blake' : 'avery', s0, `c-${i}`, `Topic ${i}`),
    );

    const results = await Promise.all([...adds, addTopic('blake', s0, 'c-0', 'Topic 0')]);

    expect(results.filter((r) => r.created)).toHaveLength(20);
    expect(topicsOf(await h.agenda('avery', s0))).toHaveLength(20);
  });

  it('generates an id when the client sends none', async () => {
    const { topic } = await h.uc.topics.add('avery', pair.pairId, s0, { title: 'Roadmap' });

    expect(topic.id).toBe('id-1');
  });

  it('validates title, section and client id before anything is stored', async () => {
    await expect(h.uc.topics.add('blake', pair.pairId, s0, { title: '   ' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'title',
    });
    await expect(
      h.uc.topics.add('blake', pair.pairId, s0, { title: 'x', section: 'recap' as unknown as 'topics' }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'section' });
    await expect(h.uc.topics.add('blake', pair.pairId, s0, { id: 'a/b', title: 'x' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'id',
    });
    expect(topicsOf(await h.agenda('blake', s0))).toEqual([]);
  });
});

describe('order', () => {
  it("puts the report's topics first by default, then by creation", async () => {
    await addTopic('avery', s0, 'a1', 'Manager first in time');
    h.clock.advance(60_000);
    await addTopic('blake', s0, 'b1', 'Report one');
    h.clock.advance(60_000);
    await addTopic('avery', s0, 'a2', 'Manager second');
    h.clock.advance(60_000);
    await addTopic('blake', s0, 'b2', 'Report two');

    expect(await titles(s0)).toEqual(['Report one', 'Report two', 'Manager first in time', 'Manager second']);
  });

  it('follows a reorder; topics added afterwards come after the ordered ones', async () => {
    await addTopic('avery', s0, 'a1', 'A1');
    await addTopic('blake', s0, 'b1', 'B1');
    await addTopic('blake', s0, 'b2', 'B2');

    await h.uc.topics.reorder('avery', pair.pairId, s0, 'topics', ['a1', 'b2', 'b1']);
    await addTopic('blake', s0, 'b3', 'B3');

    expect(await titles(s0)).toEqual(['A1', 'B2', 'B1', 'B3']);
  });

  it('refuses a reorder naming a topic of another section or repeating an id', async () => {
    await addTopic('blake', s0, 'b1', 'B1');
    await addTopic('blake', s0, 'f1', 'F1', 'feedback');

    await expect(h.uc.topics.reorder('blake', pair.pairId, s0, 'topics', ['f1', 'b1'])).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'topicIds',
    });
    await expect(h.uc.topics.reorder('blake', pair.pairId, s0, 'topics', ['b1', 'b1'])).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'topicIds',
    });
  });
});

describe('deep dive', () => {
  it('holds one open topic at a time', async () => {
    await addTopic('blake', s0, 'd1', 'Growth plan', 'deep-dive');

    await expect(addTopic('avery', s0, 'd2', 'Team health', 'deep-dive')).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'section',
    });
    await addTopic('avery', s0, 'd2', 'Team health');
    await expect(
      h.uc.topics.edit('avery', pair.pairId, s0, 'd2', { rev: 1, section: 'deep-dive' }),
    ).rejects.toMatchObject({ name: 'ConflictError', field: 'section' });

    h.at(pair, 0, 5);
    await checkOff('avery', s0, 'd1');
    await h.uc.topics.edit('avery', pair.pairId, s0, 'd2', { rev: 1, section: 'deep-dive' });

    expect(await titles(s0, 'deep-dive')).toEqual(['Growth plan', 'Team health']);
  });

  it('times the chosen topic with the template timebox', async () => {
    await addTopic('blake', s0, 'd1', 'Growth plan', 'deep-dive');
    h.at(pair, 0, 5);

    await h.uc.sessions.startDeepDive('blake', pair.pairId, s0, { topicId: 'd1' });

    expect((await h.agenda('avery', s0)).deepDive).toEqual({
      topicId: 'd1',
      minutes: 15,
      minutesPlanned: 15,
      startedAt: '2026-03-03T10:05:00.000Z',
    });
    await expect(h.uc.sessions.startDeepDive('blake', pair.pairId, s0, { topicId: 'not-here' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'topicId',
    });
  });
});

describe('editing', () => {
  beforeEach(async () => {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 't', title: 'Career', detail: 'Next step?' });
  });

  it('refuses an edit from a stale revision and hands back the current topic', async () => {
    await h.uc.topics.edit('blake', pair.pairId, s0, 't', { rev: 1, title: 'Career, next level' });

    const stale = h.uc.topics.edit('avery', pair.pairId, s0, 't', { rev: 1, discussed: true });

    await expect(stale).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'rev',
      current: { id: 't', title: 'Career, next level', rev: 2, discussed: false },
    });
    const fresh = await h.uc.topics.edit('avery', pair.pairId, s0, 't', { rev: 2, discussed: true });
    expect(fresh).toMatchObject({ title: 'Career, next level', rev: 3, discussed: true });
  });

  it('lets only the author edit the text, but either person check it off', async () => {
    await expect(h.uc.topics.edit('avery', pair.pairId, s0, 't', { rev: 1, title: 'Mine now' })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(h.uc.topics.edit('avery', pair.pairId, s0, 't', { rev: 1, detail: null })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });

    const checked = await h.uc.topics.edit('avery', pair.pairId, s0, 't', { rev: 1, discussed: true });

    expect(checked).toMatchObject({ title: 'Career', detail: 'Next step?', discussed: true });
    expect(topicsOf(await h.agenda('blake', s0))).toEqual([
      expect.objectContaining({ title: 'Career', discussed: true }),
    ]);
  });

  it('lets the author edit and clear the detail', async () => {
    const edited = await h.uc.topics.edit('blake', pair.pairId, s0, 't', { rev: 1, title: 'Career', detail: null });

    expect(edited).not.toHaveProperty('detail');
    expect(edited.rev).toBe(2);
  });

  it('lets only the author remove a topic, and not once it was discussed', async () => {
    await expect(h.uc.topics.remove('avery', pair.pairId, s0, 't')).rejects.toMatchObject({ name: 'ForbiddenError' });
    await checkOff('avery', s0, 't');
    await expect(h.uc.topics.remove('blake', pair.pairId, s0, 't')).rejects.toMatchObject({ name: 'ConflictError' });

    await addTopic('blake', s0, 'u', 'Undecided');
    await h.uc.topics.remove('blake', pair.pairId, s0, 'u');
    expect(topicsOf(await h.agenda('blake', s0)).map((t) => t.id)).toEqual(['t']);
  });

  it('publishes a topics change for each edit', async () => {
    h.feed.clear();

    await checkOff('avery', s0, 't');

    expect(h.changes).toEqual([
      { pairId: pair.pairId, sessionId: s0, kind: 'topics', by: 'avery', at: '2026-03-02T08:00:00.000Z' },
    ]);
  });
});

describe('a new topic as clients draw it before the service answers', () => {
  it('is the view the agenda shows once the topic is stored', async () => {
    const view = await h.agenda('blake', s0);
    const drawn = newTopicView({
      id: 'fresh',
      title: 'Mentoring',
      section: 'topics',
      author: view.viewer,
      createdAt: h.clock.now().toISOString(),
    });
    await addTopic('blake', s0, 'fresh', 'Mentoring');
    expect(topicsOf(await h.agenda('blake', s0)).find((t) => t.id === 'fresh')).toEqual(drawn);
  });
});
