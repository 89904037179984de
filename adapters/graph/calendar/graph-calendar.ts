import type { Event, User } from '@microsoft/microsoft-graph-types';
import { NotFoundError, ValidationError, notInvited } from '../../../core/errors';
import type { Cadence } from '../../../core/model/cadence';
import type { CalendarLink } from '../../../core/model/documents';
import type {
  Calendar,
  CreateSeriesRequest,
  LinkSeriesRequest,
  Occurrence,
  SeriesInfo,
} from '../../../core/ports/calendar';
import { toInstant, toWallClock } from '../../../core/model/zoned-time';
import { graphErrorFrom } from '../client/graph-error';
import type { BatchAnswer, GraphApi } from '../client/graph-http';
import type { GraphPrincipals } from '../client/graph-principals';
import { cadenceOf, chatIdOf, firstSlot, recurrenceOf } from './graph-recurrence';

const DAY = 86_400_000;
/** How far a moved occurrence may sit from its original start and still be found in a window. */
const MOVE_REACH = 35 * DAY;
const UTC = { Prefer: 'outlook.timezone="UTC"' };
const INSTANCE_SELECT = '$select=id,type,originalStart,start,end,isCancelled,seriesMasterId&$top=100';

interface Mailbox {
  readonly graph: GraphApi;
  /** `/me` when acting as the organizer, `/users/{id}` app-only. */
  readonly base: string;
}

/**
 * The pair's series on the organizer's Outlook calendar. Writes are delegated as the organizer (only they move
 * or skip, and only from their own requests); reads fall back to app-only access to the organizer's mailbox
 * when the other person opens the agenda. The event body is never written: Graph would regenerate the Teams
 * join link.
 */
export class GraphCalendar implements Calendar {
  constructor(
    private readonly principals: GraphPrincipals,
    /**
     * Told when a series is created or adopted (subscribing to the organizer's calendar); not waited for
     * beyond its own call, and its failure is its own (the server runs it after the answer).
     */
    private readonly afterCreate: (organizerId: string) => Promise<void> = async () => undefined,
  ) {}

