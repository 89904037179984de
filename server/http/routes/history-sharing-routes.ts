import { route } from '../route';
import * as s from '../schemas';
import type { ApiDeps } from './deps';

/**
 * A report's consent to let their new manager read the shared record of their earlier 1:1, and that reading
 * (docs/pair-lifecycle.md). The rule is core's (HistorySharingUseCases).
 */
export function historySharingRoutes(deps: ApiDeps) {
  const uc = deps.useCases;
  return [
    route({
      method: 'put',
      path: '/api/pairs/:pairId/history-sharing',
      summary:
        'The report of a 1:1 archived by a manager change lets the new manager read its shared record (or stops); never private notes',
      tag: 'pairs',
      auth: 'user',
      body: s.historySharingBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.sharing.setShared(caller.userId, params.pairId!, body.shared),
      }),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/shared-history',
      summary: "Read-only: an earlier 1:1's shared record, for the new manager its report shared it with",
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller, params }) => ({
        json: await uc.sharing.sharedHistory(caller.userId, params.pairId!),
      }),
    }),
    route({
      method: 'get',
      path: '/api/me/shared-histories',
      summary: 'The earlier 1:1s of my reports that they let me read',
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller }) => ({ json: { histories: await uc.sharing.sharedWithMe(caller.userId) } }),
    }),
  ];
}
