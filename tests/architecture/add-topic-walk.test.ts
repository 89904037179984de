import type { DocumentStore } from '../../core/ports/document-store';
import { AVERY_BLAKE, useHarness } from '../support/use-case-harness';

/**
 * The store round trips of the walk in docs/architecture.md, "Blake adds a topic": counted here so the
 * document cannot drift from the code. Embedded mode: the local calendar reads its series from the same store.
 */
function countCalls(store: DocumentStore, log: string[], label: string): void {
  for (const method of ['get', 'put', 'delete', 'list'] as const) {
    const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      log.push(`${label} ${method} ${String(args[0])}`);
      return original(...args);
    };
  }
}

const h = useHarness();

/** Reads that go out together are logged in the order they start, which is not part of the walk. */
const sorted = (calls: string[]) => [...calls].sort();

it('adding a topic costs 5 store round trips, and each re-read of the agenda 5 more', async () => {
  const pair = AVERY_BLAKE;
  const s0 = pair.sessionId(0);
  const log: string[] = [];
  countCalls(h.store, log, 'shared');
  countCalls(h.personalStores.forUser('avery'), log, 'avery');
  h.feed.clear(); // the pair's creation

  await h.uc.topics.add('blake', pair.pairId, s0, { id: 't-1', title: 'Career conversation' });
  const add = log.splice(0);
  await h.uc.sessions.agenda('avery', pair.pairId, s0);
  const reread = log.splice(0);

  // The caller's own index first (an outsider is refused before anything of the pair is read); then the pair,
  // its series and the session side by side; the write goes on the pair just read.
  expect(add[0]).toBe('shared get index/users/blake');
  expect(sorted(add)).toEqual(
    sorted([
      'shared get index/users/blake',
      'shared get pairs/avery-blake/pair',
      'shared get calendar/series/local-avery-blake',
      `shared get pairs/avery-blake/sessions/${s0}`,
      'shared put pairs/avery-blake/pair',
    ]),
  );
  expect(h.changes).toEqual([expect.objectContaining({ pairId: 'avery-blake', kind: 'topics', by: 'blake' })]);
  expect(sorted(reread)).toEqual(
    sorted([
      'shared get index/users/avery',
      'shared get pairs/avery-blake/pair',
      'shared get calendar/series/local-avery-blake',
      `shared get pairs/avery-blake/sessions/${s0}`,
      `avery get pairs/avery-blake/sessions/${s0}`,
    ]),
  );
});
