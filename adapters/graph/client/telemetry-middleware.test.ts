import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TelemetryMiddleware } from './telemetry-middleware';

describe('Graph dependency telemetry', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  beforeAll(() => trace.setGlobalTracerProvider(provider));
  afterAll(() => trace.disable());

  it('records one client span per request with method, host, path and status: no query, headers or body', async () => {
    const middleware = new TelemetryMiddleware();
    const next: Middleware = {
      execute: async (context: Context) => {
        context.response = new Response('{"secret":"note text"}', { status: 412 });
      },
    };
    middleware.setNext(next);
    await middleware.execute({
      request: 'https://graph.microsoft.com/v1.0/drives/d/items/root:/pairs/a.json:/content?$select=eTag&token=x',
      options: { method: 'PUT', headers: { authorization: 'Bearer secret-token' }, body: '{"text":"note text"}' },
    } as Context);
    const [span] = exporter.getFinishedSpans();
    expect(span!.name).toBe('PUT /v1.0/drives/d/items/root:/pairs/a.json:/content');
    expect(span!.attributes).toEqual({
      'http.request.method': 'PUT',
      'server.address': 'graph.microsoft.com',
      'url.full': 'https://graph.microsoft.com/v1.0/drives/d/items/root:/pairs/a.json:/content',
      'http.response.status_code': 412,
    });
    expect(JSON.stringify(span!.attributes)).not.toMatch(/secret|note text|token=/);
  });
});
