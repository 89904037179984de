import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import * as restify from 'restify';
import { z } from 'zod';
import type { Authenticator, Caller } from '../auth/authenticator';
import { collectingAfterResponse, runAsCaller } from '../auth/request-context';
import type { ProblemType } from '../../core/contract/problem';
import { readBody } from './body';
import { strongEtag } from './etag';
import { fromZod, problem, sendProblem, toProblem } from './problem';
import type { AnyRoute } from './route';

export interface HttpServerDeps {
  readonly routes: readonly AnyRoute[];
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  readonly name: string;
  /** Runs once a request's caller is known (the per-user rate limit); throws to refuse. */
  readonly onAuthenticated?: (caller: Caller) => void;
}

async function parseJsonBody(req: IncomingMessage, schema: z.ZodType): Promise<unknown> {
  const text = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw problem(415, 'unsupported-media-type', 'Send JSON', {
      errors: [{ field: 'content-type', reason: 'must be application/json' }],
    });
  }
  let raw: unknown;
  try {
    raw = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw problem(400, 'validation', 'The request body is not valid JSON', {
      errors: [{ field: 'body', reason: 'is not valid JSON' }],
    });
  }
  if (raw === undefined)
    throw problem(400, 'validation', 'The request body is missing', {
      errors: [{ field: 'body', reason: 'is required' }],
    });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'body');
  return parsed.data;
}

function queryOf(req: IncomingMessage): Record<string, string> {
  // fromEntries defines own properties: `?__proto__=x` is an unknown field the schema names, not a prototype.
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

function bearer(req: IncomingMessage, query: Record<string, string>, allowQuery: boolean): string | undefined {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return allowQuery ? query.access_token : undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | undefined,
  headers: Record<string, string | number>,
): void {
  res.writeHead(status, body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * restify as the HTTP server, with our own thin handling around each route: authentication, body and
 * query validation, problem+json for every error (restify's own 404/405 included), and a log line without
 * bodies or query strings (which may hold a token).
 */
export function createHttpServer(deps: HttpServerDeps): restify.Server {
  const server = restify.createServer({
    name: deps.name,
    handleUncaughtExceptions: false,
    formatters: { 'application/problem+json': (_req, _res, body) => JSON.stringify(body) },
  });
  server.pre(restify.pre.sanitizePath());

  for (const r of deps.routes) {
    server[r.method](r.path, (req: restify.Request, res: restify.Response, next: restify.Next) => {
      const started = process.hrtime.bigint();
      let caller: Caller | undefined;
      const deferred: Array<() => void> = [];
      const handle = async () => {
        const rawQuery = queryOf(req);
        if (r.auth === 'user') {
          caller = await deps.authenticator.authenticate(
            bearer(req, rawQuery, r.tokenInQuery === true),
            req.socket.remoteAddress,
          );
          deps.onAuthenticated?.(caller);
        }
        let query: unknown = undefined;
        if (r.query) {
          const parsed = r.query.safeParse(rawQuery);
          if (!parsed.success) throw fromZod(parsed.error, 'query');
          query = parsed.data;
        }
        const body = r.body ? await parseJsonBody(req, r.body) : undefined;
        const served = caller ?? { userId: '' };
        const result = await runAsCaller(served, () =>
          collectingAfterResponse(deferred, () =>
            r.handle({ caller: served, params: req.params ?? {}, body, query, req, res }),
          ),
        );
        if (result === 'streamed') return;
        const headers: Record<string, string> = { ...result.headers };
        if (result.json !== undefined) {
          const text = JSON.stringify(result.json);
          if (r.etag) {
            const etag = strongEtag(text);
            Object.assign(headers, { etag, 'cache-control': 'private, no-cache' });
            if (req.headers['if-none-match'] === etag) return send(res, 304, undefined, headers);
          }
          send(res, result.status ?? 200, text, {
            ...headers,
            'content-type': 'application/json; charset=utf-8',
          });
        } else if (result.text !== undefined) {
          send(res, result.status ?? 200, result.text, {
            ...headers,
            'content-type': result.contentType ?? 'text/plain; charset=utf-8',
          });
        } else {
          send(res, result.status ?? 204, undefined, headers);
        }
      };
      handle()
        .catch((error: unknown) => {
          const p = toProblem(error);
          // A 503 is a dependency out of reach (Entra, Graph, contention): a warning without a stack trace.
          if (p.problem.status === 503)
            deps.logger.warn({ route: r.path, reason: (error as Error)?.message }, 'request failed: unavailable');
          else if (p.problem.status >= 500) deps.logger.error({ err: error, route: r.path }, 'request failed');
          sendProblem(res, p);
        })
        .finally(() => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          deps.logger.debug(
            { method: r.method, route: r.path, status: res.statusCode, ms, user: caller?.userId },
            'request',
          );
          for (const task of deferred.splice(0)) task();
          next();
        });
    });
  }

  // restify answers unrouted requests itself after these listeners: give its error our problem body.
  const fallback =
    (slug: ProblemType, title: string) =>
    (
      req: restify.Request,
      res: restify.Response,
      err: { toJSON?: () => unknown; statusCode?: number },
      cb: () => void,
    ) => {
      const body = problem(err.statusCode ?? 404, slug, title, { detail: `${req.method} ${req.getPath()}` }).problem;
      err.toJSON = () => body;
      res.setHeader('content-type', 'application/problem+json');
      cb();
    };
  server.on('NotFound', fallback('not-found', 'No such resource'));
  server.on('MethodNotAllowed', fallback('method-not-allowed', 'Method not allowed here'));
  return server;
}
