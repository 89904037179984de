// The API's shapes, straight from core's view types (core is pure TypeScript and type-only imports vanish
// from the bundle), so the tab, the add-in and the service cannot drift apart.
export type { AgendaView, SectionView, TopicView, PersonRef } from '../../core/model/agenda-view';
export type { ActionItem, Goal, Note, Feedback, Milestone, Topic } from '../../core/model/documents';
export type { Me, PairSummary, PairOverview } from '../../core/use-cases/pairs';
export type { AddTopicInput, EditTopicInput } from '../../core/use-cases/topics';
export type {
  AddActionItemInput,
  EditActionItemInput,
  AddGoalInput,
  EditGoalInput,
} from '../../core/use-cases/commitments';
export type { SessionListItem } from '../../core/use-cases/schedule';
export type { PairExport, SessionExport } from '../../core/model/pair-export';
export type { PairHealth, PooledRating } from '../../core/model/health';
export type { ReleasedRatings } from '../../core/use-cases/insights';
export type { Cadence } from '../../core/model/cadence';
export type { Person } from '../../core/ports/directory';
export type { PairChange } from '../../core/ports/change-feed';
export type { TopicSectionId } from '../../core/model/sections';

/** An RFC 9457 problem as the service sends it. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly reason: string }>;
  readonly current?: unknown;
}
