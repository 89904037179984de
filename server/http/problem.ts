import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  ConflictError,
  ContentionError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../core/errors';
import { problemUri, type FieldError, type ProblemBody, type ProblemType } from '../../core/contract/problem';
import { AuthenticationUnavailableError, UnauthenticatedError } from '../auth/authenticator';

export class HttpProblem extends Error {
  constructor(
    readonly problem: ProblemBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(
  status: number,
  slug: ProblemType,
  title: string,
  extra: Partial<ProblemBody> = {},
): HttpProblem {
  return new HttpProblem({ type: problemUri(slug), title, status, ...extra });
}

export function fromZod(error: z.ZodError, where: 'body' | 'query'): HttpProblem {
  const errors = error.issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, reason: 'is not a known field' }));
    }
    return [{ field: base || where, reason: issue.message }];
  });
  return problem(400, 'validation', `The request ${where} is not valid`, {
    detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    errors,
  });
}

/** Maps any error a handler throws to one problem; unknown errors become a 500 without internals. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof UnauthenticatedError) {
    return new HttpProblem(
      { type: problemUri('unauthenticated'), title: 'Sign-in required', status: 401, detail: error.message },
      { 'www-authenticate': 'Bearer' },
    );
  }
  if (error instanceof AuthenticationUnavailableError) {
    return new HttpProblem(
      {
        type: problemUri('sign-in-unavailable'),
        title: 'Sign-in cannot be checked right now',
        status: 503,
        detail: 'Microsoft Entra ID could not be reached to check the token; try again shortly',
      },
      { 'retry-after': '10' },
    );
  }
  if (error instanceof DomainError) {
    const errors = error.field ? [{ field: error.field, reason: error.message }] : undefined;
    const detail = error.field ? `${error.field}: ${error.message}` : error.message;
    const code = error.code && { code: error.code };
    if (error instanceof ValidationError)
      return problem(400, 'validation', 'The request is not valid', { detail, errors, ...code });
    if (error instanceof NotFoundError) return problem(404, 'not-found', 'Not found', { detail, errors });
    if (error instanceof ForbiddenError) return problem(403, 'forbidden', 'Not allowed', { detail, errors, ...code });
    if (error instanceof ConflictError) {
      return problem(409, 'conflict', 'Conflict with the current state', {
        detail,
        errors,
        ...code,
        ...(error.current !== undefined && { current: error.current }),
      });
    }
    if (error instanceof ContentionError) {
      return new HttpProblem(
        { type: problemUri('busy'), title: 'Too many changes at once', status: 503, detail },
        { 'retry-after': '1' },
      );
    }
  }
  if (error instanceof UpstreamError) {
    // Microsoft 365 answered with an error: say so, with the request id Microsoft support asks for.
    const detail = `${error.service} answered ${error.status} ${error.code}`;
    const extra = { detail, ...(error.requestId && { graphRequestId: error.requestId }) };
    if (error.transient) {
      return new HttpProblem(
        { type: problemUri('graph-unavailable'), title: 'Microsoft 365 is busy', status: 503, ...extra },
        { 'retry-after': '5' },
      );
    }
    return problem(502, 'graph-error', 'Microsoft 365 refused the request', extra);
  }
  return problem(500, 'internal', 'Something went wrong on our side');
}

export function sendProblem(res: ServerResponse, p: HttpProblem): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(p.problem);
  res.writeHead(p.problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    ...p.headers,
  });
  res.end(body);
}
