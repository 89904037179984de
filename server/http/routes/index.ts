import type { AnyRoute } from '../route';
import { attentionRoutes } from './attention-routes';
import { commitmentRoutes } from './commitment-routes';
import type { ApiDeps } from './deps';
import { goalRoutes } from './goal-routes';
import { historySharingRoutes } from './history-sharing-routes';
import { insightRoutes } from './insight-routes';
import { lifecycleRoutes } from './lifecycle-routes';
import { meetingRoutes } from './meeting-routes';
import { pairRoutes } from './pair-routes';
import { seriesRoutes } from './series-routes';
import { serviceRoutes } from './service-routes';
import { sessionRoutes } from './session-routes';
import { templateRoutes } from './template-routes';
import { topicRoutes } from './topic-routes';

export type { ApiDeps } from './deps';

/** Every API operation, one file per resource. The OpenAPI document at /api/openapi.json is generated from it. */
export function apiRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    ...serviceRoutes(deps),
    ...pairRoutes(deps),
    ...sessionRoutes(deps),
    ...topicRoutes(deps),
    ...commitmentRoutes(deps),
    ...goalRoutes(deps),
    ...insightRoutes(deps),
    ...lifecycleRoutes(deps),
    ...historySharingRoutes(deps),
    ...meetingRoutes(deps),
    ...seriesRoutes(deps),
    ...templateRoutes(deps),
    ...attentionRoutes(deps),
  ];
}
