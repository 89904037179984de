import { AVERY_BLAKE as pair, useHarness } from '../../tests/support/use-case-harness';
import { NotFoundError } from '../errors';
import { keys, type UserIndexDocument } from '../model/documents';

/**
 * A member this process has seen has the pair, the session and the series read beside their own index (one
 * `$batch`, one round trip on Graph); everyone else reads the pair only after their index lists it.
 */
const h = useHarness();
const s0 = pair.sessionId(0);

/** Holds back the answer to reads of `key` and records which keys were asked for while it was held. */
function holdReadsOf(key: string) {
  const get = h.store.get.bind(h.store);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const askedWhileHeld: string[] = [];
  let holding = true;
  const spy = jest.spyOn(h.store, 'get').mockImplementation(async (k: string) => {
    if (holding) askedWhileHeld.push(k);
    if (k === key && holding) await released;
    return get(k);
  });
  return {
    askedWhileHeld,
    release: () => {
      holding = false;
      release();
      spy.mockRestore();
    },
  };
}

/** Once the held read was asked for, every read the request starts before it answers has started too. */
async function readsStarted(held: { askedWhileHeld: string[] }, key: string): Promise<void> {
  while (!held.askedWhileHeld.includes(key)) await new Promise((resolve) => setImmediate(resolve));
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

it("reads the pair and the session beside the member's own index once it has seen that index list the pair", async () => {
  await h.uc.sessions.agenda('blake', pair.pairId, s0);

  const held = holdReadsOf(keys.userIndex('blake'));
  const agenda = h.uc.sessions.agenda('blake', pair.pairId, s0);
  await readsStarted(held, keys.userIndex('blake'));
  const asked = [...held.askedWhileHeld];
  held.release();
  await agenda;

  expect(asked).toEqual(
    expect.arrayContaining([keys.userIndex('blake'), keys.pair(pair.pairId), `pairs/${pair.pairId}/sessions/${s0}`]),
  );
});

it('reads nothing of the pair before the index answers for someone it has never seen listed', async () => {
  const held = holdReadsOf(keys.userIndex('casey'));
  const refused = h.uc.sessions.agenda('casey', pair.pairId, s0).catch((error: unknown) => error);
  await readsStarted(held, keys.userIndex('casey'));
  const asked = [...held.askedWhileHeld];
  held.release();

  expect(await refused).toBeInstanceOf(NotFoundError);
  expect(asked.filter((key) => key.startsWith('pairs/'))).toEqual([]);
});

it('refuses a member removed from the pair since, on the index as read now', async () => {
  await h.uc.sessions.agenda('blake', pair.pairId, s0);
  const index = (await h.store.get<UserIndexDocument>(keys.userIndex('blake')))!;
  await h.store.put(keys.userIndex('blake'), { ...index.body, pairIds: [] }, { ifMatch: index.etag });

  await expect(h.uc.sessions.agenda('blake', pair.pairId, s0)).rejects.toThrow(NotFoundError);
  await expect(h.uc.schedule.list('blake', pair.pairId, pair.start(0), pair.start(2))).rejects.toThrow(NotFoundError);
});
