import { LIMITS } from '../../core/contract/limits';
import { buildOpenApi } from './openapi';
import { apiRoutes, type ApiDeps } from './routes';

type Schema = { properties?: Record<string, Schema>; items?: Schema; maxLength?: number; maxItems?: number };
type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };

// The handlers are never called: the document is built from the route table's schemas alone.
const doc = buildOpenApi(apiRoutes({} as ApiDeps), 'test') as Doc;
const body = (method: string, path: string): Schema =>
  doc.paths[path]![method]!.requestBody!.content['application/json']!.schema;
const SESSION = '/api/pairs/{pairId}/sessions/{sessionId}';

/** What the OpenAPI document advertises is what the use-cases accept: both read core's limits. */
describe('the OpenAPI document tells the limits core enforces', () => {
  test.each([
    ['post', `${SESSION}/topics`, 'title', LIMITS.title],
    ['post', `${SESSION}/topics`, 'detail', LIMITS.detail],
    ['patch', `${SESSION}/topics/{topicId}`, 'title', LIMITS.title],
    ['post', `${SESSION}/notes`, 'text', LIMITS.note],
    ['put', `${SESSION}/check-in`, 'line', LIMITS.line],
    ['post', `${SESSION}/feedback`, 'text', LIMITS.feedback],
    ['post', '/api/pairs/{pairId}/action-items', 'text', LIMITS.actionText],
    ['post', '/api/pairs/{pairId}/goals', 'title', LIMITS.title],
  ])('%s %s: %s', (method, path, field, limit) => {
    expect(body(method, path).properties?.[field]?.maxLength).toBe(limit);
  });
});

test("the meeting's look-up offers its agenda in the same answer, as an optional query parameter", () => {
  const operation = doc.paths['/api/meetings/session']!.get as unknown as {
    parameters: Array<{ name: string; in: string; required: boolean; schema: { enum?: string[] } }>;
  };
  expect(operation.parameters.find((p) => p.name === 'include')).toEqual({
    name: 'include',
    in: 'query',
    required: false,
    schema: expect.objectContaining({ enum: ['agenda'] }),
  });
});
