import type { Goal } from '../api/types';

/** A goal of Avery and Blake's 1:1 as the service would send it: Blake's, active, no milestones unless given. */
export function goal(overrides: Partial<Goal> & Pick<Goal, 'id' | 'title'>): Goal {
  return {
    kind: 'goal',
    status: 'active',
    milestones: [],
    sessionIds: [],
    createdBy: 'blake',
    createdAt: '2026-11-01T09:00:00.000Z',
    rev: 1,
    ...overrides,
  };
}
