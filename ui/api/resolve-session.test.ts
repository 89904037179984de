import { agendaWith } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { TandemApi } from './client';
import { resolveSession } from './resolve-session';

const CHAT = '19:meeting_abc@thread.v2';

function apiWith(answer: unknown) {
  const service = new FakeService()
    .on('GET', '/api/meetings/session', () => ({ status: 200, json: answer }))
    .on('GET', '/api/me', () => ({ status: 200, json: { pairs: [{ id: 'avery-blake' }] } }));
  return { service, api: new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch }) };
}

describe('resolveSession', () => {
  it("asks once for the meeting's session with its agenda, and hands the agenda on with its ETag", async () => {
    const agenda = agendaWith([]);
    const { service, api } = apiWith({
      pairId: 'avery-blake',
      sessionId: agenda.sessionId,
      match: 'next',
      agenda,
      agendaEtag: '"e1"',
    });
    const found = await resolveSession(api, { chatId: CHAT, meetingStart: '2026-11-25T10:00:00Z' });
    expect(found).toEqual({ pairId: 'avery-blake', sessionId: agenda.sessionId, first: { agenda, etag: '"e1"' } });
    const query = new URLSearchParams(service.calls.map((c) => c.path.split('?')[1])[0]);
    expect(service.calls).toHaveLength(1);
    expect(Object.fromEntries(query)).toEqual({
      chatId: CHAT,
      meetingStart: '2026-11-25T10:00:00Z',
      include: 'agenda',
    });
  });

  it('outside a meeting: my first 1:1, then its session with the agenda', async () => {
    const agenda = agendaWith([]);
    const { service, api } = apiWith({ pairId: 'avery-blake', sessionId: agenda.sessionId, agenda });
    expect(await resolveSession(api, {})).toEqual({
      pairId: 'avery-blake',
      sessionId: agenda.sessionId,
      first: { agenda },
    });
    expect(service.calls.map((c) => c.path)).toEqual([
      '/api/me',
      '/api/meetings/session?pairId=avery-blake&include=agenda',
    ]);
  });

  it('no session for the meeting: nothing to show', async () => {
    const { api } = apiWith({ pairId: 'avery-blake' });
    expect(await resolveSession(api, { chatId: CHAT })).toBeUndefined();
  });

  it('an explicit pair and session need no look-up (the agenda is read as before)', async () => {
    const { service, api } = apiWith({});
    expect(await resolveSession(api, { pairId: 'p', sessionId: 's' })).toEqual({ pairId: 'p', sessionId: 's' });
    expect(service.calls).toEqual([]);
  });
});
