import { ValidationError } from '../errors';
import type { Goal } from './documents';

/**
 * A topic or an action item may name a goal of the same pair (closed ones included: the link outlives the
 * goal's status, and the views say the goal is closed). Anything else is refused naming `goalId`.
 */
export function assertPairGoal(goals: readonly Goal[], goalId: string): void {
  if (!goals.some((g) => g.id === goalId)) throw new ValidationError('is not a goal of this 1:1', 'goalId');
}
