import { hashTree, OPERATIONAL_STATE } from '../support/data-dir';
import { signInDemo, OTHER_PAIR, PAIR, SEEDED_NEXT_TOPIC, sessionPath, type Demo } from '../support/demo';
import { useServerProcesses } from './server-processes';
import { SseReader } from '../support/sse-reader';
import { agendaTopics, type AgendaBody, type MeView } from '../support/tandem-client';

// Several service starts per test, each of which may take half a minute on a loaded machine.
jest.setTimeout(300_000);

interface Overview {
  readonly actionItems: ReadonlyArray<{ readonly id: string; readonly text: string; readonly ownerId: string }>;
  readonly goals: ReadonlyArray<{ readonly id: string }>;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('a restart on the same data folder', () => {
  const { dataDir: currentDataDir, start } = useServerProcesses('restart');

  test('keeps topics, notes and action items, and does not seed the demo again', async () => {
    const first = await start();
    expect(first.seeded).toBe(true);
    let demo: Demo = await signInDemo(first.url);
    const S = sessionPath(demo.nextSessionId);

    const writes = [
      demo.blake.post(`${S}/topics`, { id: 'restart-t1', title: 'Career ladder questions' }),
      demo.blake.post(`${S}/topics`, { id: 'restart-t2', title: 'Pairing with the new hire', section: 'feedback' }),
      demo.avery.post(`${S}/topics`, { id: 'restart-t3', title: 'Quarterly planning' }),
      demo.blake.post(`${S}/notes`, { id: 'restart-n1', text: 'Shared: bring the design doc' }),
      demo.avery.post(`${S}/notes`, { id: 'restart-n2', text: 'Private: ask about the offsite', private: true }),
      demo.blake.post(`${S}/notes`, { id: 'restart-n3', text: 'Private: mention the promotion case', private: true }),
      demo.avery.post(`/api/pairs/${PAIR}/action-items`, {
        id: 'restart-a1',
        text: 'Share the promotion rubric',
        ownerId: 'avery',
        due: '2030-01-15',
        sessionId: demo.nextSessionId,
      }),
    ];
    for (const response of await Promise.all(writes)) expect(response.status).toBe(201);
    const checkIn = await demo.blake.put(`${S}/check-in`, { mood: 4, line: 'Rested' });
    expect(checkIn.status).toBe(204);

    const beforeAvery = await demo.avery.getJson<AgendaBody>(S);
    const beforeBlake = await demo.blake.getJson<AgendaBody>(S);
    const beforeOverview = await demo.avery.getJson<Overview>(`/api/pairs/${PAIR}`);
    const beforeMe = await demo.avery.getJson<MeView>('/api/me');

    // A live stream must not keep the process from stopping: SIGTERM ends it.
    const stream = await SseReader.open(`${first.url}/api/pairs/${PAIR}/events`, demo.blake.token);
    await stream.waitFor((e) => e.event === 'ready');
    const exit = await first.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    await stream.waitForEnd();

    const stopped = await hashTree(currentDataDir());
    // A graceful stop releases the job runner's lease: the next instance need not wait for it to expire.
    expect(Object.keys(stopped)).not.toContain('ops/jobs/lease.json');
    const second = await start();
    expect(second.seeded).toBe(false);
    expect(second.output).not.toContain('demo data seeded');
    // Starting on existing data writes no domain data at all: no second seed, no migration, no touch.
    // (ops/ is operational state: the running job runner takes and renews its lease, so it is left out
    // rather than read while it changes.)
    const domain = (hashes: Record<string, string>) =>
      Object.fromEntries(Object.entries(hashes).filter(([file]) => !file.startsWith('ops/')));
    expect(await hashTree(currentDataDir(), OPERATIONAL_STATE)).toEqual(domain(stopped));

    demo = await signInDemo(second.url);
    const afterAvery = await demo.avery.getJson<AgendaBody>(S);
    const afterBlake = await demo.blake.getJson<AgendaBody>(S);
    expect(afterAvery).toEqual(beforeAvery);
    expect(afterBlake).toEqual(beforeBlake);

    // Spot checks of what the equality above covers, so a failure says what went missing.
    const titles = agendaTopics(afterAvery).map((t) => t.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Career ladder questions',
        'Pairing with the new hire',
        'Quarterly planning',
        SEEDED_NEXT_TOPIC,
      ]),
    );
    expect(countBy(agendaTopics(afterAvery), (t) => t.id)).toEqual(
      Object.fromEntries(agendaTopics(afterAvery).map((t) => [t.id, 1])),
    );
    expect(afterAvery.sharedNotes.map((n) => n.text)).toEqual(['Shared: bring the design doc']);
    expect(afterAvery.privateNotes.map((n) => n.text)).toEqual(['Private: ask about the offsite']);
    expect(afterBlake.privateNotes.map((n) => n.text)).toEqual(['Private: mention the promotion case']);

    const overview = await demo.avery.getJson<Overview>(`/api/pairs/${PAIR}`);
    expect(overview).toEqual(beforeOverview);
    expect(overview.actionItems.filter((a) => a.id === 'restart-a1')).toEqual([
      expect.objectContaining({ text: 'Share the promotion rubric', ownerId: 'avery' }),
    ]);
    // Seeded items exist once each.
    const items = countBy(overview.actionItems, (a) => a.id);
    expect(items).toMatchObject({ 'seed-a1': 1, 'seed-a2': 1, 'restart-a1': 1 });
    expect(Object.values(items).every((n) => n === 1)).toBe(true);
    expect(countBy(overview.goals, (g) => g.id)).toEqual({ 'seed-g1': 1 });

    const me = await demo.avery.getJson<MeView>('/api/me');
    expect(me).toEqual(beforeMe);
    expect(me.pairs.map((p) => p.id).sort()).toEqual([PAIR, OTHER_PAIR, 'avery-emery']);

    // And it keeps working.
    const more = await demo.blake.post(`${S}/topics`, { id: 'restart-t4', title: 'After the restart' });
    expect(more.status).toBe(201);
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });
});
