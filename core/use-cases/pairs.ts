import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { validateCadence, type Cadence } from '../model/cadence';
import {
  keys,
  otherMember,
  type ActionItem,
  type ChatIndexDocument,
  type Goal,
  type PairDocument,
  type Topic,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { assertClientId } from '../model/ids';
import { DEFAULT_TEMPLATE, type Template } from '../model/sections';
import { nextSlot, type SessionStatus } from '../model/timeline';
import type { PersonRef } from '../model/agenda-view';
import type { Person } from '../ports/directory';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';

const DAY = 86_400_000;

export interface PairSummary {
  readonly id: string;
  readonly role: 'manager' | 'report';
  readonly other: PersonRef;
  readonly cadence: Cadence;
  readonly nextSession?: {
    readonly id: string;
    readonly start: string;
    readonly end: string;
    readonly status: SessionStatus;
  };
  readonly chatId?: string;
  readonly joinUrl?: string;
}

export interface Me {
  readonly user: Person;
  readonly pairs: PairSummary[];
}

export interface PairOverview extends PairSummary {
  readonly manager: PersonRef;
  readonly report: PersonRef;
  readonly template: Template;
  readonly goals: Goal[];
  readonly actionItems: ActionItem[];
  readonly backlog: Topic[];
}

export interface CreatePairInput {
  readonly id?: string;
  readonly reportId: UserId;
  readonly cadence: Cadence;
}

export class PairUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  async me(actor: UserId): Promise<Me> {
    const user = await this.deps.directory.getPerson(actor);
    if (!user) throw new NotFoundError('unknown user', 'user');
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor));
    const pairs = await Promise.all((index?.body.pairIds ?? []).map((id) => this.summary(actor, id)));
    return { user, pairs: pairs.filter((p): p is PairSummary => p !== undefined) };
  }

  /** Everything that spans sessions: goals, every action item, the topic backlog. */
  async overview(actor: UserId, pairId: string): Promise<PairOverview> {
    const summary = await this.summary(actor, pairId);
    if (!summary) throw new NotFoundError('no such pair', 'pairId');
    const { pair } = await this.access.member(actor, pairId);
    return {
      ...summary,
      ...(await this.access.people(pair)),
      template: pair.template,
      goals: pair.goals,
      actionItems: pair.actionItems,
      backlog: pair.topics.filter((t) => !t.sessionId),
    };
  }

  /** The manager's direct reports, to pick from when starting a 1:1. */
  async proposeReports(actor: UserId): Promise<Person[]> {
    return this.deps.directory.getDirectReports(actor);
  }

  /**
   * A manager starts a 1:1 with one of their direct reports. The calendar series is created first (with the
   * pair id as its transaction id, so a retry makes no duplicate), then the indexes, then the pair document:
   * until that last write nothing is visible, and a retry with the same id finishes the job.
   */
  async create(actor: UserId, input: CreatePairInput): Promise<{ pair: PairSummary; created: boolean }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    validateCadence(input.cadence, 'cadence.');
    const reports = await this.deps.directory.getDirectReports(actor);
    const report = reports.find((r) => r.id === input.reportId);
    if (!report) throw new ForbiddenError('is not one of your direct reports', 'reportId');
    const existing = await this.access.docs.read<PairDocument>(keys.pair(id));
    if (existing) {
      if (existing.body.managerId === actor && existing.body.reportId === input.reportId) {
        return { pair: (await this.summary(actor, id))!, created: false };
      }
      throw new ConflictError('a different pair already has this id', 'id');
    }
    const manager = await this.deps.directory.getPerson(actor);
    const calendar = await this.deps.calendar.createSeries({
      organizerId: actor,
      attendeeId: report.id,
      subject: `${manager?.displayName ?? actor} / ${report.displayName} 1:1`,
      cadence: input.cadence,
      transactionId: id,
    });
    await Promise.all([this.indexUser(actor, id), this.indexUser(report.id, id)]);
    if (calendar.chatId) {
      await this.access.docs.mutate<ChatIndexDocument, void>(
        keys.chatIndex(encodeChatId(calendar.chatId)),
        (current) => (current ? { result: undefined } : { write: { schema: 1, pairId: id }, result: undefined }),
      );
    }
    const now = this.access.now();
    const pair: PairDocument = {
      schema: 1,
      id,
      managerId: actor,
      reportId: report.id,
      createdAt: now,
      createdBy: actor,
      cadence: input.cadence,
      template: DEFAULT_TEMPLATE,
      calendar,
      promptHoursBefore: 24,
      topics: [],
      actionItems: [],
      goals: [],
    };
    const created = await this.access.docs.mutate<PairDocument, boolean>(keys.pair(id), (current) =>
      current ? { result: false } : { write: pair, result: true },
    );
    return { pair: (await this.summary(actor, id))!, created };
  }

  /** The pair a Teams meeting chat belongs to (tab, bot and Outlook add-in all start from it). */
  async byChat(actor: UserId, chatId: string): Promise<PairSummary> {
    const index = /^[A-Za-z0-9:_@.-]{1,200}$/.test(chatId)
      ? await this.access.docs.read<ChatIndexDocument>(keys.chatIndex(encodeChatId(chatId)))
      : undefined;
    const summary = index && (await this.summary(actor, index.body.pairId));
    if (!summary) throw new NotFoundError('no 1:1 of yours uses this meeting', 'chatId');
    return summary;
  }

  async summary(actor: UserId, pairId: string): Promise<PairSummary | undefined> {
    let pair: PairDocument;
    let role: 'manager' | 'report';
    try {
      ({ pair, role } = await this.access.member(actor, pairId));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
    const now = this.deps.clock.now().getTime();
    const slots = await this.access.slots(pair, new Date(now - DAY), new Date(now + 100 * DAY));
    const next = nextSlot(slots);
    return {
      id: pair.id,
      role,
      other: await this.access.personRef(otherMember(pair, actor)),
      cadence: pair.cadence,
      ...(next && {
        nextSession: { id: next.id, start: next.occurrence.start, end: next.occurrence.end, status: next.status },
      }),
      ...(pair.calendar.chatId && { chatId: pair.calendar.chatId }),
      ...(pair.calendar.joinUrl && { joinUrl: pair.calendar.joinUrl }),
    };
  }

  private async indexUser(userId: UserId, pairId: string): Promise<void> {
    await this.access.docs.mutate<UserIndexDocument, void>(keys.userIndex(userId), (current) => {
      const doc = current ?? { schema: 1, pairIds: [] };
      if (doc.pairIds.includes(pairId)) return { result: undefined };
      doc.pairIds.push(pairId);
      return { write: doc, result: undefined };
    });
  }
}

/** Chat ids hold ':' and '@', which are not document-key characters. */
export function encodeChatId(chatId: string): string {
  return chatId.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
