/**
 * A thin HTTP client for Tandem's API over plain fetch, for integration tests: it signs in with the
 * embedded mode's dev tokens and hands back status, headers and body without interpreting them.
 */

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The content-type header, or '' when absent. */
  readonly contentType: string;
  readonly text: string;
}

export interface RequestOptions {
  /** Sent as JSON with `content-type: application/json` unless `rawBody` is given. */
  readonly body?: unknown;
  /** Sent as is, with `contentType` (or no content-type at all). */
  readonly rawBody?: string | Uint8Array;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Bearer token; defaults to the client's own. `null` sends no authorization header. */
  readonly token?: string | null;
  readonly timeoutMs?: number;
}

// The contract's shapes, from core: the tests read what the service sends and the UI client reads.
import type { ProblemBody } from '../../core/contract/problem';
import type { AgendaView, TopicView } from '../../core/model/agenda-view';
import type { Note } from '../../core/model/documents';
import type { Me } from '../../core/use-cases/pairs';
export type { ProblemBody } from '../../core/contract/problem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The body parsed as JSON; throws with the body in the message when it is not JSON. */
export function jsonOf<T>(response: ApiResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new Error(`expected a JSON body, got ${response.status} ${response.contentType}: ${response.text}`);
  }
}

export function isProblem(response: ApiResponse): boolean {
  return response.contentType.split(';')[0]!.trim() === 'application/problem+json';
}

export function problemOf(response: ApiResponse): ProblemBody {
  if (!isProblem(response)) {
    throw new Error(
      `expected application/problem+json, got ${response.status} ${response.contentType}: ${response.text}`,
    );
  }
  return jsonOf<ProblemBody>(response);
}

export class TandemClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly userId?: string,
  ) {}

  /** `POST /api/dev/token` for a demo user (embedded mode, loopback only). */
  static async signIn(baseUrl: string, user: string): Promise<TandemClient> {
    const anonymous = new TandemClient(baseUrl);
    const response = await anonymous.request('POST', '/api/dev/token', { body: { user } });
    if (response.status !== 200) throw new Error(`sign-in as ${user} failed: ${response.status} ${response.text}`);
    return new TandemClient(baseUrl, jsonOf<{ token: string }>(response).token, user);
  }

  async request(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) {
      if (options.contentType !== undefined) {
        body = options.rawBody;
        headers['content-type'] = options.contentType;
      } else {
        // fetch labels a string body text/plain; bytes go out with no content-type at all.
        body = typeof options.rawBody === 'string' ? new TextEncoder().encode(options.rawBody) : options.rawBody;
      }
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type') ?? '',
      text,
    };
  }

  get(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('POST', path, { ...options, body });
  }

  put(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('PUT', path, { ...options, body });
  }

  patch(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('PATCH', path, { ...options, body });
  }

  delete(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('DELETE', path, options);
  }

  /** GET a JSON resource, failing loudly on anything but 200. */
  async getJson<T>(path: string): Promise<T> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`GET ${path} as ${this.userId}: ${response.status} ${response.text}`);
    return jsonOf<T>(response);
  }
}

/** The API's views under the names the tests use. */
export type MeView = Me;
export type TopicBody = TopicView;
export type NoteBody = Note;
export type AgendaBody = AgendaView;

export function agendaTopics(agenda: AgendaBody): TopicBody[] {
  return agenda.sections.flatMap((s) => s.topics);
}
