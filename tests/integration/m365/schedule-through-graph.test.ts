import { M365_PEOPLE } from '../../support/m365';
import { useM365 } from './m365-suite';
import { agendaTopics, jsonOf, type AgendaBody, type TandemClient } from '../../support/tandem-client';

interface SessionItem {
  readonly id: string;
  readonly originalStart: string;
  readonly start: string;
  readonly status: string;
  readonly moved: boolean;
}

const suite = useM365();

const FROM = '2030-01-01T00:00:00.000Z';
const TO = '2030-03-01T00:00:00.000Z';

async function createPair(frequency: string, id: string, reportId = M365_PEOPLE.blake.id): Promise<string> {
  const response = await suite.avery.request('POST', '/api/pairs', {
    body: {
      id,
      reportId,
      cadence: { frequency, startDate: '2030-01-08', time: '10:00', timeZone: 'Europe/Berlin', durationMinutes: 30 },
      // Several 1:1s with the same report here, knowingly.
      allowDuplicate: true,
    },
  });
  expect([200, 201, response.text]).toContain(response.status);
  return jsonOf<{ id: string }>(response).id;
}

async function sessions(client: TandemClient, pairId: string): Promise<SessionItem[]> {
  const response = await client.request('GET', `/api/pairs/${pairId}/sessions?from=${FROM}&to=${TO}`);
  expect(response.status).toBe(200);
  return jsonOf<{ sessions: SessionItem[] }>(response).sessions;
}

describe('scheduling through Graph in Microsoft 365 mode', () => {
  it('creates the series on the organizer calendar with a Teams meeting, then lists, moves and skips', async () => {
    const pairId = await createPair('biweekly', 'pair-e2e-1');
    const [series] = [...suite.m365.graph.series.values()].filter((s) => s.ownerId === M365_PEOPLE.avery.id);
    expect(series?.recurrence.pattern).toMatchObject({ type: 'weekly', interval: 2, daysOfWeek: ['tuesday'] });
    expect(series?.timeZone).toBe('Europe/Berlin');

    // Every other Tuesday at 10:00 Berlin (09:00 UTC in winter), seen by both people.
    const listed = await sessions(suite.blake, pairId);
    expect(listed.map((s) => s.start)).toEqual([
      '2030-01-08T09:00:00.000Z',
      '2030-01-22T09:00:00.000Z',
      '2030-02-05T09:00:00.000Z',
      '2030-02-19T09:00:00.000Z',
    ]);
    const [first, second] = listed;

    // A topic on the first session, then the manager moves it: the agenda follows.
    const topic = await suite.blake.request('POST', `/api/pairs/${pairId}/sessions/${first!.id}/topics`, {
      body: { id: 'topic-1', title: 'Career path' },
    });
    expect(topic.status).toBe(201);
    const moved = await suite.avery.request('POST', `/api/pairs/${pairId}/sessions/${first!.id}/move`, {
      body: { start: '2030-01-09T14:00:00.000Z' },
    });
    expect(moved.status).toBe(200);

    const skipped = await suite.avery.request('POST', `/api/pairs/${pairId}/sessions/${second!.id}/skip`);
    expect(skipped.status).toBeLessThan(300);

    const after = await sessions(suite.blake, pairId);
    expect(after[0]).toMatchObject({ id: first!.id, start: '2030-01-09T14:00:00.000Z', moved: true });
    expect(after[1]).toMatchObject({ id: second!.id, status: 'skipped' });
    expect(after).toHaveLength(4);
    const agenda = jsonOf<AgendaBody>(await suite.blake.request('GET', `/api/pairs/${pairId}/sessions/${first!.id}`));
    expect(agendaTopics(agenda).map((t) => t.title)).toContain('Career path');

    // In Graph: one exception moved, one occurrence cancelled, the body never written (the emulator refuses it).
    expect(series!.exceptions.get(first!.originalStart)?.start?.toISOString()).toBe('2030-01-09T14:00:00.000Z');
    expect(series!.exceptions.get(second!.originalStart)?.cancelled).toBe(true);
  });

  it('maps weekly and monthly cadences to Graph recurrence', async () => {
    await createPair('weekly', 'pair-weekly', M365_PEOPLE.casey.id);
    await createPair('monthly', 'pair-monthly', M365_PEOPLE.casey.id);
    const patterns = [...suite.m365.graph.series.values()].map((s) => s.recurrence.pattern);

    expect(patterns).toContainEqual(expect.objectContaining({ type: 'weekly', interval: 1, firstDayOfWeek: 'monday' }));
    expect(patterns).toContainEqual(
      expect.objectContaining({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' }),
    );
  });

  it('only lets the organizer move: the report gets 403 and Graph sees no write', async () => {
    const pairId = await createPair('weekly', 'pair-e2e-403', M365_PEOPLE.casey.id);
    const casey = await suite.m365.client('casey');
    const [first] = await sessions(casey, pairId);
    const mark = suite.m365.graph.requests.length;

    const response = await casey.request('POST', `/api/pairs/${pairId}/sessions/${first!.id}/move`, {
      body: { start: '2030-01-09T14:00:00.000Z' },
    });

    expect(response.status).toBe(403);
    expect(suite.m365.graph.since(mark).filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch'))).toEqual([]);
  });
});
