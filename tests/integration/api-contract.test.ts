import { PAIR, OTHER_PAIR, THIRD_PAIR, SEEDED_NEXT_TOPIC, sessionPath } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { SseReader } from '../support/sse-reader';
import {
  agendaTopics,
  jsonOf,
  problemOf,
  TandemClient,
  type AgendaBody,
  type MeView,
  type TopicBody,
} from '../support/tandem-client';

jest.setTimeout(30_000);

interface OpenApiOperation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string; readonly required?: boolean }>;
  readonly responses?: Record<string, unknown>;
  readonly security?: unknown[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: unknown }> };
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: {
    readonly securitySchemes?: Record<string, { readonly type: string; readonly scheme?: string }>;
  };
}

const OPENAPI_METHOD = { get: 'get', post: 'post', put: 'put', patch: 'patch', del: 'delete' } as const;

describe('HTTP contract of the embedded service', () => {
  const demo = useDemoServer('contract');

  test('GET /healthz answers 200 JSON without a token', async () => {
    const response = await new TandemClient(demo.url).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(jsonOf(response)).toEqual({ status: 'ok', mode: 'embedded', version: expect.any(String) });
  });

  test('GET /api/client-config tells the tab and the add-in the mode, without a token', async () => {
    const response = await new TandemClient(demo.url).get('/api/client-config');
    expect(response.status).toBe(200);
    expect(jsonOf(response)).toEqual({ mode: 'embedded' });
  });

  test.each(['/privacy', '/terms'])('GET %s answers the page the app manifest points at', async (page) => {
    const response = await new TandemClient(demo.url).get(page);
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/html/);
    expect(response.text).toMatch(/<h1>Tandem: /);
  });

  test('POST /api/dev/token gives a token that signs the user in', async () => {
    const anonymous = new TandemClient(demo.url);
    const response = await anonymous.post('/api/dev/token', { user: 'avery' });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
    const { token } = jsonOf<{ token: string }>(response);
    expect(token).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/));
    const me = await new TandemClient(demo.url, token).getJson<MeView>('/api/me');
    expect(me.user.id).toBe('avery');
  });

  test('POST /api/dev/token for an unknown user is a 400 problem naming `user`', async () => {
    const response = await new TandemClient(demo.url).post('/api/dev/token', { user: 'mallory' });
    expect(response.status).toBe(400);
    const problem = problemOf(response);
    expect(problem.status).toBe(400);
    expect(problem.type).toMatch(/^https?:\/\//);
    expect(problem.errors?.map((e) => e.field)).toEqual(['user']);
  });

  test('GET /api/me lists the user and their 1:1s with the other person and the next session', async () => {
    const averyMe = await demo.avery.getJson<MeView>('/api/me');
    expect(averyMe.user).toMatchObject({ id: 'avery', displayName: 'Avery Chen' });
    expect(averyMe.pairs.map((p) => p.id).sort()).toEqual([PAIR, OTHER_PAIR, THIRD_PAIR]);
    const withBlake = averyMe.pairs.find((p) => p.id === PAIR)!;
    expect(withBlake.role).toBe('manager');
    expect(withBlake.other).toMatchObject({ id: 'blake', displayName: 'Blake Diaz' });
    expect(withBlake.nextSession).toMatchObject({ id: demo.nextSessionId, status: 'upcoming' });
    // The seed puts the next session tomorrow at 10:00 UTC.
    const start = new Date(withBlake.nextSession!.start);
    expect(start.getUTCHours()).toBe(10);
    expect(start.getTime()).toBeGreaterThan(Date.now());
    expect(start.getTime() - Date.now()).toBeLessThan(2 * 86_400_000);

    const blakeMe = await demo.blake.getJson<MeView>('/api/me');
    expect(blakeMe.pairs).toEqual([
      expect.objectContaining({ id: PAIR, role: 'report', other: expect.objectContaining({ id: 'avery' }) }),
    ]);
    expect((await demo.devon.getJson<MeView>('/api/me')).pairs).toEqual([]);
  });

  test('GET a session gives its agenda by framework section, in order', async () => {
    const response = await demo.blake.get(sessionPath(demo.nextSessionId));
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
    const agenda = jsonOf<AgendaBody>(response);
    expect(agenda).toMatchObject({ pairId: PAIR, sessionId: demo.nextSessionId, status: 'upcoming' });
    expect(agenda.sections.map((s) => s.id)).toEqual([
      'check-in',
      'progress',
      'topics',
      'deep-dive',
      'feedback',
      'next-steps',
      'recap',
    ]);
    const topics = agenda.sections.find((s) => s.id === 'topics')!.topics;
    expect(topics.map((t) => t.title)).toContain(SEEDED_NEXT_TOPIC);

    const held = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(demo.heldSessionId)));
    expect(held.status).toBe('held');
  });

  test('POST topics creates with 201, and a retry with the same id is a 200 with the same topic and no duplicate', async () => {
    const path = `${sessionPath(demo.nextSessionId)}/topics`;
    const body = { id: 'contract-retry-1', title: 'Growth path to senior', section: 'topics' };
    const first = await demo.blake.post(path, body);
    expect(first.status).toBe(201);
    const topic = jsonOf<TopicBody>(first);
    expect(topic).toMatchObject({ id: body.id, title: body.title, section: 'topics', authorId: 'blake', rev: 1 });

    const retry = await demo.blake.post(path, body);
    expect(retry.status).toBe(200);
    expect(jsonOf<TopicBody>(retry)).toEqual(topic);

    const agenda = jsonOf<AgendaBody>(await demo.avery.get(sessionPath(demo.nextSessionId)));
    expect(agendaTopics(agenda).filter((t) => t.id === body.id)).toHaveLength(1);

    // Without an id or a section the server picks an id and the topics section.
    const bare = await demo.avery.post(path, { title: 'Team offsite' });
    expect(bare.status).toBe(201);
    expect(jsonOf<TopicBody>(bare)).toMatchObject({ title: 'Team offsite', section: 'topics', authorId: 'avery' });
  });

  test('GET events is a text/event-stream that opens with a ready event', async () => {
    const stream = await SseReader.open(`${demo.url}/api/pairs/${PAIR}/events`, demo.blake.token);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const ready = await stream.waitFor((e) => e.event === 'ready');
      expect(JSON.parse(ready.data)).toEqual({ pairId: PAIR });
    } finally {
      await stream.close();
    }
  });

  test('GET /api/openapi.json is an OpenAPI 3.1 document listing every route of the table', async () => {
    const response = await new TandemClient(demo.url).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^application\/json/);
    const doc = jsonOf<OpenApiDocument>(response);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toEqual(expect.any(String));
    expect(doc.info.version).toEqual(expect.any(String));
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });

    // The table the server routes by: the API routes plus /healthz (wired in server/app.ts).
    const table = demo.tandem.routes.filter((r) => r.path.startsWith('/api/'));
    const expected = [
      'get /healthz',
      ...table.map((r) => `${OPENAPI_METHOD[r.method]} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
    ].sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(expected);

    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      const templated = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect({ where, operationId: typeof op.operationId }).toEqual({ where, operationId: 'string' });
        expect(operationIds.has(op.operationId!)).toBe(false);
        operationIds.add(op.operationId!);
        expect({ where, hasResponses: Object.keys(op.responses ?? {}).length > 0 }).toEqual({
          where,
          hasResponses: true,
        });
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        expect({ where, params: pathParams.map((p) => p.name).sort() }).toEqual({ where, params: templated });
        expect(pathParams.every((p) => p.required === true)).toBe(true);
        if (op.requestBody) expect(op.requestBody.content?.['application/json']?.schema).toBeDefined();
      }
    }
    // Routes with a body document it.
    for (const r of table.filter((t) => t.body)) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]![OPENAPI_METHOD[r.method]]!;
      expect(op.requestBody).toBeDefined();
    }
  });

  test('no token is a 401 problem+json', async () => {
    const anonymous = new TandemClient(demo.url);
    for (const path of [
      '/api/me',
      `/api/pairs/${PAIR}`,
      sessionPath(demo.nextSessionId),
      `/api/pairs/${PAIR}/events`,
    ]) {
      const response = await anonymous.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 401 });
      expect(problemOf(response)).toMatchObject({ status: 401, type: expect.stringMatching(/unauthenticated$/) });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const write = await anonymous.post(`${sessionPath(demo.nextSessionId)}/topics`, { title: 'sneaky' });
    expect(write.status).toBe(401);
    expect(problemOf(write).status).toBe(401);

    const forged = await anonymous.get('/api/me', { token: 'not.a.token' });
    expect(forged.status).toBe(401);
    expect(problemOf(forged).status).toBe(401);
  });

  test('an unknown route is a 404 problem+json', async () => {
    const response = await demo.blake.get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(problemOf(response).status).toBe(404);
  });
});
