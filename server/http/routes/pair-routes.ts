import { renderPairMarkdown } from '../../../core/model/pair-export';
import { translatorFor } from '../translators';
import { localeOfAcceptLanguage } from '../../../core/i18n/translators';
import { route } from '../route';
import * as s from '../schemas';
import { openEventStream } from '../sse';
import { creation, type ApiDeps } from './deps';

/** The signed-in person's 1:1s, creating and linking one, and a whole 1:1 (overview, export, live events). */
export function pairRoutes({ useCases: uc, hub }: ApiDeps) {
  return [
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
    creation({
      path: '/api/pairs',
      summary: 'Start a 1:1 with a direct report and schedule its recurring series',
      tag: 'pairs',
      body: s.createPairBody,
      run: async (userId, p, body) => {
        const result = await uc.pairs.create(userId, body);
        return [result.pair, result.created];
      },
    }),
    creation({
      path: '/api/pairs/link',
      summary: "Make an existing event's Teams meeting a 1:1 with a direct report (the Outlook add-in)",
      tag: 'pairs',
      body: s.linkPairBody,
      run: async (userId, p, body) => {
        const result = await uc.pairs.link(userId, body);
        return [result.pair, result.created];
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
      etag: true,
      success: 200,
      handle: async ({ caller, params }) => ({ json: await uc.pairs.overview(caller.userId, params.pairId!) }),
    }),
    route({
      method: 'get',
      path: '/api/pairs/:pairId/export',
      summary: "The 1:1's history as JSON or Markdown, with the reader's own private notes only",
      tag: 'pairs',
      auth: 'user',
      query: s.exportQuery,
      success: 200,
      handle: async ({ caller, params, query, req }) => {
        const data = await uc.exports.exportPair(caller.userId, params.pairId!);
        const disposition = `attachment; filename="tandem-${params.pairId}.${query.format === 'json' ? 'json' : 'md'}"`;
        if (query.format === 'json') return { json: data, headers: { 'content-disposition': disposition } };
        return {
          // In the reader's language: the first tag of Accept-Language (English when Tandem has none of it).
          text: renderPairMarkdown(data, translatorFor(localeOfAcceptLanguage(req.headers['accept-language']))),
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
        openEventStream(hub, params.pairId!, caller.userId, req, res);
        return 'streamed';
      },
    }),
  ];
}
