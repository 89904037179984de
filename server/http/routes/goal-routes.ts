import * as s from '../schemas';
import { creation, type ApiDeps } from './deps';

/** Remarks on goals: how the manager takes part in the report's development plan without overwriting it. */
export function goalRoutes({ useCases: uc }: ApiDeps) {
  return [
    creation({
      path: '/api/pairs/:pairId/goals/:goalId/comments',
      summary: 'Comment on a goal or development item',
      tag: 'commitments',
      body: s.addGoalCommentBody,
      run: async (userId, p, body) => {
        const result = await uc.commitments.commentOnGoal(userId, p.pairId!, p.goalId!, body);
        return [result.comment, result.created];
      },
    }),
  ];
}
