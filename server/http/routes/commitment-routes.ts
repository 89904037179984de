import * as s from '../schemas';
import { creation, edit, type ApiDeps } from './deps';

/** Action items and goals: what carries from one session to the next. */
export function commitmentRoutes({ useCases: uc }: ApiDeps) {
  return [
    creation({
      path: '/api/pairs/:pairId/action-items',
      summary: 'Add an action item with owner and due date',
      tag: 'commitments',
      body: s.addActionItemBody,
      run: async (userId, p, body) => {
        const result = await uc.commitments.addActionItem(userId, p.pairId!, body);
        return [result.item, result.created];
      },
    }),
    edit({
      path: '/api/pairs/:pairId/action-items/:itemId',
      summary: 'Change an action item: text, owner, due date, status',
      tag: 'commitments',
      body: s.editActionItemBody,
      run: (userId, p, body) => uc.commitments.editActionItem(userId, p.pairId!, p.itemId!, body),
    }),
    creation({
      path: '/api/pairs/:pairId/goals',
      summary: 'Add a goal or development item with milestones',
      tag: 'commitments',
      body: s.addGoalBody,
      run: async (userId, p, body) => {
        const result = await uc.commitments.addGoal(userId, p.pairId!, body);
        return [result.goal, result.created];
      },
    }),
    edit({
      path: '/api/pairs/:pairId/goals/:goalId',
      summary: 'Change a goal: text, status, milestones, sessions that discussed it',
      tag: 'commitments',
      body: s.editGoalBody,
      run: (userId, p, body) => uc.commitments.editGoal(userId, p.pairId!, p.goalId!, body),
    }),
  ];
}
