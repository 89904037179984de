import type { FetchLike } from '../api/client';

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

type Handler = (call: Call) => { status: number; json?: unknown; headers?: Record<string, string> };

/** A stand-in for the service in component tests: routes by "METHOD /path", records every call. */
export class FakeService {
  readonly calls: Call[] = [];
  private readonly handlers = new Map<string, Handler>();

  on(method: string, path: string, handler: Handler): this {
    this.handlers.set(`${method} ${path}`, handler);
    return this;
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input, 'http://tandem.test');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    this.calls.push(call);
    const handler = this.handlers.get(`${call.method} ${url.pathname}`);
    const reply = handler
      ? handler(call)
      : { status: 404, json: { type: 'not-found', title: 'Not found', status: 404 } };
    return fakeResponse(reply.status, reply.json, reply.headers ?? {});
  };

  callsTo(method: string, path: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(path));
  }
}

/** jsdom has no Response: just the part of it the client reads. */
function fakeResponse(status: number, json: unknown, headers: Record<string, string>): Response {
  const text = json === undefined ? '' : JSON.stringify(json);
  const partial: Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'json' | 'text'> = {
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: new Headers(headers),
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
  return partial as Response;
}
