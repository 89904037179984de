import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * One client span per Graph request (each retry its own), which Application Insights shows as a dependency.
 * Graph calls go out through fetch, which the Azure Monitor distribution does not instrument. Only the method,
 * host, path (ids, never content) and status are recorded: no query string, no headers, no body. Without a
 * telemetry SDK registered the OpenTelemetry API is a no-op.
 */
export class TelemetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly tracer = trace.getTracer('tandem-graph');

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('middleware chain ends without an HTTP handler');
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const next = this.next;
    await this.tracer.startActiveSpan(
      `${method} ${url.pathname}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'server.address': url.hostname,
          'url.full': `${url.origin}${url.pathname}`,
        },
      },
      async (span) => {
        try {
          await next.execute(context);
          const status = context.response?.status;
          if (status !== undefined) span.setAttribute('http.response.status_code', status);
          if (status !== undefined && status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }
}
