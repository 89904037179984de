import { route } from '../route';
import * as s from '../schemas';
import type { ApiDeps } from './deps';

const DAY = 86_400_000;
const DEFAULT_PERIOD_DAYS = 90;

/** Meeting health of a 1:1 and a manager's pooled ratings. */
export function insightRoutes({ useCases: uc, clock }: ApiDeps) {
  const period = (q: { from?: string; to?: string }) => {
    const to = q.to ? new Date(q.to) : clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY);
    return { from, to };
  };
  return [
    route({
      method: 'get',
      path: '/api/me/ratings',
      summary:
        "A manager's meeting ratings pooled across all their reports per closed calendar quarter, each released once (shown from 3 distinct raters)",
      tag: 'insights',
      auth: 'user',
      query: s.noQuery,
      success: 200,
      handle: async ({ caller }) => ({ json: await uc.insights.pooledRatings(caller.userId) }),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/health',
      summary: 'Meeting health of the 1:1 over a period (default: the last 90 days)',
      tag: 'insights',
      auth: 'user',
      query: s.periodQuery,
      success: 200,
      handle: async ({ caller, params, query }) => {
        const { from, to } = period(query);
        return { json: await uc.insights.pairHealth(caller.userId, params.pairId!, from, to) };
      },
    }),
  ];
}
