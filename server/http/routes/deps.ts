import type { Clock } from '../../../core/clock';
import type { UseCases } from '../../../core/use-cases';
import type { ChangeHub } from '../../live/change-hub';
import type { z } from 'zod';
import type { Route, RouteContext } from '../route';

/** What the API routes need: the use-cases and a few service facilities, injected by the composition root. */
export interface ApiDeps {
  readonly useCases: UseCases;
  readonly hub: ChangeHub;
  readonly clock: Clock;
  /** Present in embedded mode only. */
  readonly issueDevToken?: (userId: string) => Promise<string>;
  readonly isLoopback: (ctx: RouteContext<unknown, unknown>) => boolean;
  readonly openApi: () => unknown;
  /** Embedded mode only: the demo directory, which POST /api/demo/people/:userId changes. */
  readonly demoDirectory?: import('./lifecycle-routes').ChangeableDirectory;
}

/** The pair and session a nested route names; restify has matched both path segments. */
export type PairParams = { pairId: string };
export type SessionParams = { pairId: string; sessionId: string };

export const created = (json: unknown, isNew: boolean) => ({ status: isNew ? 201 : 200, json });
export const noContent = { status: 204 } as const;

/** Path of one session's resources. */
export const SESSION = '/api/pairs/:pairId/sessions/:sessionId';

interface CommandSpec<B> {
  readonly method: 'post' | 'put' | 'del';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType<B>;
  run(userId: string, params: Readonly<Record<string, string>>, body: B): Promise<unknown>;
}

/** A change that answers 204 No Content: the shape most session routes share. */
export function command<B = undefined>(spec: CommandSpec<B>): Route<B, undefined> {
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    auth: 'user',
    ...(spec.body && { body: spec.body }),
    success: 204,
    handle: async ({ caller, params, body }) => {
      await spec.run(caller.userId, params, body);
      return noContent;
    },
  };
}

interface CreationSpec<B> {
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body: z.ZodType<B>;
  /** What was made, and whether this request made it (false: a retry with the same client-made id). */
  run(userId: string, params: Readonly<Record<string, string>>, body: B): Promise<readonly [unknown, boolean]>;
}

/** A POST that makes something with a client-made id: 201 when new, 200 when a retry found it made. */
export function creation<B>(spec: CreationSpec<B>): Route<B, undefined> {
  return {
    method: 'post',
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    auth: 'user',
    body: spec.body,
    success: 201,
    handle: async ({ caller, params, body }) => {
      const [made, isNew] = await spec.run(caller.userId, params, body);
      return created(made, isNew);
    },
  };
}

/** A PATCH that answers the changed resource. */
export function edit<B>(
  spec: Omit<CreationSpec<B>, 'run'> & {
    run(userId: string, params: Readonly<Record<string, string>>, body: B): Promise<unknown>;
  },
): Route<B, undefined> {
  return {
    method: 'patch',
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    auth: 'user',
    body: spec.body,
    success: 200,
    handle: async ({ caller, params, body }) => ({ json: await spec.run(caller.userId, params, body) }),
  };
}
