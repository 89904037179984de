// The API's shapes, straight from core's view types (core is pure TypeScript and type-only imports vanish
// from the bundle), so the tab, the add-in and the service cannot drift apart.
export type {
  ActionItemView,
  AgendaView,
  LinkedGoal,
  SectionView,
  TopicView,
  PersonRef,
} from '../../core/model/agenda-view';
export type { ActionItem, Goal, Note, Feedback, Milestone, Topic } from '../../core/model/documents';
export type { GoalChange, GoalChangeKind, GoalComment, GoalStatus, LearningFormat } from '../../core/model/documents';
export type { Me, PairSummary, PairOverview } from '../../core/use-cases/pairs';
export type { SessionListItem } from '../../core/use-cases/schedule';
export type { FollowedSeries } from '../../core/use-cases/pair-series';
export type { MeetingQuery, MeetingSession, MeetingSessionWithAgenda } from '../../core/use-cases/sessions';
export type { PairExport, SessionExport } from '../../core/model/pair-export';
export type { SharedHistoryRef } from '../../core/use-cases/history-sharing';
export type { PairHealth } from '../../core/model/health';
export type { ReleasedRatings } from '../../core/use-cases/insights';
export type { AttentionSettings } from '../../core/model/attention';
export type { Cadence } from '../../core/model/cadence';
export type { Person } from '../../core/ports/directory';
export type { PairChange } from '../../core/ports/change-feed';
export type { TopicSectionId } from '../../core/model/sections';
export type { NowDiscussing, Win, TimeSpent } from '../../core/model/meeting-flow';
export type { TemplateInput, TemplatePrompt, TemplateSection } from '../../core/model/templates';
export type { OwnTemplate, PairTemplateView, TemplateLibrary } from '../../core/use-cases/templates';

export type { ProblemBody, FieldError, ProblemType } from '../../core/contract/problem';
export type * from '../../core/contract/requests';
