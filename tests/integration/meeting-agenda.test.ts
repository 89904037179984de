import type { MeetingSessionWithAgenda } from '../../core/use-cases/sessions';
import { PAIR, sessionPath } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { jsonOf, problemOf, type AgendaBody } from '../support/tandem-client';

jest.setTimeout(30_000);

/** `GET /api/meetings/session?…&include=agenda`: the side panel's first screen in one answer (docs/pages.md). */
describe("a meeting's session with its agenda in one answer", () => {
  const demo = useDemoServer('meeting-agenda');
  let chatId: string;
  const lookUp = (where: string) => `/api/meetings/session?${where}&include=agenda`;

  beforeAll(async () => {
    chatId = jsonOf<{ chatId: string }>(await demo.avery.get(`/api/pairs/${PAIR}`)).chatId;
    const note = await demo.avery.post(`${sessionPath(demo.nextSessionId)}/notes`, {
      text: 'Only mine: ask about the offsite',
      private: true,
    });
    expect(note.status).toBe(201);
  });

  test.each(['chat', 'pair'])(
    'by the %s: the session, its agenda as its GET answers it, and that GET’s ETag',
    async (by) => {
      const where = by === 'chat' ? `chatId=${encodeURIComponent(chatId)}` : `pairId=${PAIR}`;
      const answer = await demo.avery.get(lookUp(where));
      expect(answer.status).toBe(200);
      // It carries the viewer's private notes: no cache keeps it.
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      const found = jsonOf<MeetingSessionWithAgenda>(answer);
      expect(found).toEqual({
        pairId: PAIR,
        sessionId: demo.nextSessionId,
        match: expect.any(String),
        agenda: expect.any(Object),
        agendaEtag: expect.stringMatching(/^"[\w-]+"$/),
      });
      const own = await demo.avery.get(sessionPath(demo.nextSessionId));
      expect(jsonOf<AgendaBody>(own)).toEqual(found.agenda);
      expect(own.headers.get('etag')).toBe(found.agendaEtag);
      expect(found.agenda!.privateNotes.map((n) => n.text)).toContain('Only mine: ask about the offsite');
      // The client's later re-read by that ETag is the cheap one.
      const again = await demo.avery.get(sessionPath(demo.nextSessionId), {
        headers: { 'if-none-match': found.agendaEtag! },
      });
      expect(again.status).toBe(304);
    },
  );

  test('without include the answer is as before: no agenda', async () => {
    const found = await demo.blake.getJson<MeetingSessionWithAgenda>(
      `/api/meetings/session?chatId=${encodeURIComponent(chatId)}`,
    );
    expect(found).toEqual({ pairId: PAIR, sessionId: demo.nextSessionId, match: expect.any(String) });
  });

  test("the other person's answer has their own agenda: shared things, not the first one's private notes", async () => {
    const found = await demo.blake.getJson<MeetingSessionWithAgenda>(lookUp(`chatId=${encodeURIComponent(chatId)}`));
    expect(found.agenda!.viewer.id).toBe('blake');
    expect(found.agenda!.privateNotes).toEqual([]);
    expect(JSON.stringify(found)).not.toContain('ask about the offsite');
    const own = await demo.blake.get(sessionPath(demo.nextSessionId));
    expect(own.headers.get('etag')).toBe(found.agendaEtag);
  });

  test('someone outside the pair gets the same refusal as without include, learning nothing', async () => {
    for (const [where, none] of [
      [`chatId=${encodeURIComponent(chatId)}`, `chatId=${encodeURIComponent('19:meeting_bm9uZQ@thread.v2')}`],
      [`pairId=${PAIR}`, 'pairId=no-such-pair'],
    ] as const) {
      const refused = await demo.devon.get(lookUp(where));
      const before = await demo.devon.get(`/api/meetings/session?${where}`);
      const missing = await demo.devon.get(lookUp(none));
      expect(refused.status).toBe(404);
      expect(problemOf(refused).status).toBe(404);
      expect(refused.text).toBe(before.text);
      expect(refused.text).toBe(missing.text);
      expect(refused.headers.get('etag')).toBeNull();
    }
  });

  test('an include the service does not know is a 400 naming the field', async () => {
    const answer = await demo.avery.get(`/api/meetings/session?pairId=${PAIR}&include=everything`);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(problemOf(answer).errors?.map((e) => e.field)).toEqual(['include']);
  });
});
