import { NotFoundError } from '../../../core/errors';
import { problem } from '../problem';
import { route } from '../route';
import * as s from '../schemas';
import type { ApiDeps } from './deps';

export function serviceRoutes(deps: ApiDeps) {
  return [
    route({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      tag: 'service',
      auth: 'none',
      success: 200,
      handle: async () => ({ json: deps.openApi() }),
    }),
    route({
      method: 'post',
      path: '/api/dev/token',
      summary: 'Embedded mode only, from this machine only: a short-lived token for a demo user',
      tag: 'service',
      auth: 'none',
      body: s.devTokenBody,
      success: 200,
      handle: async (ctx) => {
        if (!deps.issueDevToken || !deps.isLoopback(ctx)) throw problem(404, 'not-found', 'Not found');
        const me = await deps.useCases.pairs.me(ctx.body.user).catch((error: unknown) => {
          if (error instanceof NotFoundError)
            throw problem(400, 'validation', 'Unknown demo user', {
              errors: [{ field: 'user', reason: 'is not a demo user (try avery, blake, casey, emery or devon)' }],
            });
          throw error;
        });
        return { json: { token: await deps.issueDevToken(me.user.id), user: me.user } };
      },
    }),
  ];
}
