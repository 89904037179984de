import { toApiError } from './api-error';
import type {
  ActionItem,
  AddActionItemBody,
  AttentionBody,
  AttentionSettings,
  AddGoalBody,
  AddGoalCommentBody,
  AddNoteBody,
  AddTopicBody,
  AgendaView,
  Cadence,
  ChangeCadenceBody,
  CheckInBody,
  CreatePairBody,
  DeepDiveBody,
  DeepDiveChangeBody,
  EditActionItemBody,
  EditGoalBody,
  EditNoteBody,
  EditTopicBody,
  FeedbackBody,
  FollowedSeries,
  Goal,
  GoalComment,
  LinkPairBody,
  LinkSeriesBody,
  Me,
  MeetingQuery,
  MeetingSession,
  MeetingSessionWithAgenda,
  MoveBody,
  Note,
  NowDiscussingBody,
  PairHealth,
  PairExport,
  PairOverview,
  PairSummary,
  Person,
  RatingBody,
  ReleasedRatings,
  ReorderBody,
  SessionListItem,
  SharedHistoryRef,
  TopicSectionId,
  TopicView,
  Win,
  WinBody,
} from './types';
import type { OwnTemplate, PairTemplateView, TemplateInput, TemplateLibrary } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TandemApiOptions {
  /** Origin of the service; '' for same-origin (the tab is served by the service). */
  readonly baseUrl: string;
  /** A current access token: Teams SSO, nested app auth, or an embedded-mode dev token. */
  readonly getToken: () => Promise<string>;
  readonly fetch?: FetchLike;
}

/** A conditional read: the new value and its ETag, or `notModified` when the ETag still matches. */
export type Conditional<T> = { readonly notModified: true } | { readonly notModified: false; value: T; etag?: string };

const enc = encodeURIComponent;

function meetingPath(where: MeetingQuery & { include?: 'agenda' }): string {
  const query = new URLSearchParams(Object.entries(where).filter((e): e is [string, string] => !!e[1]));
  return `/api/meetings/session?${query.toString()}`;
}

/** The typed client of Tandem's REST API (/api/openapi.json), shared by the Teams tab and the Outlook add-in. */
export class TandemApi {
  private readonly fetchImpl: FetchLike;

