import { M365_PEOPLE } from '../../support/m365';
import { useM365 } from './m365-suite';
import { agendaTopics, jsonOf, problemOf, type AgendaBody, type TandemClient } from '../../support/tandem-client';

const suite = useM365();

beforeAll(async () => {
  expect((await createPair('pair-faults-base', M365_PEOPLE.blake.id)).status).toBe(201);
});

function createPair(id: string, reportId: string) {
  return suite.avery.request('POST', '/api/pairs', {
    body: {
      id,
      reportId,
      cadence: { frequency: 'weekly', startDate: '2030-01-08', time: '10:00', timeZone: 'Europe/Berlin' },
      // Several 1:1s with the same report here, knowingly.
      allowDuplicate: true,
    },
  });
}

function seriesOf(ownerId: string) {
  return [...suite.m365.graph.series.values()].filter((s) => s.ownerId === ownerId);
}

async function firstSession(client: TandemClient, pairId: string): Promise<string> {
  const response = await client.request(
    'GET',
    `/api/pairs/${pairId}/sessions?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z`,
  );
  return jsonOf<{ sessions: { id: string }[] }>(response).sessions[0]!.id;
}

describe('Microsoft 365 mode under Graph faults', () => {
  it('creates exactly one series when the create answer is lost and when Graph throttles', async () => {
    const before = seriesOf(M365_PEOPLE.avery.id).length;
    suite.m365.graph.inject({ kind: 'lost-answer', method: 'POST', path: /\/me\/events$/, times: 1 });
    suite.m365.graph.inject({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      method: 'POST',
      path: /\/me\/events$/,
      times: 2,
    });
    suite.m365.graph.inject({ kind: 'status', status: 503, method: 'PUT', times: 2 });

    const response = await createPair('pair-faults-1', M365_PEOPLE.blake.id);

    expect(response.status).toBe(201);
    expect(seriesOf(M365_PEOPLE.avery.id).length - before).toBe(1);
    // A retried create of the pair itself (the client's own retry) is no duplicate either.
    expect((await createPair('pair-faults-1', M365_PEOPLE.blake.id)).status).toBe(200);
    expect(seriesOf(M365_PEOPLE.avery.id).length - before).toBe(1);
  });

  it('completes reads and writes through bursts of 429 and 503 within the retry bound', async () => {
    const pairId = 'pair-faults-base';
    const sessionId = await firstSession(suite.blake, pairId);
    const mark = suite.m365.graph.requests.length;
    // Four refusals in a row: the most one request may meet and still succeed (4 retries).
    suite.m365.graph.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 });
    suite.m365.graph.inject({ kind: 'status', status: 503, times: 2 });

    const added = await suite.blake.request('POST', `/api/pairs/${pairId}/sessions/${sessionId}/topics`, {
      body: { id: 'topic-under-fire', title: 'Still here' },
    });
    const agenda = await suite.blake.request('GET', `/api/pairs/${pairId}/sessions/${sessionId}`);

    expect([added.status, added.text]).toEqual([201, expect.any(String)]);
    expect(agendaTopics(jsonOf<AgendaBody>(agenda)).map((t) => t.title)).toContain('Still here');
    expect(suite.m365.graph.since(mark).filter((r) => r.status === 429 || r.status === 503)).toHaveLength(4);
  }, 30_000);

  it('fails with a clear 503 naming Graph and its request id when Graph stays unavailable', async () => {
    const sessionId = await firstSession(suite.blake, 'pair-faults-base');
    suite.m365.graph.inject({ kind: 'status', status: 503, times: 1000 });

    const response = await suite.blake.request('GET', `/api/pairs/pair-faults-base/sessions/${sessionId}`);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    const problem = problemOf(response) as ReturnType<typeof problemOf> & { graphRequestId?: string };
    expect(problem.detail).toMatch(/Microsoft Graph answered 503/);
    expect(problem.graphRequestId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('moves and skips exactly once when their answers are lost', async () => {
    const pairId = 'pair-faults-base';
    const listed = await suite.blake.request(
      'GET',
      `/api/pairs/${pairId}/sessions?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z`,
    );
    const [, second, third] = jsonOf<{ sessions: { id: string; originalStart: string }[] }>(listed).sessions;
    suite.m365.graph.inject({ kind: 'lost-answer', method: 'PATCH', path: /\/me\/events\//, times: 1 });
    suite.m365.graph.inject({ kind: 'lost-answer', method: 'POST', path: /\/cancel$/, times: 1 });

    const moved = await suite.avery.request('POST', `/api/pairs/${pairId}/sessions/${second!.id}/move`, {
      body: { start: '2030-01-16T13:00:00.000Z' },
    });
    const skipped = await suite.avery.request('POST', `/api/pairs/${pairId}/sessions/${third!.id}/skip`);

    expect(moved.status).toBe(200);
    expect(skipped.status).toBeLessThan(300);
    const series = seriesOf(M365_PEOPLE.avery.id).find((s) => s.exceptions.has(second!.originalStart))!;
    expect(series.exceptions.get(second!.originalStart)?.start?.toISOString()).toBe('2030-01-16T13:00:00.000Z');
    expect(series.exceptions.get(third!.originalStart)).toEqual({ cancelled: true });
  });

  it('two people adding topics to one pair at the same moment through Graph both keep all of them', async () => {
    const pairId = 'pair-faults-base';
    const sessionId = await firstSession(suite.blake, pairId);
    const add = (client: TandemClient, who: string, i: number) =>
      client.request('POST', `/api/pairs/${pairId}/sessions/${sessionId}/topics`, {
        body: { id: `c-${who}-${i}`, title: `${who} ${i}` },
      });

    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => [add(suite.avery, 'avery', i), add(suite.blake, 'blake', i)]).flat(),
    );

    expect(results.map((r) => r.status)).toEqual(Array(16).fill(201));
    const titles = agendaTopics(
      jsonOf<AgendaBody>(await suite.avery.request('GET', `/api/pairs/${pairId}/sessions/${sessionId}`)),
    ).map((t) => t.title);
    for (let i = 0; i < 8; i++) expect(titles).toEqual(expect.arrayContaining([`avery ${i}`, `blake ${i}`]));
  });
});
