import { visibleTo } from '../model/private-topics';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { validateCadence, type Cadence } from '../model/cadence';
import {
  keys,
  otherMember,
  type ActionItem,
  type CalendarLink,
  type ChatIndexDocument,
  type Goal,
  type PairArchive,
  type PairDocument,
  type Topic,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { assertClientId, encodeChatId } from '../model/ids';
import { DEFAULT_TEMPLATE, type Template } from '../model/sections';
import { MOVE_REACH_DAYS, nextSlot, toSlot, type SessionStatus } from '../model/timeline';
import { toInstant } from '../model/zoned-time';
import { step, type Mutation } from '../concurrency/documents';
import type { Occurrence } from '../ports/calendar';
import { isValidDocumentKey, type StoredDocument } from '../ports/document-store';
import type { PersonRef } from '../model/agenda-view';
import type { Person } from '../ports/directory';
import type { TandemDeps } from './deps';
import { CHAT_ID, type PairAccess } from './pair-access';

const DAY = 86_400_000;
/** How far ahead a summary looks for the next session. */
const SUMMARY_DAYS = 100;

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
  /** Present when read-only: why, since when, and for a leaver's 1:1 until when it can be read. */
  readonly archived?: PairArchive;
  /** The report organizes the series (linked after the organizer swapped): they move and skip, not the manager. */
  readonly organizedByReport?: true;
}

export interface Me {
  readonly user: Person;
  /** The 1:1s in use. */
  readonly pairs: PairSummary[];
  /** Read-only 1:1s, listed apart. */
  readonly archived: PairSummary[];
  /** New 1:1s the directory suggests (a report moved to a new manager), until made or dismissed. */
  readonly proposals: PairProposalView[];
}

/** A proposal with both people's names, as the tab shows it. */
export interface PairProposalView {
  readonly fromPairId: string;
  readonly manager: PersonRef;
  readonly report: PersonRef;
  readonly at: string;
  /** The new 1:1, once made (shown to the report only): what carries over goes there. */
  readonly newPairId?: string;
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
  /** A second 1:1 with the same report is refused (`duplicate-pair`) unless the manager says so here. */
  readonly allowDuplicate?: boolean;
}