  async createSeries(request: CreateSeriesRequest): Promise<CalendarLink> {
    const graph = this.principals.asUser(request.organizerId);
    const attendee: User = request.attendee
      ? { mail: request.attendee.email, displayName: request.attendee.displayName }
      : await graph.json<User>({
          method: 'GET',
          path: `/users/${encodeURIComponent(request.attendeeId)}?$select=displayName,mail,userPrincipalName`,
        });
    const address = attendee.mail ?? attendee.userPrincipalName;
    if (!address) throw new ValidationError('the report has no mailbox to invite', 'reportId');
    const slot = firstSlot(request.cadence);
    const event = await graph.json<Event>({
      method: 'POST',
      path: '/me/events',
      body: {
        subject: request.subject,
        start: { dateTime: slot.start, timeZone: request.cadence.timeZone },
        end: { dateTime: slot.end, timeZone: request.cadence.timeZone },
        recurrence: recurrenceOf(request.cadence),
        attendees: [{ emailAddress: { address, name: attendee.displayName ?? address }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        allowNewTimeProposals: true,
        // Graph returns the existing event for a repeated transactionId: a retried create is no duplicate.
        transactionId: request.transactionId,
      } satisfies Event,
    });
    await this.afterCreate(request.organizerId);
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    const chatId = chatIdOf(joinUrl);
    return {
      provider: 'graph',
      seriesId: event.id!,
      organizerId: request.organizerId,
      ...(joinUrl && { joinUrl }),
      ...(chatId && { chatId }),
    };
  }

  /**
   * An event the organizer made in Outlook, adopted as the 1:1's series (the Outlook add-in). The client's ids
   * are only a pointer: the event is read from the organizer's own calendar, an occurrence leads to its
   * series master, and its Teams meeting must be the one the client named.
   */
  async linkSeries(request: LinkSeriesRequest): Promise<CalendarLink> {
    if (!request.seriesId) throw new ValidationError('is needed to adopt an event from Graph', 'seriesId');
    const graph = this.principals.asUser(request.organizerId);
    const event = await graph.json<Event>({
      method: 'GET',
      path: `/me/events/${encodeURIComponent(request.seriesId)}?$select=id,type,seriesMasterId,onlineMeeting,attendees`,
    });
    const masterId = event.type === 'occurrence' || event.type === 'exception' ? event.seriesMasterId : event.id;
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    const chatId = chatIdOf(joinUrl);
    if (!masterId || chatId !== request.chatId)
      throw new ValidationError("is not this event's Teams meeting", 'chatId');
    // The report must be invited to the event: a 1:1 is never made with someone the meeting is not for.
    const report = await graph.json<User>({
      method: 'GET',
      path: `/users/${encodeURIComponent(request.attendeeId)}?$select=mail,userPrincipalName`,
    });
    const invited = new Set((event.attendees ?? []).map((a) => a.emailAddress?.address?.toLowerCase()));
    if (![report.mail, report.userPrincipalName].some((a) => a && invited.has(a.toLowerCase()))) throw notInvited();
    await this.afterCreate(request.organizerId);
    return { provider: 'graph', seriesId: masterId, organizerId: request.organizerId, joinUrl, chatId };
  }

  async listOccurrences(link: CalendarLink, from: Date, to: Date): Promise<Occurrence[]> {
    const mailbox = this.mailbox(link.organizerId);
    // The series master (for cancelled occurrences) and the instances in one round trip.
    const answers = await mailbox.graph.batch(occurrenceCalls(mailbox.base, link.seriesId, from, to, ''));
    return readOccurrences(mailbox.graph, answers, '', from, to);
  }

  /**
   * Occurrences of many series at once, app-only (a background sync): two requests per series, sent in
   * `$batch`es of 20, so 50 series cost 5 round trips instead of 50.
   */
  async listOccurrencesOfMany(
    links: readonly CalendarLink[],
    from: Date,
    to: Date,
  ): Promise<Map<string, Occurrence[]>> {
    const graph = this.principals.asApp('calendar-sync');
    const calls = links.flatMap((link, i) =>
      occurrenceCalls(`/users/${encodeURIComponent(link.organizerId)}`, link.seriesId, from, to, `${i}-`),
    );
    const answers = await graph.batch(calls);
    const result = new Map<string, Occurrence[]>();
    for (const [i, link] of links.entries()) {
      result.set(link.seriesId, await readOccurrences(graph, answers, `${i}-`, from, to));
    }
    return result;
  }

  async moveOccurrence(link: CalendarLink, originalStart: string, newStart: Date): Promise<Occurrence> {
    const graph = this.principals.asUser(link.organizerId);
    const instance = await this.findInstance(graph, link, originalStart);
    const current = toOccurrence(instance);
    const end = new Date(newStart.getTime() + Date.parse(current.end) - Date.parse(current.start));
    await graph.json({
      method: 'PATCH',
      path: `/me/events/${encodeURIComponent(instance.id!)}`,
      body: {
        start: { dateTime: iso(newStart.getTime()).slice(0, -1), timeZone: 'UTC' },
        end: { dateTime: iso(end.getTime()).slice(0, -1), timeZone: 'UTC' },
      } satisfies Event,
    });
    return { ...current, start: newStart.toISOString(), end: end.toISOString() };
  }

  async cancelOccurrence(link: CalendarLink, originalStart: string): Promise<void> {
    const graph = this.principals.asUser(link.organizerId);
    let instance: Event;
    try {
      instance = await this.findInstance(graph, link, originalStart);
    } catch (error) {
      // Already cancelled (a retried skip): nothing left to do.
      if (error instanceof ValidationError) return;
      throw error;
    }
    const call = {
      method: 'POST' as const,
      path: `/me/events/${encodeURIComponent(instance.id!)}/cancel`,
      body: { comment: 'Skipped in Tandem' },
    };
    const answer = await graph.send(call);
    if (answer.status < 300) return;
    // A cancel whose answer was lost and that was sent again finds nothing left to cancel: that is success.
    if (answer.status === 404) {
      const [now] = await this.listOccurrences(
        link,
        new Date(Date.parse(originalStart)),
        new Date(Date.parse(originalStart) + 1),
      );
      if (now?.status === 'cancelled') return;
    }
    throw graphErrorFrom(answer.status, answer.headers, answer.text, call.method, call.path);
  }

  /** The series master's cancel: Outlook sends the attendee a cancellation; one already gone is success. */
  async cancelSeries(link: CalendarLink): Promise<void> {
    const graph = this.principals.asUser(link.organizerId);
    const call = {
      method: 'POST' as const,
      path: `/me/events/${encodeURIComponent(link.seriesId)}/cancel`,
      body: { comment: 'This 1:1 was deleted in Tandem' },
    };
    const answer = await graph.send(call);
    if (answer.status < 300 || answer.status === 404) return;
    throw graphErrorFrom(answer.status, answer.headers, answer.text, call.method, call.path);
  }

  /**
   * PATCHes the series master's start, end and recurrence (docs/graph-facts.md, Events and recurrence): the
   * event keeps its id and its Teams meeting, and its body is never written.
   */
  async changeSeries(link: CalendarLink, cadence: Cadence): Promise<void> {
    const graph = this.principals.asUser(link.organizerId);
    const slot = firstSlot(cadence);
    await graph.json({
      method: 'PATCH',
      path: `/me/events/${encodeURIComponent(link.seriesId)}`,
      body: {
        start: { dateTime: slot.start, timeZone: cadence.timeZone },
        end: { dateTime: slot.end, timeZone: cadence.timeZone },
        recurrence: recurrenceOf(cadence),
      } satisfies Event,
    });
  }

  /** Subscribes to the organizer's calendar, as after a series is created or adopted. */
  async watch(organizerId: string): Promise<void> {
    await this.afterCreate(organizerId);
  }

  /**
   * A series in the organizer's calendar (delegated when they are the caller, else app-only): an occurrence
   * leads to its master. Its attendees are their addresses; its cadence read from the master's local start.
   */
  async readSeries(organizerId: string, seriesId: string): Promise<SeriesInfo> {
    const mailbox = this.mailbox(organizerId);
    const select = '$select=id,type,seriesMasterId,start,end,originalStartTimeZone,recurrence,attendees,onlineMeeting';
    const read = async (id: string): Promise<Event> => {
      const answer = await mailbox.graph.send({
        method: 'GET',
        path: `${mailbox.base}/events/${encodeURIComponent(id)}?${select}`,
        headers: UTC,
      });
      if (answer.status === 404 || answer.status === 400)
        throw new NotFoundError('no such calendar series', 'seriesId');
      if (answer.status >= 300)
        throw graphErrorFrom(answer.status, answer.headers, answer.text, 'GET', `${mailbox.base}/events`);
      return JSON.parse(answer.text) as Event;
    };
    let event = await read(seriesId);
    if ((event.type === 'occurrence' || event.type === 'exception') && event.seriesMasterId)
      event = await read(event.seriesMasterId);
    if (event.type !== 'seriesMaster' || !event.id)
      throw new ValidationError('must be a recurring meeting', 'seriesId');
    const timeZone = event.originalStartTimeZone ?? 'UTC';
    const start = new Date(utcInstant(event.start));
    const wall = toWallClock(start, timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    const cadence = cadenceOf(
      event.recurrence,
      { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` },
      timeZone,
      Math.round((Date.parse(utcInstant(event.end)) - start.getTime()) / 60_000),
    );
    if (!cadence)
      throw new ValidationError('must repeat weekly, every two weeks or monthly on one weekday', 'seriesId');
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    const chatId = chatIdOf(joinUrl);
    const until = event.recurrence?.range?.type === 'endDate' ? event.recurrence.range.endDate : undefined;
    return {
      link: {
        provider: 'graph',
        seriesId: event.id,
        organizerId,
        ...(joinUrl && { joinUrl }),
        ...(chatId && { chatId }),
      },
      cadence,
      attendees: (event.attendees ?? []).flatMap((a) =>
        a.emailAddress?.address ? [a.emailAddress.address.toLowerCase()] : [],
      ),
      ...(until && { until }),
    };
  }

  private async findInstance(graph: GraphApi, link: CalendarLink, originalStart: string): Promise<Event> {
    const at = Date.parse(originalStart);
    const occurrences = await this.listOccurrences(link, new Date(at), new Date(at + 1));
    const occurrence = occurrences[0];
    if (!occurrence) throw new NotFoundError('no such occurrence', 'sessionId');
    if (occurrence.status === 'cancelled')
      throw new ValidationError('a cancelled occurrence cannot be moved', 'sessionId');
    const window = `startDateTime=${iso(Date.parse(occurrence.start))}&endDateTime=${iso(Date.parse(occurrence.start) + 60_000)}`;
    const instances = await graph.all<Event>(
      `/me/events/${encodeURIComponent(link.seriesId)}/instances?${window}&${INSTANCE_SELECT}`,
    );
    const instance = instances.find((e) => e.originalStart && Date.parse(e.originalStart) === at);
    if (!instance?.id) throw new NotFoundError('no such occurrence', 'sessionId');
    return instance;
  }

  private mailbox(organizerId: string): Mailbox {
    if (this.principals.currentUser() === organizerId) {
      return { graph: this.principals.asUser(organizerId), base: '/me' };
    }
    return { graph: this.principals.asApp(organizerId), base: `/users/${encodeURIComponent(organizerId)}` };
  }
}

function occurrenceCalls(base: string, seriesId: string, from: Date, to: Date, prefix: string) {
  const id = encodeURIComponent(seriesId);
  const window = `startDateTime=${iso(from.getTime() - MOVE_REACH)}&endDateTime=${iso(to.getTime() + MOVE_REACH)}`;
  return [
    {
      id: `${prefix}master`,
      method: 'GET' as const,
      path: `${base}/events/${id}?$select=start,end,originalStartTimeZone,cancelledOccurrences`,
      headers: UTC,
    },
    {
      id: `${prefix}instances`,
      method: 'GET' as const,
      path: `${base}/events/${id}/instances?${window}&${INSTANCE_SELECT}`,
      headers: UTC,
    },
  ];
}

async function readOccurrences(
  graph: GraphApi,
  answers: Map<string, BatchAnswer>,
  prefix: string,
  from: Date,
  to: Date,
): Promise<Occurrence[]> {
  const master = bodyOf<Event>(answers.get(`${prefix}master`), 'master');
  const page = bodyOf<{ value: Event[]; '@odata.nextLink'?: string }>(answers.get(`${prefix}instances`), 'instances');
  const instances = [...page.value];
  if (page['@odata.nextLink']) instances.push(...(await graph.all<Event>(page['@odata.nextLink'])));
  const occurrences: Occurrence[] = instances.filter((e) => !e.isCancelled).map(toOccurrence);
  occurrences.push(...cancelledOccurrences(master));
  return occurrences
    .filter((o) => Date.parse(o.originalStart) >= from.getTime() && Date.parse(o.originalStart) < to.getTime())
    .sort((a, b) => a.originalStart.localeCompare(b.originalStart));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Graph's `dateTime` with `timeZone: UTC` has no zone designator and seven fraction digits. */
function utcInstant(value: { dateTime?: string | null } | null | undefined): string {
  const text = value?.dateTime ?? '';
  return new Date(`${text.replace(/Z$/, '').slice(0, 23)}Z`).toISOString();
}

function toOccurrence(event: Event): Occurrence {
  return {
    originalStart: new Date(event.originalStart!).toISOString(),
    start: utcInstant(event.start),
    end: utcInstant(event.end),
    status: 'scheduled',
  };
}

/**
 * The organizer's cancelled occurrences are gone from /instances; the master lists them as
 * `OID.{masterId}.{yyyy-MM-dd}` (a date in the series' zone), at the series' local time of day.
 */
function cancelledOccurrences(master: Event): Occurrence[] {
  const timeZone = master.originalStartTimeZone ?? 'UTC';
  const start = new Date(utcInstant(master.start));
  const duration = Date.parse(utcInstant(master.end)) - start.getTime();
  const local = toWallClock(start, timeZone);
  return (master.cancelledOccurrences ?? []).flatMap((entry) => {
    const m = /\.(\d{4})-(\d{2})-(\d{2})$/.exec(entry);
    if (!m) return [];
    const at = toInstant(
      { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: local.hour, minute: local.minute },
      timeZone,
    );
    return [
      {
        originalStart: at.toISOString(),
        start: at.toISOString(),
        end: iso(at.getTime() + duration),
        status: 'cancelled' as const,
      },
    ];
  });
}

function bodyOf<T>(answer: { status: number; body: unknown } | undefined, id: string): T {
  if (!answer) throw new Error(`the batch has no answer for ${id}`);
  // Deleted in Outlook, or never there: the same answer the local calendar gives (the Calendar contract).
  if (answer.status === 404) throw new NotFoundError('no such calendar series', 'seriesId');
  if (answer.status >= 300) {
    throw graphErrorFrom(answer.status, new Headers(), JSON.stringify(answer.body ?? {}), 'GET', `$batch:${id}`);
  }
  return answer.body as T;
}
