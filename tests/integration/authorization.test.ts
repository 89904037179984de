import { randomBytes } from 'node:crypto';
import { hashTree, OPERATIONAL_STATE } from '../support/data-dir';
import { PAIR, SEEDED_PRIVATE_NOTE, sessionPath } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { changeOf, SseReader } from '../support/sse-reader';
import {
  jsonOf,
  problemOf,
  type AgendaBody,
  type ApiResponse,
  type HttpMethod,
  type MeView,
  type NoteBody,
  type TandemClient,
} from '../support/tandem-client';

jest.setTimeout(30_000);

const HTTP_METHOD: Record<string, HttpMethod> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  del: 'DELETE',
};

interface Call {
  readonly query?: string;
  /** A body that passes the edge validation, so only authorization can refuse it. */
  readonly body?: unknown;
}

describe('authorization', () => {
  const demo = useDemoServer('authz');
  let sharedNoteId: string;
  let chatId: string;

  beforeAll(async () => {
    const note = await demo.avery.post(`${sessionPath(demo.nextSessionId)}/notes`, {
      id: 'authz-shared-1',
      text: 'Agenda looks good',
    });
    expect(note.status).toBe(201);
    sharedNoteId = jsonOf<NoteBody>(note).id;
    chatId = jsonOf<{ chatId: string }>(await demo.avery.get(`/api/pairs/${PAIR}`)).chatId;
  });

  describe('someone outside the pair gets exactly what a pair that does not exist gets', () => {
    const future = () => new Date(Date.now() + 3 * 86_400_000).toISOString();
    /** Every route under /api/pairs/:pairId, keyed by `method path` as in the route table. */
    const calls = (): Record<string, Call> => ({
      'get /api/pairs/:pairId': {},
      'get /api/pairs/:pairId/sessions': {},
      'get /api/pairs/:pairId/sessions/:sessionId': {},
      'post /api/pairs/:pairId/sessions/:sessionId/topics': { body: { id: 'devon-t1', title: 'Hello' } },
      'patch /api/pairs/:pairId/sessions/:sessionId/topics/:topicId': { body: { rev: 1, title: 'Mine now' } },
      'del /api/pairs/:pairId/sessions/:sessionId/topics/:topicId': {},
      'put /api/pairs/:pairId/sessions/:sessionId/topic-order': { body: { section: 'topics', topicIds: ['seed-t4'] } },
      'post /api/pairs/:pairId/sessions/:sessionId/notes': { body: { text: 'Hi', private: false } },
      'patch /api/pairs/:pairId/sessions/:sessionId/notes/:noteId': { body: { text: 'Edited', rev: 1 } },
      'del /api/pairs/:pairId/sessions/:sessionId/notes/:noteId': { query: '?private=false' },
      'put /api/pairs/:pairId/sessions/:sessionId/check-in': { body: { mood: 3, line: 'ok' } },
      'post /api/pairs/:pairId/sessions/:sessionId/feedback': { body: { text: 'Nice' } },
      'put /api/pairs/:pairId/sessions/:sessionId/rating': { body: { score: 3 } },
      'post /api/pairs/:pairId/sessions/:sessionId/deep-dive': { body: { topicId: 'seed-t4' } },
      'post /api/pairs/:pairId/sessions/:sessionId/start': {},
      'post /api/pairs/:pairId/sessions/:sessionId/end': {},
      'post /api/pairs/:pairId/sessions/:sessionId/reopen': {},
      'post /api/pairs/:pairId/sessions/:sessionId/nothing-from-me': {},
      'post /api/pairs/:pairId/sessions/:sessionId/move': { body: { start: future() } },
      'post /api/pairs/:pairId/sessions/:sessionId/skip': {},
      'post /api/pairs/:pairId/action-items': {
        body: { text: 'Do it', ownerId: 'blake', due: '2030-01-15', sessionId: demo.nextSessionId },
      },
      'patch /api/pairs/:pairId/action-items/:itemId': { body: { rev: 1, status: 'done' } },
      'post /api/pairs/:pairId/goals': { body: { kind: 'goal', title: 'Take over' } },
      'patch /api/pairs/:pairId/goals/:goalId': { body: { rev: 1, title: 'Mine now' } },
      'post /api/pairs/:pairId/goals/:goalId/comments': { body: { text: 'Let me in' } },
      'put /api/pairs/:pairId/sessions/:sessionId/now-discussing': { body: { topicId: null } },
      'put /api/pairs/:pairId/sessions/:sessionId/deep-dive': { body: { minutes: 10 } },
      'post /api/pairs/:pairId/sessions/:sessionId/wins': { body: { text: 'A win of mine' } },
      'post /api/pairs/:pairId/sessions/:sessionId/undo-skip': {},
      'get /api/pairs/:pairId/template': {},
      'put /api/pairs/:pairId/template': { body: { deepDiveMinutes: 15, sections: [{ id: 'topics' }] } },
      'put /api/pairs/:pairId/cadence': {
        body: {
          cadence: { frequency: 'weekly', startDate: future().slice(0, 10), time: '09:30', timeZone: 'Europe/Berlin' },
        },
      },
      'post /api/pairs/:pairId/archive': {},
      'put /api/pairs/:pairId/history-sharing': { body: { shared: true } },
      'get /api/pairs/:pairId/shared-history': {},
      'post /api/pairs/:pairId/unarchive': {},
      'del /api/pairs/:pairId': {},
      'post /api/pairs/:pairId/carry-over': { body: { fromPairId: 'avery-casey', goalIds: ['seed-g1'] } },
      'post /api/pairs/:pairId/series': { body: { seriesId: 'local-no-such' } },
      'get /api/pairs/:pairId/health': {},
      'get /api/pairs/:pairId/export': { query: '?format=json' },
      'get /api/pairs/:pairId/export?format=markdown': { query: '?format=markdown' },
      'get /api/pairs/:pairId/events': {},
    });

    function pairRoutes(): Array<{ key: string; method: string; path: string }> {
      return demo.tandem.routes
        .filter((r) => r.path.startsWith('/api/'))
        .filter((r) => r.path.startsWith('/api/pairs/:pairId'))
        .map((r) => ({ key: `${r.method} ${r.path}`, method: r.method, path: r.path }));
    }

    function fill(path: string, pairId: string): string {
      const params: Record<string, string> = {
        pairId,
        sessionId: demo.nextSessionId,
        topicId: 'seed-t4',
        noteId: sharedNoteId,
        itemId: 'seed-a2',
        goalId: 'seed-g1',
      };
      return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
        return value;
      });
    }

    async function call(client: TandemClient, key: string, pairId: string): Promise<ApiResponse> {
      const [method, templated] = key.split(' ') as [string, string];
      const spec = calls()[key]!;
      const path = fill(templated.split('?')[0]!, pairId) + (spec.query ?? '');
      return client.request(HTTP_METHOD[method]!, path, spec.body === undefined ? {} : { body: spec.body });
    }

    test('the matrix covers every route of a pair', () => {
      const covered = new Set(Object.keys(calls()).map((k) => k.split('?')[0]));
      expect(pairRoutes().filter((r) => !covered.has(r.key))).toEqual([]);
    });

    test('devon gets an identical 404 problem on every route of avery-blake, and nothing is written', async () => {
      const before = await hashTree(demo.dataDir, OPERATIONAL_STATE);
      const keys = Object.keys(calls()).filter((k) => pairRoutes().some((r) => r.key === k.split('?')[0]));
      expect(keys.length).toBeGreaterThanOrEqual(pairRoutes().length);
      for (const key of keys) {
        const real = await call(demo.devon, key, PAIR);
        const missing = await call(demo.devon, key, 'no-such-pair');
        expect({ key, status: real.status }).toEqual({ key, status: 404 });
        // Refused for the pair itself (not, say, an unrouted path that would 404 for anyone).
        expect({ key, fields: problemOf(real).errors?.map((e) => e.field) }).toEqual({ key, fields: ['pairId'] });
        expect({ key, contentType: real.contentType, body: real.text }).toEqual({
          key,
          contentType: missing.contentType,
          body: missing.text,
        });
        expect(real.headers.get('etag')).toBeNull();
      }
      expect(await hashTree(demo.dataDir, OPERATIONAL_STATE)).toEqual(before);
    });

    test('the same holds for a member asking about a pair that does not exist', async () => {
      const asDevon = await call(demo.devon, 'get /api/pairs/:pairId/sessions/:sessionId', PAIR);
      const asBlake = await call(demo.blake, 'get /api/pairs/:pairId/sessions/:sessionId', 'no-such-pair');
      expect(asBlake.status).toBe(404);
      expect(asBlake.text).toBe(asDevon.text);
    });

    test('devon cannot find avery-blake through its meeting chat either', async () => {
      const real = await demo.devon.get(`/api/pairs/lookup?chatId=${encodeURIComponent(chatId)}`);
      const missing = await demo.devon.get(
        `/api/pairs/lookup?chatId=${encodeURIComponent('19:meeting_nope@thread.v2')}`,
      );
      expect(real.status).toBe(404);
      expect(problemOf(real).status).toBe(404);
      expect(real.text).toBe(missing.text);
      // The members find it.
      expect((await demo.blake.get(`/api/pairs/lookup?chatId=${encodeURIComponent(chatId)}`)).status).toBe(200);
    });

    test("devon cannot read avery-blake's agenda through the meeting's look-up either", async () => {
      for (const [where, none] of [
        [`chatId=${encodeURIComponent(chatId)}`, `chatId=${encodeURIComponent('19:meeting_nope@thread.v2')}`],
        [`pairId=${PAIR}`, 'pairId=no-such-pair'],
      ]) {
        const real = await demo.devon.get(`/api/meetings/session?${where}&include=agenda`);
        const missing = await demo.devon.get(`/api/meetings/session?${none}&include=agenda`);
        expect(real.status).toBe(404);
        expect(real.text).toBe(missing.text);
        expect(real.text).toBe((await demo.devon.get(`/api/meetings/session?${where}`)).text);
      }
      const members = await demo.blake.get(`/api/meetings/session?pairId=${PAIR}&include=agenda`);
      expect(jsonOf<{ agenda?: AgendaBody }>(members).agenda?.pairId).toBe(PAIR);
    });

    test("devon's own /api/me does not list it", async () => {
      expect((await demo.devon.getJson<MeView>('/api/me')).pairs).toEqual([]);
    });
  });

  describe('making an existing event a 1:1', () => {
    const body = (reportId: string, chat: string) => ({
      reportId,
      chatId: chat,
      cadence: { frequency: 'weekly', startDate: '2030-01-07', time: '09:00', timeZone: 'UTC' },
    });

    test("only the report's manager may, a meeting already in a 1:1 is refused, and nothing is written", async () => {
      const before = await hashTree(demo.dataDir, OPERATIONAL_STATE);
      const fresh = '19:meeting_bm90LXlldC1hLTEtMQ@thread.v2';
      const cases = [
        { who: demo.devon, request: body('blake', fresh), status: 403, field: 'reportId' },
        { who: demo.blake, request: body('casey', fresh), status: 403, field: 'reportId' },
        { who: demo.avery, request: body('casey', chatId), status: 409, field: 'chatId' },
      ];
      for (const { who, request, status, field } of cases) {
        const response = await who.post('/api/pairs/link', request);
        expect({ status: response.status, fields: problemOf(response).errors?.map((e) => e.field) }).toEqual({
          status,
          fields: [field],
        });
      }
      expect(await hashTree(demo.dataDir, OPERATIONAL_STATE)).toEqual(before);
    });
  });

  describe("each person's prompts and nudges are their own", () => {
    test('a change reaches only the caller; nobody can name another person; no token, no settings', async () => {
      const changed = await demo.blake.patch('/api/me/attention', { nudges: false, promptHoursBefore: 2 });
      expect(changed.status).toBe(200);
      expect(jsonOf<{ nudges: boolean }>(changed)).toMatchObject({ nudges: false, promptHoursBefore: 2 });
      // Avery and Devon still have the defaults: the route reads and writes the caller's own only.
      for (const other of [demo.avery, demo.devon]) {
        expect(await other.getJson('/api/me/attention')).toMatchObject({ nudges: true, promptHoursBefore: 24 });
      }
      expect(await demo.blake.getJson('/api/me/attention')).toMatchObject({ nudges: false, promptHoursBefore: 2 });
      // There is no way to say whose: a user field is refused, not obeyed.
      const other = await demo.devon.patch('/api/me/attention', { userId: 'blake', nudges: true });
      expect({ status: other.status, fields: problemOf(other).errors?.map((e) => e.field) }).toEqual({
        status: 400,
        fields: ['userId'],
      });
      expect(await demo.blake.getJson('/api/me/attention')).toMatchObject({ nudges: false });
      for (const method of ['GET', 'PATCH'] as const) {
        const anonymous = await fetch(`${demo.url}/api/me/attention`, {
          method,
          headers: { 'content-type': 'application/json' },
          ...(method === 'PATCH' && { body: JSON.stringify({ nudges: true }) }),
        });
        expect({ method, status: anonymous.status }).toEqual({ method, status: 401 });
      }
    });
  });

  describe("avery's private notes never reach blake", () => {
    // Letters and digits only, so the Markdown export's escaping cannot hide a leak from the search.
    const secret = (label: string) => `${label}${randomBytes(12).toString('hex')}`;
    const marker = secret('privateNext');
    const heldMarker = secret('privateHeld');
    const seededFragments = ['Blake seems stretched by on', 'check in on workload next time'];

    /** Every read of the pair blake can make, as raw response text. */
    async function everythingBlakeCanRead(): Promise<Record<string, string>> {
      const paths = [
        '/api/me',
        `/api/pairs/${PAIR}`,
        sessionPath(demo.nextSessionId),
        sessionPath(demo.heldSessionId),
        `/api/pairs/${PAIR}/sessions`,
        `/api/pairs/${PAIR}/health`,
        `/api/pairs/${PAIR}/health?from=${encodeURIComponent(new Date(Date.now() - 30 * 86_400_000).toISOString())}`,
        `/api/pairs/${PAIR}/export?format=json`,
        `/api/pairs/${PAIR}/export?format=markdown`,
        `/api/pairs/lookup?chatId=${encodeURIComponent(chatId)}`,
        `/api/meetings/session?chatId=${encodeURIComponent(chatId)}&include=agenda`,
      ];
      const out: Record<string, string> = {};
      for (const path of paths) {
        const response = await demo.blake.get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        out[path] = response.text;
      }
      return out;
    }

    test('not in the agenda, overview, sessions, health or exports (JSON and Markdown)', async () => {
      for (const [sessionId, text] of [
        [demo.nextSessionId, marker],
        [demo.heldSessionId, heldMarker],
      ] as const) {
        const added = await demo.avery.post(`${sessionPath(sessionId)}/notes`, { text, private: true });
        expect(added.status).toBe(201);
      }
      // Avery sees her own private notes where they belong: the check is not vacuous.
      const averyNext = jsonOf<AgendaBody>(await demo.avery.get(sessionPath(demo.nextSessionId)));
      expect(averyNext.privateNotes.map((n) => n.text)).toContain(marker);
      const averyHeld = jsonOf<AgendaBody>(await demo.avery.get(sessionPath(demo.heldSessionId)));
      expect(averyHeld.privateNotes.map((n) => n.text)).toEqual(
        expect.arrayContaining([heldMarker, SEEDED_PRIVATE_NOTE]),
      );
      const averyExport = await demo.avery.get(`/api/pairs/${PAIR}/export?format=markdown`);
      expect(averyExport.text).toContain(heldMarker);

      const seen = await everythingBlakeCanRead();
      for (const [path, text] of Object.entries(seen)) {
        for (const hidden of [marker, heldMarker, ...seededFragments]) {
          expect({ path, hidden, leaks: text.includes(hidden) }).toEqual({ path, hidden, leaks: false });
        }
      }
      const blakeHeld = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(demo.heldSessionId)));
      expect(blakeHeld.privateNotes).toEqual([]);
      // Shared notes do reach blake.
      expect(blakeHeld.sharedNotes.map((n) => n.authorId)).toContain('avery');
    });

    test('a private note sends blake no event at all, while avery gets one; a shared note reaches both', async () => {
      const url = `${demo.url}/api/pairs/${PAIR}/events`;
      const [blakeStream, averyStream] = await Promise.all([
        SseReader.open(url, demo.blake.token),
        SseReader.open(url, demo.avery.token),
      ]);
      try {
        expect([blakeStream.status, averyStream.status]).toEqual([200, 200]);
        await Promise.all([
          blakeStream.waitFor((e) => e.event === 'ready'),
          averyStream.waitFor((e) => e.event === 'ready'),
        ]);
        const blakeStart = blakeStream.events.length;
        const averyStart = averyStream.events.length;

        const live = secret('privateLive');
        const priv = await demo.avery.post(`${sessionPath(demo.nextSessionId)}/notes`, { text: live, private: true });
        expect(priv.status).toBe(201);
        const averyPrivate = await averyStream.waitFor((e) => e.event === 'change', 5_000, averyStart);
        expect(changeOf(averyPrivate)).toMatchObject({ pairId: PAIR, kind: 'private-notes', by: 'avery' });

        // A shared note afterwards is the barrier: events arrive in order, so once blake has it, anything the
        // private note had sent him would already be there.
        const shared = await demo.avery.post(`${sessionPath(demo.nextSessionId)}/notes`, { text: 'Shared, for both' });
        expect(shared.status).toBe(201);
        const blakeShared = await blakeStream.waitFor((e) => e.event === 'change', 5_000, blakeStart);
        expect(changeOf(blakeShared)).toMatchObject({ pairId: PAIR, kind: 'notes', by: 'avery' });
        await averyStream.waitFor((e) => e.event === 'change' && changeOf(e).kind === 'notes', 5_000, averyStart);

        const blakeEvents = blakeStream.events.slice(blakeStart);
        expect(blakeEvents.map((e) => `${e.event} ${changeOf(e).kind}`)).toEqual(['change notes']);
        expect(blakeStream.events.some((e) => e.data.includes(live))).toBe(false);
        // Events name what changed, never the content: not even avery's stream carries the text.
        expect(averyStream.events.some((e) => e.data.includes(live))).toBe(false);
      } finally {
        await Promise.all([blakeStream.close(), averyStream.close()]);
      }
    });
  });
});
