import { keys, type PairDocument } from '../model/documents';
import type { ArchiveDocument } from '../model/archive';
import { AVERY_BLAKE, topicsOf, useHarness } from '../../tests/support/use-case-harness';

const pair = AVERY_BLAKE;
const s0 = pair.sessionId(0);

async function stored(h: ReturnType<typeof useHarness>): Promise<PairDocument> {
  return (await h.store.get<PairDocument>(keys.pair(pair.pairId)))!.body;
}

describe('finished material leaves the live pair document', () => {
  const h = useHarness();

  async function discussInFirstSession(): Promise<void> {
    await h.uc.topics.add('blake', pair.pairId, s0, { id: 'old', title: 'Career path' });
    h.at(pair, 0, 10);
    await h.uc.topics.edit('avery', pair.pairId, s0, 'old', { rev: 1, discussed: true });
    await h.uc.commitments.addActionItem('avery', pair.pairId, {
      id: 'ai-old',
      text: 'Write the proposal',
      ownerId: 'blake',
      due: '2026-03-05',
      sessionId: s0,
    });
    await h.uc.commitments.editActionItem('blake', pair.pairId, 'ai-old', { rev: 1, status: 'done' });
  }

  it('moves a topic discussed more than two weeks ago to its quarter, and every view still shows it', async () => {
    await discussInFirstSession();
    h.at(pair, 3, -60);
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(3), { id: 'new', title: 'Offsite' });

    expect((await stored(h)).topics.map((t) => t.id)).toEqual(['new']);
    const archive = (await h.store.get<ArchiveDocument>(keys.archive(pair.pairId, '2026-Q1')))!.body;
    expect(archive.topics.map((t) => t.id)).toEqual(['old']);
    // Closed less than 90 days ago: still live (the next agenda's progress shows it).
    expect((await stored(h)).actionItems.map((a) => a.id)).toEqual(['ai-old']);

    const view = await h.agenda('blake', s0);
    expect(topicsOf(view).map((t) => ({ id: t.id, discussed: t.discussed }))).toEqual([{ id: 'old', discussed: true }]);
    const exported = await h.uc.exports.exportPair('blake', pair.pairId);
    expect(exported.sessions.flatMap((s) => s.topics.map((t) => t.id))).toContain('old');
  });

  it('moves an action item closed more than 90 days ago, and the overview still lists it', async () => {
    await discussInFirstSession();
    h.at(pair, 15, -60);
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(15), { id: 'new', title: 'Offsite' });

    expect((await stored(h)).actionItems).toEqual([]);
    expect((await h.uc.pairs.overview('blake', pair.pairId)).actionItems.map((a) => a.id)).toEqual(['ai-old']);
    expect((await h.agenda('blake', s0)).nextSteps.map((a) => a.id)).toEqual(['ai-old']);
  });

  it('migrates a pair stored before archives existed on its first write, and a half-made move shows once', async () => {
    await discussInFirstSession();
    h.at(pair, 3, -60);
    // As stored before: the archive written, the crash came before the pair lost its copy.
    const before = await stored(h);
    await h.store.put<ArchiveDocument>(keys.archive(pair.pairId, '2026-Q1'), {
      schema: 1,
      pairId: pair.pairId,
      period: '2026-Q1',
      topics: before.topics,
      actionItems: [],
    });
    expect(topicsOf(await h.agenda('blake', s0)).map((t) => t.id)).toEqual(['old']);

    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(3), { id: 'new', title: 'Offsite' });
    expect((await stored(h)).topics.map((t) => t.id)).toEqual(['new']);
    expect(topicsOf(await h.agenda('blake', s0)).map((t) => t.id)).toEqual(['old']);
  });

  it('keeps a write that succeeded when the move after it fails, and moves on a later write', async () => {
    await discussInFirstSession();
    h.at(pair, 3, -60);
    const put = h.store.put.bind(h.store);
    h.store.put = async (key, body, options) => {
      if (key.includes('/archive/')) throw new Error('storage unavailable');
      return put(key, body, options);
    };
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(3), { id: 'new', title: 'Offsite' });
    expect((await stored(h)).topics.map((t) => t.id)).toEqual(['old', 'new']);

    h.store.put = put;
    await h.uc.topics.add('blake', pair.pairId, pair.sessionId(3), { id: 'newer', title: 'Budget' });
    expect((await stored(h)).topics.map((t) => t.id)).toEqual(['new', 'newer']);
  });
});