/** An existing Outlook event with a Teams meeting, made a 1:1 from the add-in. */
export interface LinkPairInput extends CreatePairInput {
  readonly chatId: string;
  readonly joinUrl?: string;
  readonly seriesId?: string;
  /** The event's attendee addresses as the add-in read them (the report must be one of them). */
  readonly attendees?: readonly string[];
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
    const summaries = await Promise.all((index?.body.pairIds ?? []).map((id) => this.summary(actor, id)));
    const all = summaries.filter((p): p is PairSummary => p !== undefined);
    // For the new manager a proposal is done once the new 1:1 exists; the report keeps it, with the new 1:1's
    // id, to choose what carries over into it, until they put it away.
    const open = (index?.body.proposals ?? []).flatMap((p) => {
      const made = all.find((s) => !s.archived && s.other.id === (p.managerId === actor ? p.reportId : p.managerId));
      if (made && p.managerId === actor) return [];
      return [{ proposal: p, newPairId: made?.id }];
    });
    const proposals = await Promise.all(
      open.map(async ({ proposal: p, newPairId }) => ({
        fromPairId: p.fromPairId,
        manager: await this.access.personRef(p.managerId),
        report: await this.access.personRef(p.reportId),
        at: p.at,
        ...(newPairId && { newPairId }),
      })),
    );
    return { user, pairs: all.filter((p) => !p.archived), archived: all.filter((p) => p.archived), proposals };
  }

  /** Everything that spans sessions: goals, every action item, the topic backlog. */
  async overview(actor: UserId, pairId: string): Promise<PairOverview> {
    const summary = await this.summary(actor, pairId);
    if (!summary) throw new NotFoundError('no such pair', 'pairId');
    const pair = await this.access.withHistory((await this.access.member(actor, pairId)).pair);
    return {
      ...summary,
      ...(await this.access.people(pair)),
      template: pair.template,
      goals: pair.goals,
      actionItems: pair.actionItems,
      backlog: pair.topics.filter((t) => !t.sessionId && visibleTo(actor)(t)),
    };
  }

  /** The manager's direct reports, to pick from when starting a 1:1. */
  async proposeReports(actor: UserId): Promise<Person[]> {
    return this.deps.directory.getDirectReports(actor);
  }

  /**
   * A manager starts a 1:1 with one of their direct reports. The calendar series is created first (with the
   * pair id as its transaction id, so a retry makes no duplicate), then the indexes and the pair document in
   * one ordered write: until the pair is written nothing is visible, and a retry with the same id finishes
   * the job.
   */
  async create(actor: UserId, input: CreatePairInput): Promise<{ pair: PairSummary; created: boolean }> {
    const prepared = await this.prepare(actor, input);
    if ('existing' in prepared) return prepared.existing;
    const { id, report, indexes } = prepared;
    if (!input.allowDuplicate) await this.refuseDuplicate(actor, input.reportId, indexes.manager);
    const calendar = await this.deps.calendar.createSeries(await this.seriesRequest(actor, report, input, id));
    // A series just made from the cadence has no exceptions yet: its first occurrence is the booked one.
    return this.establish(actor, id, report, input.cadence, calendar, { ...indexes, chat: undefined }, true);
  }

  /**
   * The organizer makes an existing event with a Teams meeting a 1:1 (the Outlook add-in): the series is
   * adopted, not created again, and its meeting chat becomes the pair's key. Idempotent for the same pair;
   * a meeting that already belongs to another 1:1 is refused.
   */
  async link(actor: UserId, input: LinkPairInput): Promise<{ pair: PairSummary; created: boolean }> {
    if (!CHAT_ID.test(input.chatId) || !input.chatId.startsWith('19:'))
      throw new ValidationError('must be a Teams meeting chat id (19:…@thread.v2)', 'chatId');
    const prepared = await this.prepare(actor, input);
    if ('existing' in prepared) return prepared.existing;
    const { id, report, indexes } = prepared;
    const existing = await this.access.docs.read<ChatIndexDocument>(keys.chatIndex(encodeChatId(input.chatId)));
    if (existing) {
      const pair = await this.access.docs.read<PairDocument>(keys.pair(existing.body.pairId));
      if (pair?.body.managerId === actor && pair.body.reportId === input.reportId)
        return { pair: (await this.summary(actor, pair.body.id))!, created: false };
      throw new ConflictError('this meeting already belongs to a 1:1', 'chatId');
    }
    if (!input.allowDuplicate) await this.refuseDuplicate(actor, input.reportId, indexes.manager);
    if (!this.deps.calendar.linkSeries)
      throw new ValidationError('this calendar cannot adopt an existing event: start a new 1:1 instead', 'chatId');
    const calendar = await this.deps.calendar.linkSeries({
      ...(await this.seriesRequest(actor, report, input, id)),
      chatId: input.chatId,
      ...(input.joinUrl && { joinUrl: input.joinUrl }),
      ...(input.seriesId && { seriesId: input.seriesId }),
      ...(input.attendees && { attendees: input.attendees }),
      ...(report.email && { attendeeEmail: report.email }),
    });
    return this.establish(actor, id, report, input.cadence, calendar, { ...indexes, chat: existing }, false);
  }

  private async seriesRequest(actor: UserId, report: Person, input: CreatePairInput, id: string) {
    const manager = await this.deps.directory.getPerson(actor);
    return {
      organizerId: actor,
      attendeeId: report.id,
      ...(report.email && { attendee: { email: report.email, displayName: report.displayName } }),
      subject: `${manager?.displayName ?? actor} / ${report.displayName} 1:1`,
      cadence: input.cadence,
      transactionId: id,
    };
  }

  /**
   * The meeting chat's index, both people's indexes, then the pair document last, as one ordered write from
   * what was just read (one `$batch` on Graph): until the pair is written nothing is visible, and a retry
   * finishes the job. A write whose document changed meanwhile is redone from a fresh read, in order.
   */
  private async establish(
    actor: UserId,
    id: string,
    report: Person,
    cadence: Cadence,
    calendar: CalendarLink,
    read: Indexes & { readonly chat: StoredDocument<ChatIndexDocument> | undefined },
    newSeries: boolean,
  ): Promise<{ pair: PairSummary; created: boolean }> {
    const chatId = calendar.chatId;
    const pair: PairDocument = {
      schema: 1,
      id,
      managerId: actor,
      reportId: report.id,
      createdAt: this.access.now(),
      createdBy: actor,
      cadence,
      template: DEFAULT_TEMPLATE,
      calendar,
      promptHoursBefore: 24,
      topics: [],
      actionItems: [],
      goals: [],
    };
    const results = await this.access.docs.mutateInOrder([
      ...(chatId
        ? [
            step<ChatIndexDocument, void>(
              keys.chatIndex(encodeChatId(chatId)),
              (current) => {
                if (current && current.pairId !== id)
                  throw new ConflictError('this meeting already belongs to a 1:1', 'chatId');
                return current ? { result: undefined } : { write: { schema: 1, pairId: id }, result: undefined };
              },
              read.chat,
            ),
          ]
        : []),
      step(keys.userIndex(actor), withPair(id), read.manager),
      step(keys.userIndex(report.id), withPair(id), read.report),
      // Absent when prepare read it: If-None-Match, and a pair made meanwhile is left as it is.
      step<PairDocument, boolean>(
        keys.pair(id),
        (current) => (current ? { result: false } : { write: pair, result: true }),
        undefined,
      ),
    ]);
    if (results.at(-1) !== true) {
      const existing = await this.summary(actor, id);
      if (!existing) throw new ConflictError('a different pair already has this id', 'id');
      return { pair: existing, created: false };
    }
    // A new pair: the bot's planner plans its reminders now, not at its next full reconciliation.
    this.access.publish({ pairId: id, kind: 'pair', by: actor });
    const first = newSeries ? firstOccurrenceOf(cadence) : undefined;
    return {
      pair: (first && this.freshSummary(actor, pair, report, first)) ?? (await this.summary(actor, id))!,
      created: true,
    };
  }

  /**
   * The summary of a pair just made, from what the create already has (no re-read, no calendar listing):
   * its next session is the series' first occurrence unless that is over already.
   */
  private freshSummary(actor: UserId, pair: PairDocument, report: Person, first: Occurrence): PairSummary | undefined {
    const now = this.deps.clock.now().getTime();
    // Over already: a later occurrence is next, and only the calendar knows it.
    if (Date.parse(first.end) <= now) return undefined;
    this.access.remember(pair);
    const slot = toSlot(first, undefined, this.deps.clock.now());
    return {
      id: pair.id,
      role: 'manager',
      other: { id: report.id, displayName: report.displayName },
      cadence: pair.cadence,
      // Beyond the window summary() looks at, it names no next session either.
      ...(Date.parse(first.start) < now + SUMMARY_DAYS * DAY && {
        nextSession: { id: slot.id, start: first.start, end: first.end, status: slot.status },
      }),
      ...(pair.calendar.chatId && { chatId: pair.calendar.chatId }),
      ...(pair.calendar.joinUrl && { joinUrl: pair.calendar.joinUrl }),
    };
  }

  /**
   * Checks shared by create and link: the id, the cadence, a direct report, and a retry of the same pair.
   * The direct reports, the pair id and both people's indexes are looked up at once (the store reads the
   * documents together), so the writes after the series need no read of their own.
   */
  private async prepare(
    actor: UserId,
    input: CreatePairInput,
  ): Promise<{ id: string; report: Person; indexes: Indexes } | { existing: { pair: PairSummary; created: false } }> {
    const id = input.id ?? this.deps.ids.newId();
    assertClientId(id, 'id');
    validateCadence(input.cadence, 'cadence.');
    const readIndex = (userId: UserId) =>
      isValidDocumentKey(keys.userIndex(userId))
        ? this.access.docs.read<UserIndexDocument>(keys.userIndex(userId))
        : Promise.resolve(undefined);
    // The pair is only looked at once the report is known to be the actor's.
    const [reports, existing, manager, reportIndex] = await Promise.all([
      this.deps.directory.getDirectReports(actor),
      this.access.docs.read<PairDocument>(keys.pair(id)),
      readIndex(actor),
      readIndex(input.reportId),
    ]);
    const report = reports.find((r) => r.id === input.reportId);
    if (!report) throw new ForbiddenError('is not one of your direct reports', 'reportId');
    if (existing) {
      if (existing.body.managerId === actor && existing.body.reportId === input.reportId) {
        return { existing: { pair: (await this.summary(actor, id))!, created: false } };
      }
      throw new ConflictError('a different pair already has this id', 'id');
    }
    return { id, report, indexes: { manager, report: reportIndex } };
  }

  /**
   * A second 1:1 with the same report is almost always a mistake: refused with the existing one's id (so
   * the client can open it) unless the request says `allowDuplicate`. Archived ones do not count.
   */
  private async refuseDuplicate(
    actor: UserId,
    reportId: UserId,
    index: StoredDocument<UserIndexDocument> | undefined,
  ): Promise<void> {
    const pairs = await Promise.all(
      (index?.body.pairIds ?? []).map((id) => this.access.docs.read<PairDocument>(keys.pair(id))),
    );
    const same = pairs.find(
      (p) => p && p.body.managerId === actor && p.body.reportId === reportId && !p.body.archived && !p.body.deleting,
    );
    if (same)
      throw new ConflictError('you already have a 1:1 with this person', 'reportId', {
        pairId: same.body.id,
      }).withCode('duplicate-pair');
  }

  /** The pair a Teams meeting chat belongs to (tab, bot and Outlook add-in all start from it). */
  async byChat(actor: UserId, chatId: string): Promise<PairSummary> {
    const pairId = await this.access.pairIdOfChat(chatId);
    const summary = pairId && (await this.summary(actor, pairId));
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
    // An archived 1:1 has no next session in Tandem (its series, if still in a calendar, is not Tandem's).
    // Otherwise reach back as far as a meeting may be postponed: one moved past its successor may be the next.
    const slots = pair.archived
      ? []
      : await this.access.slots(pair, new Date(now - MOVE_REACH_DAYS * DAY), new Date(now + SUMMARY_DAYS * DAY));
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
      ...(pair.archived && { archived: pair.archived }),
      ...(pair.calendar.organizerId === pair.reportId && { organizedByReport: true as const }),
    };
  }
}

interface Indexes {
  readonly manager: StoredDocument<UserIndexDocument> | undefined;
  readonly report: StoredDocument<UserIndexDocument> | undefined;
}

/** Adds the pair to a person's index (nothing to write when it is there already). */
function withPair(pairId: string) {
  return (current: UserIndexDocument | undefined): Mutation<UserIndexDocument, void> => {
    const doc = current ?? { schema: 1, pairIds: [] };
    if (doc.pairIds.includes(pairId)) return { result: undefined };
    doc.pairIds.push(pairId);
    return { write: doc, result: undefined };
  };
}

/** The booked first occurrence of a cadence: its start date at its time in its zone. */
function firstOccurrenceOf(cadence: Cadence): Occurrence {
  const [year, month, day] = cadence.startDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  const start = toInstant({ year, month, day, hour, minute }, cadence.timeZone);
  const end = new Date(start.getTime() + cadence.durationMinutes * 60_000);
  return {
    originalStart: start.toISOString(),
    start: start.toISOString(),
    end: end.toISOString(),
    status: 'scheduled',
  };
}
