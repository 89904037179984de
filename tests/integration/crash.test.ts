import { listFiles, unparsableJsonFiles } from '../support/data-dir';
import { signInDemo, sessionPath, type Demo } from '../support/demo';
import type { ServerProcess } from '../support/server-process';
import { useServerProcesses } from './server-processes';
import { agendaTopics, type AgendaBody } from '../support/tandem-client';

// Several service starts per test, each of which may take half a minute on a loaded machine.
jest.setTimeout(300_000);

/** Requests kept in flight at once during the burst. */
const IN_FLIGHT = 16;
/** Acknowledged writes to wait for before the kill, so it lands in the middle of the burst. */
const KILL_AFTER_ACKS = 40;

interface Acked {
  readonly topics: string[];
  readonly sharedNotes: string[];
  readonly privateNotes: { avery: string[]; blake: string[] };
}

interface BurstOutcome extends Acked {
  /** Requests that got no answer: cut off by the kill. */
  readonly unanswered: number;
  /** Answers that were neither 2xx nor a cut connection (should be none). */
  readonly refused: string[];
}

/**
 * Writes as fast as IN_FLIGHT loops can (topics from both people, shared and private notes) and SIGKILLs
 * the server once KILL_AFTER_ACKS writes were acknowledged, while the others are still in flight.
 */
async function burstThenKill(server: ServerProcess, demo: Demo, round: number): Promise<BurstOutcome> {
  const S = sessionPath(demo.nextSessionId);
  const outcome: BurstOutcome = {
    topics: [],
    sharedNotes: [],
    privateNotes: { avery: [], blake: [] },
    unanswered: 0,
    refused: [],
  };
  let acks = 0;
  let killed: Promise<unknown> | undefined;
  let n = 0;

  const loop = async (worker: number): Promise<void> => {
    for (;;) {
      const i = n++;
      const who = (i + worker) % 2 === 0 ? 'avery' : 'blake';
      const client = demo[who];
      const text = `crash r${round} w${worker} #${i}`;
      const kind = i % 4;
      try {
        const response =
          kind === 3
            ? await client.post(`${S}/notes`, { id: `c${round}-${i}`, text, private: i % 8 === 3 })
            : await client.post(`${S}/topics`, { id: `c${round}-${i}`, title: text });
        if (response.status >= 200 && response.status < 300) {
          if (kind !== 3) outcome.topics.push(text);
          else if (i % 8 === 3) outcome.privateNotes[who].push(text);
          else outcome.sharedNotes.push(text);
          if (++acks === KILL_AFTER_ACKS) killed = server.kill();
        } else {
          outcome.refused.push(`${response.status} ${response.text}`);
        }
      } catch {
        // No answer: the connection was cut (or refused) by the kill. Stop this loop.
        (outcome as { unanswered: number }).unanswered++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, (_, worker) => loop(worker)));
  await killed;
  return outcome;
}

describe('a server killed in the middle of a burst of writes', () => {
  const { dataDir: currentDataDir, start } = useServerProcesses('crash');

  test('leaves only whole documents, and the restarted server has every acknowledged write', async () => {
    const acked: Acked = { topics: [], sharedNotes: [], privateNotes: { avery: [], blake: [] } };
    let server = await start();

    for (let round = 1; round <= 2; round++) {
      const demo = await signInDemo(server.url);
      const outcome = await burstThenKill(server, demo, round);
      expect(server.exitStatus).toEqual({ code: null, signal: 'SIGKILL' });
      expect(outcome.refused).toEqual([]);
      expect(outcome.topics.length + outcome.sharedNotes.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS / 2);
      // The kill cut requests in flight: it did land in the middle of the burst.
      expect(outcome.unanswered).toBeGreaterThan(0);
      acked.topics.push(...outcome.topics);
      acked.sharedNotes.push(...outcome.sharedNotes);
      acked.privateNotes.avery.push(...outcome.privateNotes.avery);
      acked.privateNotes.blake.push(...outcome.privateNotes.blake);

      // Every document under the data folder is whole JSON (a crash may leave only a dot-named temp file).
      expect(await unparsableJsonFiles(currentDataDir())).toEqual([]);
      const strays = (await listFiles(currentDataDir())).filter((f) => !f.endsWith('.json'));
      expect(strays.filter((f) => !/(^|\/)\.[^/]+\.tmp$/.test(f))).toEqual([]);

      server = await start();
      expect(server.seeded).toBe(false);
      const after = await signInDemo(server.url);
      const S = sessionPath(after.nextSessionId);
      const averyAgenda = await after.avery.getJson<AgendaBody>(S);
      const blakeAgenda = await after.blake.getJson<AgendaBody>(S);

      const titles = agendaTopics(averyAgenda).map((t) => t.title);
      expect(acked.topics.filter((t) => !titles.includes(t))).toEqual([]);
      expect(new Set(titles).size).toBe(titles.length);
      const shared = averyAgenda.sharedNotes.map((note) => note.text);
      expect(acked.sharedNotes.filter((t) => !shared.includes(t))).toEqual([]);
      const averyPrivate = averyAgenda.privateNotes.map((note) => note.text);
      expect(acked.privateNotes.avery.filter((t) => !averyPrivate.includes(t))).toEqual([]);
      const blakePrivate = blakeAgenda.privateNotes.map((note) => note.text);
      expect(acked.privateNotes.blake.filter((t) => !blakePrivate.includes(t))).toEqual([]);
    }

    // The survivor still takes writes.
    const demo = await signInDemo(server.url);
    const more = await demo.blake.post(`${sessionPath(demo.nextSessionId)}/topics`, { title: 'After two crashes' });
    expect(more.status).toBe(201);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });
});
