import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  keys,
  type ChatIndexDocument,
  type PairDocument,
  type UserId,
  type UserIndexDocument,
} from '../model/documents';
import { horizonOf } from '../model/horizon';
import { encodeChatId } from '../model/ids';
import type { SeriesInfo } from '../ports/calendar';
import type { TandemDeps } from './deps';
import { assertWritable, type PairAccess } from './pair-access';
import { occurrencesOf } from './pair-occurrences';
import { firstStartOf } from './schedule';

/** What a 1:1 answers after it follows another series. */
export interface FollowedSeries {
  readonly pairId: string;
  readonly seriesId: string;
  readonly organizerId: UserId;
  /** From this instant on the new series is the record; what came before stays as it was. */
  readonly calendarFrom: string;
}

/**
 * A 1:1 moves to another calendar series and keeps its history (docs/occurrences.md, "Following another
 * series"): Outlook's "this and all following" (the old series ends, a new one starts), a series deleted and
 * made again, or a series now organized by the other person. Either of the pair's two people links a series
 * from their own calendar; the organizer's new series is followed on its own when the old one has ended.
 */
export class PairSeriesUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
  ) {}

  /**
   * One of the pair's two people links a series from their own calendar: its only attendee must be the other
   * person. The caller becomes the organizer Tandem moves and skips through.
   */
  async link(actor: UserId, pairId: string, seriesId: string): Promise<FollowedSeries> {
    if (typeof seriesId !== 'string' || !/^[A-Za-z0-9_=+/.:-]{1,512}$/.test(seriesId))
      throw new ValidationError('must be the id of a series in your calendar', 'seriesId');
    const { pair } = await this.access.member(actor, pairId);
    assertWritable(pair);
    const info = await this.readSeries(actor, seriesId);
    const other = actor === pair.managerId ? pair.reportId : pair.managerId;
    if (!(await this.isOnlyAttendee(info, other)))
      throw new ValidationError("must be a series with exactly this 1:1's two people", 'seriesId');
    const followed = await this.follow(pair, info, actor);
    await this.deps.calendar.watch?.(actor);
    return followed;
  }

  /**
   * A series changed or appeared in `organizerId`'s calendar (a change notification). When it is a series with
   * exactly one other person, and the organizer's one active 1:1 with that person has a series that ended
   * before it (Outlook's "this and all following") or is gone (deleted and made again), the 1:1 follows it.
   * Anything else changes nothing: a second series with the same person beside a running one is on purpose.
   */
  async followInCalendar(organizerId: UserId, seriesId: string): Promise<FollowedSeries | undefined> {
    let info: SeriesInfo;
    try {
      info = await this.readSeries(organizerId, seriesId);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ValidationError) return undefined;
      throw error;
    }
    if (info.attendees.length !== 1) return undefined;
    if (info.link.chatId && (await this.access.pairIdOfChat(info.link.chatId))) return undefined;
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(organizerId));
    const candidates: PairDocument[] = [];
    for (const pairId of index?.body.pairIds ?? []) {
      const pair = (await this.access.docs.read<PairDocument>(keys.pair(pairId)))?.body;
      if (!pair || pair.archived || pair.deleting || pair.calendar.organizerId !== organizerId) continue;
      if (pair.calendar.seriesId === info.link.seriesId) return undefined;
      const other = pair.managerId === organizerId ? pair.reportId : pair.managerId;
      if (!(await this.isOnlyAttendee(info, other))) continue;
      if (await this.endedBefore(pair, info)) candidates.push(pair);
    }
    // Two 1:1s with the same person whose series both ended: which one is meant is for people to say.
    if (candidates.length !== 1) return undefined;
    return this.follow(candidates[0]!, info, organizerId);
  }

  private async readSeries(organizerId: UserId, seriesId: string): Promise<SeriesInfo> {
    const read = this.deps.calendar.readSeries?.bind(this.deps.calendar);
    if (!read) throw new ConflictError('this calendar cannot link a 1:1 to another series', 'seriesId');
    return read(organizerId, seriesId);
  }

  private async isOnlyAttendee(info: SeriesInfo, personId: UserId): Promise<boolean> {
    if (info.attendees.length !== 1) return false;
    const [attendee] = info.attendees;
    if (attendee === personId) return true;
    const person = await this.deps.directory.getPerson(personId);
    return !!person?.email && person.email.toLowerCase() === attendee;
  }

  /** The pair's series is gone, or its last date lies before the new series' first. */
  private async endedBefore(pair: PairDocument, next: SeriesInfo): Promise<boolean> {
    try {
      const current = await this.readSeries(pair.calendar.organizerId, pair.calendar.seriesId);
      return !!current.until && current.until < next.cadence.startDate;
    } catch (error) {
      if (error instanceof NotFoundError) return true;
      if (error instanceof ValidationError) return false;
      throw error;
    }
  }

  /**
   * The occurrences before the new series takes over are copied into the pair (as a cadence change does),
   * then the pair points at the new series, its chat indexed. It takes over from its first meeting, or from
   * now when that is past (its earlier meetings were not this 1:1's). A series deleted whole took its
   * occurrences with it: Tandem keeps what it had copied before.
   */
  private async follow(pair: PairDocument, info: SeriesInfo, by: UserId): Promise<FollowedSeries> {
    const now = this.deps.clock.now();
    const cut = new Date(Math.max(firstStartOf(info.cadence).getTime(), now.getTime()));
    const result = (calendarFrom: string): FollowedSeries => ({
      pairId: pair.id,
      seriesId: info.link.seriesId,
      organizerId: info.link.organizerId,
      calendarFrom,
    });
    if (pair.calendar.seriesId === info.link.seriesId) return result(pair.calendarFrom ?? cut.toISOString());
    const since = pair.calendarFrom ? new Date(pair.calendarFrom) : firstStartOf(pair.cadence);
    const from = new Date(Math.max(since.getTime(), horizonOf(now).earliest.getTime()));
    let kept: Awaited<ReturnType<typeof occurrencesOf>> = [];
    if (from < cut) {
      try {
        kept = await occurrencesOf(this.deps.calendar, pair, from, cut);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        kept = (pair.pastOccurrences ?? []).filter((o) => o.originalStart >= from.toISOString());
      }
    }
    if (info.link.chatId) await this.indexChat(info.link.chatId, pair.id);
    const calendarFrom = await this.access.mutatePair(pair.id, (p) => {
      if (p.calendar.seriesId === info.link.seriesId)
        return { changed: false, result: p.calendarFrom ?? cut.toISOString() };
      p.pastOccurrences = [
        ...(p.pastOccurrences ?? []).filter((o) => Date.parse(o.originalStart) < from.getTime()),
        ...kept.filter((o) => Date.parse(o.originalStart) < cut.getTime()),
      ];
      p.calendarFrom = cut.toISOString();
      p.calendar = info.link;
      p.cadence = info.cadence;
      return { changed: true, result: p.calendarFrom };
    });
    this.access.publish({ pairId: pair.id, kind: 'schedule', by });
    return result(calendarFrom);
  }

  /** The new series' Teams chat leads to the pair (the old chat's index stays: its history is the pair's). */
  private async indexChat(chatId: string, pairId: string): Promise<void> {
    await this.access.docs.mutate<ChatIndexDocument, void>(keys.chatIndex(encodeChatId(chatId)), (current) => {
      if (current && current.pairId !== pairId)
        throw new ConflictError('this meeting already belongs to another 1:1', 'seriesId');
      return current ? { result: undefined } : { write: { schema: 1, pairId }, result: undefined };
    });
  }
}
