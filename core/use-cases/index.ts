import { AttentionUseCases } from './attention';
import { CommitmentUseCases } from './commitments';
import type { TandemDeps } from './deps';
import { ExportUseCases } from './export';
import { HistorySharingUseCases } from './history-sharing';
import { InsightUseCases } from './insights';
import { MeetingFlowUseCases } from './meeting-flow';
import { PairAccess } from './pair-access';
import { PairLifecycleUseCases } from './pair-lifecycle';
import { PairSeriesUseCases } from './pair-series';
import { PairUseCases } from './pairs';
import { ReminderUseCases } from './reminders';
import { ScheduleUseCases } from './schedule';
import { SessionUseCases } from './sessions';
import { TemplateUseCases } from './templates';
import { TopicUseCases } from './topics';

export interface UseCases {
  readonly pairs: PairUseCases;
  readonly lifecycle: PairLifecycleUseCases;
  readonly sessions: SessionUseCases;
  readonly topics: TopicUseCases;
  readonly schedule: ScheduleUseCases;
  readonly commitments: CommitmentUseCases;
  readonly insights: InsightUseCases;
  readonly exports: ExportUseCases;
  readonly reminders: ReminderUseCases;
  readonly meeting: MeetingFlowUseCases;
  readonly pairSeries: PairSeriesUseCases;
  readonly sharing: HistorySharingUseCases;
  readonly templates: TemplateUseCases;
  readonly attention: AttentionUseCases;
}

export function createUseCases(deps: TandemDeps): UseCases {
  const access = new PairAccess(deps);
  const exports = new ExportUseCases(deps, access);
  const sessions = new SessionUseCases(deps, access);
  const attention = new AttentionUseCases(deps, access, sessions);
  return {
    pairs: new PairUseCases(deps, access),
    lifecycle: new PairLifecycleUseCases(deps, access),
    sessions,
    topics: new TopicUseCases(deps, access),
    schedule: new ScheduleUseCases(deps, access),
    commitments: new CommitmentUseCases(deps, access),
    insights: new InsightUseCases(deps, access),
    exports,
    reminders: new ReminderUseCases(deps, access, attention),
    meeting: new MeetingFlowUseCases(deps, access),
    pairSeries: new PairSeriesUseCases(deps, access),
    sharing: new HistorySharingUseCases(deps, access, exports),
    templates: new TemplateUseCases(deps, access),
    attention,
  };
}

export type { TandemDeps };
