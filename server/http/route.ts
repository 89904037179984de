import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Caller } from '../auth/authenticator';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'del';

export interface RouteContext<B, Q> {
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly query: Q;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** 'streamed': the handler wrote the response itself (server-sent events). */
export type HandlerResult = Reply | 'streamed';

/**
 * One API operation: its path, its validation schemas (also the source of the OpenAPI document) and its
 * handler. `auth: 'none'` is for health, the OpenAPI document and the embedded dev-token exchange only.
 */
export interface Route<B = unknown, Q = unknown> {
  readonly method: Method;
  /** restify path with :params. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly auth: 'user' | 'none';
  readonly body?: z.ZodType<B>;
  readonly query?: z.ZodType<Q>;
  /** Status of a successful answer, for the OpenAPI document. */
  readonly success: number;
  /** Answer with a strong ETag of the JSON and 304 to a matching If-None-Match: the clients' cheap refresh. */
  readonly etag?: boolean;
  /** Accept the token from `?access_token=` too: EventSource cannot send headers. */
  readonly tokenInQuery?: boolean;
  handle(ctx: RouteContext<B, Q>): Promise<HandlerResult>;
}

export function route<B = undefined, Q = undefined>(spec: Route<B, Q>): Route<B, Q> {
  return spec;
}

/**
 * A route of any body and query type, for the route table. `any` is deliberate: handlers are contravariant
 * in their context, so Route<Specific> is not assignable to Route<unknown>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any, any>;
