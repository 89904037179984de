import { TandemApi } from '../../ui/api/client';
import { FakeService } from '../../ui/test-support/fake-service';
import type { AppointmentInfo } from '../office/office-host';
import { resolveInvite } from './use-invite';

const CHAT = '19:meeting_b3JkaW5hcnk@thread.v2';
const info: AppointmentInfo = {
  mode: 'read',
  role: 'attendee',
  subject: '1:1',
  start: '2026-11-26T15:00:00.000Z',
  end: '2026-11-26T15:30:00.000Z',
  chatId: CHAT,
  userEmail: 'blake@tandem.example',
};

interface Found {
  readonly pairId: string;
  readonly sessionId?: string;
  readonly match?: string;
  readonly agenda?: unknown;
  readonly agendaEtag?: string;
}

function serviceAnswering(meeting: Found | 'not-found') {
  const service = new FakeService()
    .on('GET', '/api/meetings/session', () =>
      meeting === 'not-found'
        ? { status: 404, json: { type: 'not-found', title: 'Not found', status: 404 } }
        : { status: 200, json: meeting },
    )
    .on('GET', '/api/pairs/lookup', () => ({ status: 200, json: { id: 'avery-blake' } }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  return { service, api };
}

describe('the invite in the task pane', () => {
  it('finds its 1:1, session and agenda with one request', async () => {
    const agenda = { pairId: 'avery-blake', sessionId: '20261126T150000Z', topics: [] };
    const { service, api } = serviceAnswering({
      pairId: 'avery-blake',
      sessionId: '20261126T150000Z',
      match: 'start',
      agenda,
      agendaEtag: '"v1"',
    });

    await expect(resolveInvite(api, info)).resolves.toMatchObject({
      status: 'ready',
      pairId: 'avery-blake',
      sessionId: '20261126T150000Z',
      first: { agenda, etag: '"v1"' },
    });
    expect(service.calls).toHaveLength(1);
    expect(new URLSearchParams(service.calls[0]!.path.split('?')[1]).get('include')).toBe('agenda');
  });

  it('finds its 1:1 with one request when the meeting is no session of it', async () => {
    const { service, api } = serviceAnswering({ pairId: 'avery-blake' });

    await expect(resolveInvite(api, info)).resolves.toMatchObject({ status: 'no-session', pairId: 'avery-blake' });
    expect(service.calls.map((c) => c.path.split('?')[0])).toEqual(['/api/meetings/session']);
  });

  it('never takes another date’s session for this invite (the service’s next session when none matches)', async () => {
    const { api } = serviceAnswering({ pairId: 'avery-blake', sessionId: '20261203T150000Z', match: 'next' });

    await expect(resolveInvite(api, info)).resolves.toMatchObject({ status: 'no-session', pairId: 'avery-blake' });
  });

  it('is not linked when no 1:1 of this person uses the meeting, or it has no Teams meeting', async () => {
    const { api } = serviceAnswering('not-found');

    await expect(resolveInvite(api, info)).resolves.toMatchObject({ status: 'not-linked' });
    await expect(resolveInvite(api, { ...info, chatId: undefined })).resolves.toMatchObject({ status: 'not-linked' });
  });
});
