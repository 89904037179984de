import { route } from '../route';
import * as s from '../schemas';
import { created, type ApiDeps } from './deps';

/** Action items and goals: what carries from one session to the next. */
export function commitmentRoutes({ useCases: uc }: ApiDeps) {
  return [
    route({
      method: 'post',
      path: '/api/pairs/:pairId/action-items',
      summary: 'Add an action item with owner and due date',
      tag: 'commitments',
      auth: 'user',
      body: s.addActionItemBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.commitments.addActionItem(caller.userId, params.pairId!, body);
        return created(result.item, result.created);
      },
    }),
    route({
      method: 'patch',
      path: '/api/pairs/:pairId/action-items/:itemId',
      summary: 'Change an action item: text, owner, due date, status',
      tag: 'commitments',
      auth: 'user',
      body: s.editActionItemBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.commitments.editActionItem(caller.userId, params.pairId!, params.itemId!, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/pairs/:pairId/goals',
      summary: 'Add a goal or development item with milestones',
      tag: 'commitments',
      auth: 'user',
      body: s.addGoalBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.commitments.addGoal(caller.userId, params.pairId!, body);
        return created(result.goal, result.created);
      },
    }),
    route({
      method: 'patch',
      path: '/api/pairs/:pairId/goals/:goalId',
      summary: 'Change a goal: text, status, milestones, sessions that discussed it',
      tag: 'commitments',
      auth: 'user',
      body: s.editGoalBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.commitments.editGoal(caller.userId, params.pairId!, params.goalId!, body),
      }),
    }),
  ];
}
