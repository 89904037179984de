import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  ResponseType,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import type { KeyedConcurrencyLimiter } from './concurrency-limiter';
import { graphErrorFrom, GraphRequestError } from './graph-error';
import { ConcurrencyMiddleware, DEFAULT_RETRY, RetryMiddleware, type RetryPolicy } from './middleware';
import { TelemetryMiddleware } from './telemetry-middleware';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GraphCall {
  readonly method: Method;
  /** Relative to the version root (`/me/events`), or an absolute `@odata.nextLink`. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent as-is with `application/octet-stream` (drive item content). */
  readonly content?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface BatchAnswer {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** One principal's view of Graph: a delegated user's or the app's own. */
export interface GraphApi {
  /** Any status comes back; transport failures and exhausted retries throw GraphRequestError. */
  send(call: GraphCall): Promise<GraphAnswer>;
  /** 2xx → parsed JSON (undefined for no content); anything else → GraphRequestError. */
  json<T>(call: GraphCall): Promise<T>;
  /** Every item of a collection, following `@odata.nextLink`. */
  all<T>(path: string): Promise<T[]>;
  /**
   * `$batch` in chunks of at most 20; answers by request id. A call may name the one call before it that it
   * depends on (`dependsOn`, within the same chunk): it runs after it, and fails with 424 if that one failed.
   */
  batch(calls: readonly BatchCall[]): Promise<Map<string, BatchAnswer>>;
}

export type BatchCall = GraphCall & { readonly id: string; readonly dependsOn?: string };

export interface GraphHttpOptions {
  /** e.g. https://graph.microsoft.com (the client appends /v1.0). */
  readonly baseUrl: string;
  readonly token: () => Promise<string>;
  readonly limiter: KeyedConcurrencyLimiter;
  /** The mailbox (user) this principal's requests count against. */
  readonly limiterKey: string;
  readonly retry?: RetryPolicy;
}

const BATCH_LIMIT = 20;
const RETRIABLE = new Set([429, 503, 504]);

/** GraphApi on @microsoft/microsoft-graph-client with our middleware: mailbox concurrency, bounded retries. */
export class GraphHttp implements GraphApi {
  private readonly client: Client;
  private readonly retry: RetryPolicy;

  constructor(options: GraphHttpOptions) {
    const url = new URL(options.baseUrl);
    this.retry = options.retry ?? DEFAULT_RETRY;
    const provider: AuthenticationProvider = { getAccessToken: options.token };
    const chain = [
      new ConcurrencyMiddleware(options.limiter, options.limiterKey),
      new RetryMiddleware(this.retry),
      new TelemetryMiddleware(),
      new AuthenticationHandler(provider),
      new HTTPMessageHandler(),
    ];
    this.client = Client.initWithMiddleware({
      baseUrl: url.origin,
      middleware: chain,
      // graph-client attaches the token only to Graph hosts and these (a local emulator in tests).
      customHosts: new Set([url.hostname]),
    });
  }

  async send(call: GraphCall): Promise<GraphAnswer> {
    let request = this.client.api(call.path).responseType(ResponseType.RAW);
    for (const [name, value] of Object.entries(call.headers ?? {})) request = request.header(name, value);
    if (call.content !== undefined) request = request.header('Content-Type', 'application/octet-stream');
    let response: Response;
    try {
      response = (await this.dispatch(request, call)) as Response;
    } catch (error) {
      if (error instanceof GraphRequestError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new GraphRequestError(0, 'networkError', reason, undefined, call.method, call.path);
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async json<T>(call: GraphCall): Promise<T> {
    const answer = await this.send(call);
    if (answer.status >= 300) throw graphErrorFrom(answer.status, answer.headers, answer.text, call.method, call.path);
    return (answer.text.length === 0 ? undefined : JSON.parse(answer.text)) as T;
  }

  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: { value: T[]; '@odata.nextLink'?: string } = await this.json({ method: 'GET', path: next });
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  async batch(calls: readonly BatchCall[]): Promise<Map<string, BatchAnswer>> {
    const answers = new Map<string, BatchAnswer>();
    let pending = [...calls];
    // Each request in a batch is throttled on its own (docs/graph-facts.md, Batching): retry those, bounded like the rest.
    for (let attempt = 0; pending.length > 0; attempt++) {
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) {
        for (const answer of await this.sendBatch(pending.slice(i, i + BATCH_LIMIT))) answers.set(answer.id, answer);
      }
      const throttled = pending.filter((c) => RETRIABLE.has(answers.get(c.id)?.status ?? 0));
      if (throttled.length === 0 || attempt >= this.retry.maxRetries) break;
      // What failed only because a throttled call it depends on did not run goes again with it.
      const again = new Set(throttled.map((c) => c.id));
      for (const c of pending)
        if (c.dependsOn !== undefined && again.has(c.dependsOn) && answers.get(c.id)?.status === 424) again.add(c.id);
      const refused = pending.filter((c) => again.has(c.id));
      const waits = throttled.map((c) => Number(answers.get(c.id)?.headers['Retry-After'] ?? NaN));
      const delay = Math.max(...waits.map((w, n) => (Number.isFinite(w) ? w * 1000 : this.retry.baseDelayMs * 2 ** n)));
      if (delay > this.retry.maxDelayMs) break;
      this.retry.onRetry?.(answers.get(throttled[0]!.id)!.status, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      // A call whose dependency succeeded meanwhile no longer waits for it (it is not in the new batch).
      pending = refused.map((c) => (c.dependsOn === undefined || again.has(c.dependsOn) ? c : withoutDependency(c)));
    }
    return answers;
  }

  private async sendBatch(calls: readonly BatchCall[]): Promise<BatchAnswer[]> {
    const requests = calls.map((c) => ({
      id: c.id,
      ...(c.dependsOn !== undefined && { dependsOn: [c.dependsOn] }),
      method: c.method,
      url: c.path,
      ...(c.body !== undefined && { body: c.body, headers: { 'Content-Type': 'application/json', ...c.headers } }),
      ...(c.body === undefined && c.headers && { headers: c.headers }),
    }));
    const result = await this.json<{ responses: BatchAnswer[] }>({
      method: 'POST',
      path: '/$batch',
      body: { requests },
    });
    return result.responses;
  }

  private dispatch(request: ReturnType<Client['api']>, call: GraphCall): Promise<unknown> {
    const payload = call.content ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    switch (call.method) {
      case 'GET':
        return request.get();
      case 'POST':
        return request.post(payload ?? '');
      case 'PUT':
        return request.put(payload ?? '');
      case 'PATCH':
        return request.patch(payload ?? '');
      case 'DELETE':
        return request.delete();
    }
  }
}

function withoutDependency(call: BatchCall): BatchCall {
  const { dependsOn: _dropped, ...rest } = call;
  return rest;
}
