import type { Cadence } from '../../../core/model/cadence';
import { firstStartOf } from '../../../core/use-cases/schedule';
import { recurrenceOf } from '../../../adapters/graph/calendar/graph-recurrence';
import type { GraphRecurrence } from '../../graph-emulator/calendar-state';
import { M365_PEOPLE } from '../../support/m365';
import { changeOf, SseReader } from '../../support/sse-reader';
import { agendaTopics, jsonOf, type AgendaBody } from '../../support/tandem-client';
import { createWeeklyPair, januarySessions, useM365 } from './m365-suite';

const suite = useM365();

const organizerDocumentWritten = () =>
  suite.m365.graph.requests.some(
    (r) => r.method === 'PUT' && r.status < 300 && r.path.includes('/graph/subscriptions/organizers/'),
  );

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('changes made in Outlook', () => {
  let pairId: string;

  beforeAll(async () => {
    pairId = await createWeeklyPair(suite);
  });

  it("subscribes to the organizer's events once the series exists, passing Graph's validation handshake", async () => {
    // Made after the answer: the new 1:1 does not wait for it.
    await until(() => suite.m365.graph.subscriptions.size > 0 && organizerDocumentWritten());
    const subscriptions = [...suite.m365.graph.subscriptions.values()];

    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]).toMatchObject({ resource: `/users/${M365_PEOPLE.avery.id}/events` });
    expect(subscriptions[0]!.clientState!.length).toBeGreaterThanOrEqual(32);
  });

  it('moves the session and its agenda when the organizer reschedules in Outlook, and tells open views', async () => {
    const [first] = await januarySessions(suite, pairId);
    await suite.blake.request('POST', `/api/pairs/${pairId}/sessions/${first!.id}/topics`, {
      body: { id: 'outlook-topic', title: 'Raise for Q2' },
    });
    const stream = await SseReader.open(`${suite.m365.url}/api/pairs/${pairId}/events`, suite.blake.token);
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const from = stream.events.length;
      const seriesId = [...suite.m365.graph.series.values()].find((s) => s.ownerId === M365_PEOPLE.avery.id)!.id;

      await suite.m365.graph.moveInOutlook(seriesId, first!.originalStart, new Date('2030-01-10T15:00:00.000Z'));

      // Acknowledged fast (Graph allows 3 s), processed after.
      expect(suite.m365.graph.deliveries.at(-1)).toMatchObject({ status: 202 });
      expect(suite.m365.graph.deliveries.at(-1)!.ms).toBeLessThan(3000);
      const change = await stream.waitFor((e) => e.event === 'change', 5000, from);
      expect(changeOf(change)).toMatchObject({ pairId, kind: 'schedule', by: M365_PEOPLE.avery.id });
    } finally {
      await stream.close();
    }
    const [moved] = await januarySessions(suite, pairId);
    expect(moved).toMatchObject({ id: first!.id, start: '2030-01-10T15:00:00.000Z', moved: true });
    const agenda = jsonOf<AgendaBody>(await suite.blake.request('GET', `/api/pairs/${pairId}/sessions/${first!.id}`));
    expect(agendaTopics(agenda).map((t) => t.title)).toContain('Raise for Q2');
  });

  it('refuses a notification whose clientState is not the secret given to Graph', async () => {
    const [subscription] = [...suite.m365.graph.subscriptions.values()];
    const response = await fetch(`${suite.m365.url}/api/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        value: [{ subscriptionId: subscription!.id, clientState: 'guessed', resourceData: { id: 'x' } }],
      }),
    });

    expect(response.status).toBe(403);
  });

  it('follows Outlook\'s "this and all following": from the split on, the meetings are the new series\'', async () => {
    const { chatId } = jsonOf<{ chatId: string }>(await suite.blake.request('GET', `/api/pairs/${pairId}`));
    const old = [...suite.m365.graph.series.values()].find((s) => decodeURIComponent(s.joinUrl).includes(chatId))!;
    const thursdays: Cadence = {
      frequency: 'weekly',
      startDate: '2030-01-24',
      time: '14:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
    };

    const created = await suite.m365.graph.splitInOutlook(old.id, '2030-01-22', {
      start: firstStartOf(thursdays),
      timeZone: thursdays.timeZone,
      durationMs: 30 * 60_000,
      recurrence: recurrenceOf(thursdays) as GraphRecurrence,
    });

    // Both notifications are acknowledged at once; the 1:1 follows the new series after the answer.
    expect(suite.m365.graph.deliveries.slice(-2).map((d) => d.status)).toEqual([202, 202]);
    const starts = async () => (await januarySessions(suite, pairId)).map((s) => s.originalStart);
    const deadline = Date.now() + 10_000;
    while (!(await starts()).includes('2030-01-24T13:00:00.000Z') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await starts()).toEqual([
      '2030-01-08T09:00:00.000Z',
      '2030-01-15T09:00:00.000Z',
      '2030-01-24T13:00:00.000Z',
      '2030-01-31T13:00:00.000Z',
    ]);
    const summary = jsonOf<{ cadence: Cadence; chatId: string }>(
      await suite.blake.request('GET', `/api/pairs/${pairId}`),
    );
    expect(summary.cadence).toEqual(thursdays);
    expect(suite.m365.graph.series.get(created)!.joinUrl).toContain(encodeURIComponent(summary.chatId));
  });
});

describe('on-demand sync', () => {
  it('re-creates a lost subscription for the organizer and refreshes the open views of their 1:1s', async () => {
    await createWeeklyPair(suite);
    suite.m365.graph.subscriptions.clear();

    const response = await suite.avery.request('POST', '/api/calendar/sync');

    expect(response.status).toBe(200);
    expect(jsonOf<{ subscribed: boolean; refreshed: number }>(response)).toMatchObject({ subscribed: true });
    expect(jsonOf<{ refreshed: number }>(response).refreshed).toBeGreaterThanOrEqual(1);
    expect([...suite.m365.graph.subscriptions.values()].map((s) => s.resource)).toEqual([
      `/users/${M365_PEOPLE.avery.id}/events`,
    ]);
  });
});
