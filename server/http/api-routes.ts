import { createHash } from 'node:crypto';
import { NotFoundError } from '../../core/errors';
import { renderPairMarkdown } from '../../core/model/pair-export';
import type { UseCases } from '../../core/use-cases';
import type { ChangeHub } from '../live/change-hub';
import { problem } from './problem';
import { route, type AnyRoute, type Reply, type RouteContext } from './route';
import * as s from './schemas';
import { openEventStream } from './sse';

const DAY = 86_400_000;
const DEFAULT_PERIOD_DAYS = 90;

export interface ApiDeps {
  readonly useCases: UseCases;
  readonly hub: ChangeHub;
  /** Present in embedded mode only. */
  readonly issueDevToken?: (userId: string) => Promise<string>;
  readonly isLoopback: (ctx: RouteContext<unknown, unknown>) => boolean;
  readonly openApi: () => unknown;
}

function period(q: { from?: string; to?: string }): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY);
  return { from, to };
}

const created = (json: unknown, isNew: boolean) => ({ status: isNew ? 201 : 200, json });
const noContent = { status: 204 } as const;

/** Strong ETag of the representation: the tab's cheap "has anything changed?" refresh. */
function withEtag(ctx: RouteContext<unknown, unknown>, json: unknown): Reply {
  const text = JSON.stringify(json);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  if (ctx.req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
  return { json, headers: { etag, 'cache-control': 'private, no-cache' } };
}

/** Every API operation. The OpenAPI document at /api/openapi.json is generated from this table. */
export function apiRoutes(deps: ApiDeps): AnyRoute[] {
  const { useCases: uc } = deps;
  const S = '/api/pairs/:pairId/sessions/:sessionId';
  return [
    route({
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This API described as OpenAPI 3.1',
      tag: 'service',
      auth: 'none',
      success: 200,
      handle: async () => ({ json: deps.openApi() }),
    }),
    route({
      method: 'post',
      path: '/api/dev/token',
      summary: 'Embedded mode only, from this machine only: a short-lived token for a demo user',
      tag: 'service',
      auth: 'none',
      body: s.devTokenBody,
      success: 200,
      handle: async (ctx) => {
        if (!deps.issueDevToken || !deps.isLoopback(ctx)) throw problem(404, 'not-found', 'Not found');
        const me = await uc.pairs.me(ctx.body.user).catch((error: unknown) => {
          if (error instanceof NotFoundError)
            throw problem(400, 'validation', 'Unknown demo user', {
              errors: [{ field: 'user', reason: 'is not a demo user (try avery, blake, casey or devon)' }],
            });
          throw error;
        });
        return { json: { token: await deps.issueDevToken(me.user.id), user: me.user } };
      },
    }),
    route({
      method: 'get',
      path: '/api/me',
      summary: 'The signed-in user and their 1:1s, each with the other person and the next session',
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller }) => ({ json: await uc.pairs.me(caller.userId) }),
    }),
    route({
      method: 'get',
      path: '/api/me/reports',
      summary: 'My direct reports, to start a 1:1 with',
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller }) => ({ json: { reports: await uc.pairs.proposeReports(caller.userId) } }),
    }),
    route({
      method: 'get',
      path: '/api/me/ratings',
      summary: "A manager's meeting ratings pooled across all their reports (shown from 3 distinct raters)",
      tag: 'insights',
      auth: 'user',
      query: s.periodQuery,
      success: 200,
      handle: async ({ caller, query }) => {
        const { from, to } = period(query);
        return { json: await uc.insights.pooledRatings(caller.userId, from, to) };
      },
    }),
    route({
      method: 'post',
      path: '/api/pairs',
      summary: 'Start a 1:1 with a direct report and schedule its recurring series',
      tag: 'pairs',
      auth: 'user',
      body: s.createPairBody,
      success: 201,
      handle: async ({ caller, body }) => {
        const result = await uc.pairs.create(caller.userId, body);
        return created(result.pair, result.created);
      },
    }),
    route({
      method: 'post',
      path: '/api/pairs/link',
      summary: "Make an existing event's Teams meeting a 1:1 with a direct report (the Outlook add-in)",
      tag: 'pairs',
      auth: 'user',
      body: s.linkPairBody,
      success: 201,
      handle: async ({ caller, body }) => {
        const result = await uc.pairs.link(caller.userId, body);
        return created(result.pair, result.created);
      },
    }),
    route({
      method: 'get',
      path: '/api/pairs/lookup',
      summary: 'The 1:1 a Teams meeting chat belongs to',
      tag: 'pairs',
      auth: 'user',
      query: s.chatQuery,
      success: 200,
      handle: async ({ caller, query }) => ({ json: await uc.pairs.byChat(caller.userId, query.chatId) }),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId',
      summary: 'A 1:1: people, cadence, next session, goals, action items and backlog',
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async (ctx) => withEtag(ctx, await uc.pairs.overview(ctx.caller.userId, ctx.params.pairId!)),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/sessions',
      summary: 'Sessions (occurrences) of a 1:1 in a window, with their status',
      tag: 'sessions',
      auth: 'user',
      query: s.periodQuery,
      success: 200,
      handle: async ({ caller, params, query }) => {
        const to = query.to ? new Date(query.to) : new Date(Date.now() + DEFAULT_PERIOD_DAYS * DAY);
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 2 * DEFAULT_PERIOD_DAYS * DAY);
        return { json: { sessions: await uc.schedule.list(caller.userId, params.pairId!, from, to) } };
      },
    }),
    route({
      method: 'get',
      path: S,
      summary: "A session's agenda by framework section, with the viewer's own private notes",
      tag: 'sessions',
      auth: 'user',
      success: 200,
      handle: async (ctx) =>
        withEtag(ctx, await uc.sessions.agenda(ctx.caller.userId, ctx.params.pairId!, ctx.params.sessionId!)),
    }),
    route({
      method: 'post',
      path: `${S}/topics`,
      summary: 'Add a topic (idempotent by client-made id)',
      tag: 'topics',
      auth: 'user',
      body: s.addTopicBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.topics.add(caller.userId, params.pairId!, params.sessionId!, body);
        return created(result.topic, result.created);
      },
    }),
    route({
      method: 'patch',
      path: `${S}/topics/:topicId`,
      summary: 'Edit a topic (its author), or check it off / reopen it (either person); `rev` guards edits',
      tag: 'topics',
      auth: 'user',
      body: s.editTopicBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.topics.edit(caller.userId, params.pairId!, params.sessionId!, params.topicId!, body),
      }),
    }),
    route({
      method: 'del',
      path: `${S}/topics/:topicId`,
      summary: 'Remove a topic not yet discussed (its author)',
      tag: 'topics',
      auth: 'user',
      success: 204,
      handle: async ({ caller, params }) => {
        await uc.topics.remove(caller.userId, params.pairId!, params.sessionId!, params.topicId!);
        return noContent;
      },
    }),
    route({
      method: 'put',
      path: `${S}/topic-order`,
      summary: "Order a section's topics",
      tag: 'topics',
      auth: 'user',
      body: s.reorderBody,
      success: 204,
      handle: async ({ caller, params, body }) => {
        await uc.topics.reorder(caller.userId, params.pairId!, params.sessionId!, body.section, body.topicIds);
        return noContent;
      },
    }),
    route({
      method: 'post',
      path: `${S}/notes`,
      summary: 'Add a shared note, or a private one only its author will ever see',
      tag: 'notes',
      auth: 'user',
      body: s.addNoteBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.sessions.addNote(caller.userId, params.pairId!, params.sessionId!, body);
        return created(result.note, result.created);
      },
    }),
    route({
      method: 'patch',
      path: `${S}/notes/:noteId`,
      summary: 'Edit one of my notes; `rev` guards against overwriting an edit made elsewhere',
      tag: 'notes',
      auth: 'user',
      body: s.editNoteBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.sessions.editNote(caller.userId, params.pairId!, params.sessionId!, params.noteId!, body),
      }),
    }),
    route({
      method: 'del',
      path: `${S}/notes/:noteId`,
      summary: 'Remove one of my notes (`?private=true` for a private one)',
      tag: 'notes',
      auth: 'user',
      query: s.privateQuery,
      success: 204,
      handle: async ({ caller, params, query }) => {
        await uc.sessions.removeNote(caller.userId, params.pairId!, params.sessionId!, params.noteId!, query.private);
        return noContent;
      },
    }),
    route({
      method: 'put',
      path: `${S}/check-in`,
      summary: 'My check-in: mood 1-5 and a line',
      tag: 'sessions',
      auth: 'user',
      body: s.checkInBody,
      success: 204,
      handle: async ({ caller, params, body }) => {
        await uc.sessions.checkIn(caller.userId, params.pairId!, params.sessionId!, body);
        return noContent;
      },
    }),
    route({
      method: 'post',
      path: `${S}/feedback`,
      summary: 'Feedback to the other person',
      tag: 'sessions',
      auth: 'user',
      body: s.feedbackBody,
      success: 204,
      handle: async ({ caller, params, body }) => {
        await uc.sessions.giveFeedback(caller.userId, params.pairId!, params.sessionId!, body);
        return noContent;
      },
    }),
    route({
      method: 'put',
      path: `${S}/rating`,
      summary: 'How useful the session was to me, 1-5 (nobody sees a single rating but its author)',
      tag: 'sessions',
      auth: 'user',
      body: s.ratingBody,
      success: 204,
      handle: async ({ caller, params, body }) => {
        await uc.sessions.rate(caller.userId, params.pairId!, params.sessionId!, body.score);
        return noContent;
      },
    }),
    route({
      method: 'post',
      path: `${S}/deep-dive`,
      summary: 'Choose the deep-dive topic and start its timebox',
      tag: 'sessions',
      auth: 'user',
      body: s.deepDiveBody,
      success: 204,
      handle: async ({ caller, params, body }) => {
        await uc.sessions.startDeepDive(caller.userId, params.pairId!, params.sessionId!, body);
        return noContent;
      },
    }),
    ...(['start', 'end'] as const).map((action) =>
      route({
        method: 'post',
        path: `${S}/${action}`,
        summary: action === 'start' ? 'Mark the session started' : 'Mark the session ended (its recap is then ready)',
        tag: 'sessions',
        auth: 'user',
        success: 204,
        handle: async ({ caller, params }) => {
          await uc.sessions.setState(
            caller.userId,
            params.pairId!,
            params.sessionId!,
            action === 'start' ? 'started' : 'ended',
          );
          return noContent;
        },
      }),
    ),
    route({
      method: 'post',
      path: `${S}/nothing-from-me`,
      summary: '"Nothing from me this time": stops further prompts for this session',
      tag: 'sessions',
      auth: 'user',
      success: 204,
      handle: async ({ caller, params }) => {
        await uc.sessions.nothingFromMe(caller.userId, params.pairId!, params.sessionId!);
        return noContent;
      },
    }),
    route({
      method: 'post',
      path: `${S}/move`,
      summary: 'Move this occurrence (the organizer); its agenda follows',
      tag: 'schedule',
      auth: 'user',
      body: s.moveBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.schedule.move(caller.userId, params.pairId!, params.sessionId!, new Date(body.start)),
      }),
    }),
    route({
      method: 'post',
      path: `${S}/skip`,
      summary: 'Skip this occurrence (the organizer); its open topics carry to the next',
      tag: 'schedule',
      auth: 'user',
      success: 204,
      handle: async ({ caller, params }) => {
        await uc.schedule.skip(caller.userId, params.pairId!, params.sessionId!);
        return noContent;
      },
    }),
    route({
      method: 'post',
      path: '/api/pairs/:pairId/action-items',
      summary: 'Add an action item with owner and due date',
      tag: 'commitments',
      auth: 'user',
      body: s.addActionItemBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.commitments.addActionItem(caller.userId, params.pairId!, body);
        return created(result.item, result.created);
      },
    }),
    route({
      method: 'patch',
      path: '/api/pairs/:pairId/action-items/:itemId',
      summary: 'Change an action item: text, owner, due date, status',
      tag: 'commitments',
      auth: 'user',
      body: s.editActionItemBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.commitments.editActionItem(caller.userId, params.pairId!, params.itemId!, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/pairs/:pairId/goals',
      summary: 'Add a goal or development item with milestones',
      tag: 'commitments',
      auth: 'user',
      body: s.addGoalBody,
      success: 201,
      handle: async ({ caller, params, body }) => {
        const result = await uc.commitments.addGoal(caller.userId, params.pairId!, body);
        return created(result.goal, result.created);
      },
    }),
    route({
      method: 'patch',
      path: '/api/pairs/:pairId/goals/:goalId',
      summary: 'Change a goal: text, status, milestones, sessions that discussed it',
      tag: 'commitments',
      auth: 'user',
      body: s.editGoalBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.commitments.editGoal(caller.userId, params.pairId!, params.goalId!, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/health',
      summary: 'Meeting health of the 1:1 over a period (default: the last 90 days)',
      tag: 'insights',
      auth: 'user',
      query: s.periodQuery,
      success: 200,
      handle: async ({ caller, params, query }) => {
        const { from, to } = period(query);
        return { json: await uc.insights.pairHealth(caller.userId, params.pairId!, from, to) };
      },
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/export',
      summary: "The 1:1's history as JSON or Markdown, with the reader's own private notes only",
      tag: 'pairs',
      auth: 'user',
      query: s.exportQuery,
      success: 200,
      handle: async ({ caller, params, query }) => {
        const data = await uc.exports.exportPair(caller.userId, params.pairId!);
        const disposition = `attachment; filename="tandem-${params.pairId}.${query.format === 'json' ? 'json' : 'md'}"`;
        if (query.format === 'json') return { json: data, headers: { 'content-disposition': disposition } };
        return {
          text: renderPairMarkdown(data),
          contentType: 'text/markdown; charset=utf-8',
          headers: { 'content-disposition': disposition },
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/events',
      summary: 'Server-sent events: what changed in this 1:1, as it happens (re-read to see it)',
      tag: 'live',
      auth: 'user',
      query: s.eventsQuery,
      tokenInQuery: true,
      success: 200,
      handle: async ({ caller, params, req, res }) => {
        await uc.pairs.overview(caller.userId, params.pairId!);
        openEventStream(deps.hub, params.pairId!, caller.userId, req, res);
        return 'streamed';
      },
    }),
  ];
}
