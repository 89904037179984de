import { useDemoServer } from '../support/demo-server';
import { jsonOf, problemOf, TandemClient } from '../support/tandem-client';

jest.setTimeout(30_000);

/** The Outlook add-in's "Make this event a Tandem 1:1", over HTTP. */
describe('POST /api/pairs/link', () => {
  const demo = useDemoServer('link');
  let casey: TandemClient;

  beforeAll(async () => {
    casey = await TandemClient.signIn(demo.url, 'casey');
  });

  const chatId = '19:meeting_b3V0bG9vay1ldmVudC0x@thread.v2';
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%7d`;
  const request = {
    id: 'avery-casey-outlook',
    allowDuplicate: false,
    reportId: 'casey',
    chatId,
    joinUrl,
    seriesId: 'AAMkADk0-ZmI_series=',
    cadence: { frequency: 'biweekly', startDate: '2030-01-08', time: '15:30', timeZone: 'Europe/Berlin' },
  };

  it('warns first that Avery already has a 1:1 with Casey (the seeded one), naming it', async () => {
    const response = await demo.avery.post('/api/pairs/link', request);
    expect(response.status).toBe(409);
    expect(problemOf(response)).toMatchObject({
      code: 'duplicate-pair',
      errors: [{ field: 'reportId' }],
      current: { pairId: 'avery-casey' },
    });
  });

  it('links the meeting to a new pair the report finds by the chat id; a retry changes nothing', async () => {
    const anyway = { ...request, allowDuplicate: true };
    const first = await demo.avery.post('/api/pairs/link', anyway);
    expect(first.status).toBe(201);
    expect(jsonOf<{ id: string; chatId: string; joinUrl: string }>(first)).toMatchObject({
      id: 'avery-casey-outlook',
      chatId,
      joinUrl,
    });
    expect((await demo.avery.post('/api/pairs/link', anyway)).status).toBe(200);
    const found = await casey.get(`/api/pairs/lookup?chatId=${encodeURIComponent(chatId)}`);
    expect(jsonOf<{ id: string; role: string }>(found)).toMatchObject({ id: 'avery-casey-outlook', role: 'report' });
    const sessions = await casey.get(
      '/api/pairs/avery-casey-outlook/sessions?from=2030-01-01T00:00:00Z&to=2030-01-31T00:00:00Z',
    );
    expect(jsonOf<{ sessions: Array<{ start: string }> }>(sessions).sessions.map((s) => s.start)).toEqual([
      '2030-01-08T14:30:00.000Z',
      '2030-01-22T14:30:00.000Z',
    ]);
  });

  it('refuses a report the event does not invite, naming the field', async () => {
    const response = await demo.avery.post('/api/pairs/link', {
      ...request,
      allowDuplicate: true,
      id: 'avery-casey-wrong',
      chatId: '19:meeting_b3V0bG9vay1ldmVudC0y@thread.v2',
      joinUrl: undefined,
      attendees: ['avery@tandem.example', 'blake@tandem.example'],
    });
    expect(response.status).toBe(400);
    expect(problemOf(response)).toMatchObject({ code: 'not-invited', errors: [{ field: 'reportId' }] });
    const ok = await demo.avery.post('/api/pairs/link', {
      ...request,
      allowDuplicate: true,
      id: 'avery-casey-invited',
      chatId: '19:meeting_b3V0bG9vay1ldmVudC0z@thread.v2',
      joinUrl: undefined,
      attendees: ['Avery@tandem.example', 'CASEY@tandem.example'],
    });
    expect(ok.status).toBe(201);
  });
});
