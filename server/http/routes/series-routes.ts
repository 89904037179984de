import { route } from '../route';
import * as s from '../schemas';
import type { ApiDeps } from './deps';

/** A 1:1 follows another calendar series (docs/occurrences.md, "Following another series"). */
export function seriesRoutes(deps: ApiDeps) {
  const uc = deps.useCases;
  return [
    route({
      method: 'post',
      path: '/api/pairs/:pairId/series',
      summary:
        "Link the 1:1 to another series in the caller's own calendar (either person; the series has exactly the pair's two people): history stays, the caller becomes the organizer",
      tag: 'pairs',
      auth: 'user',
      body: s.linkSeriesBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: { series: await uc.pairSeries.link(caller.userId, params.pairId!, body.seriesId) },
      }),
    }),
  ];
}
