import { z } from 'zod';
import type { AnyRoute } from './route';

const OPERATION_METHOD = { get: 'get', post: 'post', put: 'put', patch: 'patch', del: 'delete' } as const;

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    current: {},
  },
};

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

/** OpenAPI 3.1 generated from the route table, so the document and the validation cannot drift apart. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const pathParams = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = r.query
      ? Object.entries((jsonSchema(r.query) as { properties?: Record<string, unknown> }).properties ?? {}).map(
          ([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          }),
        )
      : [];
    const responses: Record<string, unknown> = {
      [r.success]: { description: 'Success' },
      default: {
        description: 'A problem (RFC 9457)',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    };
    if (r.auth === 'user') responses['401'] = { description: 'No valid bearer token' };
    (paths[path] ??= {})[OPERATION_METHOD[r.method]] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
      ...(r.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: [...pathParams, ...queryParams],
      ...(r.body && {
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } },
      }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version,
      description:
        'One-on-one meetings for Microsoft 365. Errors are application/problem+json with a stable `type` and the fields at fault in `errors`.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