  constructor(private readonly options: TandemApiOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  me = () => this.get<Me>('/api/me');
  reports = async () => (await this.get<{ reports: Person[] }>('/api/me/reports')).reports;
  pooledRatings = () => this.get<ReleasedRatings>('/api/me/ratings');
  /** My choice of prompts and nudges, for all my 1:1s. */
  attention = () => this.get<AttentionSettings>('/api/me/attention');
  changeAttention = (input: AttentionBody) => this.send<AttentionSettings>('PATCH', '/api/me/attention', input);
  /** Which session a meeting is (the rule is core's): by its chat, or the 1:1, and its start when known. */
  meetingSession = (where: MeetingQuery) => this.get<MeetingSession>(meetingPath(where));
  /** The same with the session's agenda and its ETag: a first screen in one round trip (docs/pages.md). */
  meetingAgenda = (where: MeetingQuery) =>
    this.get<MeetingSessionWithAgenda>(meetingPath({ ...where, include: 'agenda' }));
  overview = (pairId: string) => this.get<PairOverview>(`/api/pairs/${enc(pairId)}`);
  health = (pairId: string) => this.get<PairHealth>(`/api/pairs/${enc(pairId)}/health`);
  sessions = async (pairId: string, from?: string, to?: string) => {
    const query = new URLSearchParams({ ...(from && { from }), ...(to && { to }) }).toString();
    const path = `/api/pairs/${enc(pairId)}/sessions${query ? `?${query}` : ''}`;
    return (await this.get<{ sessions: SessionListItem[] }>(path)).sessions;
  };

  /** The pair's whole history as JSON (sessions, topics, notes, feedback, goals), with my private notes only. */
  exportPair = (pairId: string) => this.get<PairExport>(`/api/pairs/${enc(pairId)}/export?format=json`);
  /**
   * The same export as a file's text, to save: Markdown to read, JSON for other tools. `language`: the host's
   * (Teams') locale, which the Markdown is written in; the browser's own Accept-Language may differ.
   */
  exportPairText = async (pairId: string, format: 'markdown' | 'json', language?: string) =>
    (
      await this.call('GET', `/api/pairs/${enc(pairId)}/export?format=${format}`, undefined, undefined, language)
    ).text();

  createPair = (input: CreatePairBody) => this.send<PairSummary>('POST', '/api/pairs', input);
  /** An existing event's Teams meeting made a 1:1 (the Outlook add-in). */
  linkPair = (input: LinkPairBody) => this.send<PairSummary>('POST', '/api/pairs/link', input);

  archivePair = (pairId: string) => this.send<{ archived: unknown }>('POST', `/api/pairs/${enc(pairId)}/archive`);
  unarchivePair = (pairId: string) => this.send<void>('POST', `/api/pairs/${enc(pairId)}/unarchive`);
  /** Deletes the 1:1 with its data for both people (the tab confirms first). */
  deletePair = (pairId: string) => this.send<void>('DELETE', `/api/pairs/${enc(pairId)}`);
  dismissProposal = (fromPairId: string) => this.send<void>('DELETE', `/api/me/proposals/${enc(fromPairId)}`);
  /** The report copies chosen open goals of their earlier 1:1 into the new one (after a manager change). */
  carryOver = (pairId: string, fromPairId: string, goalIds: string[]) =>
    this.send<{ goals: Goal[] }>('POST', `/api/pairs/${enc(pairId)}/carry-over`, { fromPairId, goalIds });
  /** The report lets their new manager read the earlier 1:1's shared record, or stops. */
  setHistorySharing = (pairId: string, shared: boolean) =>
    this.send<{ shared: boolean }>('PUT', `/api/pairs/${enc(pairId)}/history-sharing`, { shared });
  sharedHistories = async () =>
    (await this.get<{ histories: SharedHistoryRef[] }>('/api/me/shared-histories')).histories;
  sharedHistory = (pairId: string) => this.get<PairExport>(`/api/pairs/${enc(pairId)}/shared-history`);

  /** The agenda, or `notModified` when `etag` is still current (the cheap refresh when live events lapse). */
  async agenda(pairId: string, sessionId: string, etag?: string): Promise<Conditional<AgendaView>> {
    const response = await this.call('GET', this.session(pairId, sessionId), undefined, etag);
    if (response.status === 304) return { notModified: true };
    const value = (await response.json()) as AgendaView;
    return { notModified: false, value, etag: response.headers.get('etag') ?? undefined };
  }

  addTopic = (pairId: string, sessionId: string, input: AddTopicBody) =>
    this.send<TopicView>('POST', `${this.session(pairId, sessionId)}/topics`, input);
  editTopic = (pairId: string, sessionId: string, topicId: string, input: EditTopicBody) =>
    this.send<TopicView>('PATCH', `${this.session(pairId, sessionId)}/topics/${enc(topicId)}`, input);
  removeTopic = (pairId: string, sessionId: string, topicId: string) =>
    this.send<void>('DELETE', `${this.session(pairId, sessionId)}/topics/${enc(topicId)}`);
  reorder = (pairId: string, sessionId: string, section: TopicSectionId, topicIds: string[]) =>
    this.send<void>('PUT', `${this.session(pairId, sessionId)}/topic-order`, {
      section,
      topicIds,
    } satisfies ReorderBody);

  addNote = (pairId: string, sessionId: string, input: AddNoteBody) =>
    this.send<Note>('POST', `${this.session(pairId, sessionId)}/notes`, input);
  editNote = (pairId: string, sessionId: string, noteId: string, input: EditNoteBody) =>
    this.send<Note>('PATCH', `${this.session(pairId, sessionId)}/notes/${enc(noteId)}`, input);
  removeNote = (pairId: string, sessionId: string, noteId: string, isPrivate: boolean) =>
    this.send<void>('DELETE', `${this.session(pairId, sessionId)}/notes/${enc(noteId)}?private=${isPrivate}`);

  checkIn = (pairId: string, sessionId: string, input: CheckInBody) =>
    this.send<void>('PUT', `${this.session(pairId, sessionId)}/check-in`, input);
  giveFeedback = (pairId: string, sessionId: string, input: FeedbackBody) =>
    this.send<void>('POST', `${this.session(pairId, sessionId)}/feedback`, input);
  rate = (pairId: string, sessionId: string, score: number) =>
    this.send<void>('PUT', `${this.session(pairId, sessionId)}/rating`, { score } satisfies RatingBody);
  startDeepDive = (pairId: string, sessionId: string, input: DeepDiveBody) =>
    this.send<void>('POST', `${this.session(pairId, sessionId)}/deep-dive`, input);
  /** The topic discussed now (`null`: none); the previous topic's time is recorded by the service. */
  nowDiscussing = (pairId: string, sessionId: string, topicId: string | null) =>
    this.send<void>('PUT', `${this.session(pairId, sessionId)}/now-discussing`, {
      topicId,
    } satisfies NowDiscussingBody);
  changeDeepDive = (pairId: string, sessionId: string, change: DeepDiveChangeBody) =>
    this.send<void>('PUT', `${this.session(pairId, sessionId)}/deep-dive`, change);
  addWin = (pairId: string, sessionId: string, input: WinBody) =>
    this.send<Win>('POST', `${this.session(pairId, sessionId)}/wins`, input);
  /** The service's clock: shared timers count from it, not from each person's own clock. */
  serviceTime = () => this.get<{ now: string }>('/api/time');
  setState = (pairId: string, sessionId: string, action: 'start' | 'end' | 'reopen') =>
    this.send<void>('POST', `${this.session(pairId, sessionId)}/${action}`);
  move = (pairId: string, sessionId: string, start: string) =>
    this.send<SessionListItem>('POST', `${this.session(pairId, sessionId)}/move`, { start } satisfies MoveBody);
  /** "Nothing to add this time": no prompt for this session for me. */
  nothingFromMe = (pairId: string, sessionId: string) =>
    this.send<void>('POST', `${this.session(pairId, sessionId)}/nothing-from-me`);
  skip = (pairId: string, sessionId: string) => this.send<void>('POST', `${this.session(pairId, sessionId)}/skip`);
  changeCadence = (pairId: string, cadence: ChangeCadenceBody['cadence']) =>
    this.send<{ cadence: Cadence; firstStart: string }>('PUT', `/api/pairs/${enc(pairId)}/cadence`, {
      cadence,
    } satisfies ChangeCadenceBody);
  undoSkip = (pairId: string, sessionId: string) =>
    this.send<SessionListItem>('POST', `${this.session(pairId, sessionId)}/undo-skip`);
  /** The 1:1 follows a series in the caller's own calendar (docs/occurrences.md). */
  linkSeries = (pairId: string, seriesId: string) =>
    this.send<{ series: FollowedSeries }>('POST', `/api/pairs/${enc(pairId)}/series`, {
      seriesId,
    } satisfies LinkSeriesBody);

  addActionItem = (pairId: string, input: AddActionItemBody) =>
    this.send<ActionItem>('POST', `/api/pairs/${enc(pairId)}/action-items`, input);
  editActionItem = (pairId: string, itemId: string, input: EditActionItemBody) =>
    this.send<ActionItem>('PATCH', `/api/pairs/${enc(pairId)}/action-items/${enc(itemId)}`, input);
  addGoal = (pairId: string, input: AddGoalBody) => this.send<Goal>('POST', `/api/pairs/${enc(pairId)}/goals`, input);
  editGoal = (pairId: string, goalId: string, input: EditGoalBody) =>
    this.send<Goal>('PATCH', `/api/pairs/${enc(pairId)}/goals/${enc(goalId)}`, input);
  commentOnGoal = (pairId: string, goalId: string, input: AddGoalCommentBody) =>
    this.send<GoalComment>('POST', `/api/pairs/${enc(pairId)}/goals/${enc(goalId)}/comments`, input);

  /** Templates: the built-in library and my own; a 1:1's template (its manager sets it, from the next session). */
  templates = () => this.get<TemplateLibrary>('/api/templates');
  saveOwnTemplate = (templateId: string, input: TemplateInput & { name: string }) =>
    this.send<OwnTemplate>('PUT', `/api/templates/${enc(templateId)}`, input);
  removeOwnTemplate = (templateId: string) => this.send<void>('DELETE', `/api/templates/${enc(templateId)}`);
  pairTemplate = (pairId: string) => this.get<PairTemplateView>(`/api/pairs/${enc(pairId)}/template`);
  setPairTemplate = (pairId: string, input: TemplateInput) =>
    this.send<PairTemplateView>('PUT', `/api/pairs/${enc(pairId)}/template`, input);

  /** The server-sent events URL; EventSource cannot send headers, so the token rides in the query. */
  async eventsUrl(pairId: string): Promise<string> {
    const token = await this.options.getToken();
    return `${this.options.baseUrl}/api/pairs/${enc(pairId)}/events?access_token=${enc(token)}`;
  }

  private session(pairId: string, sessionId: string): string {
    return `/api/pairs/${enc(pairId)}/sessions/${enc(sessionId)}`;
  }

  private async get<T>(path: string): Promise<T> {
    return (await (await this.call('GET', path)).json()) as T;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.call(method, path, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    etag?: string,
    language?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.options.getToken()}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (etag) headers['if-none-match'] = etag;
    if (language) headers['accept-language'] = language;
    const response = await this.fetchImpl(`${this.options.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok && response.status !== 304) throw await toApiError(response);
    return response;
  }
}

/** A client-made id: retries of the same add are idempotent on the service. */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
