import * as http from 'node:http';
import { hashTree, OPERATIONAL_STATE } from '../support/data-dir';
import { PAIR, sessionIdAt, sessionPath, startOfSession } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { signInDemo, type Demo } from '../support/demo';
import { LIMITS } from '../../core/contract/limits';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { isProblem, jsonOf, type ApiResponse, type HttpMethod, type ProblemBody } from '../support/tandem-client';

jest.setTimeout(60_000);

type User = 'avery' | 'blake';

interface BadInput {
  /** What is wrong, for the failure message. */
  readonly what: string;
  readonly as?: User;
  /** Path override (a bad path parameter); defaults to the route's path with the table's parameters. */
  readonly path?: string;
  readonly query?: string;
  /** JSON body. */
  readonly body?: unknown;
  /** Raw body and its content-type (none when `contentType` is undefined). */
  readonly raw?: { readonly text: string | Uint8Array; readonly contentType?: string };
  /** The field `errors[].field` must name. */
  readonly field: string;
  /** Expected status; any 4xx when absent. */
  readonly status?: number;
}

interface RouteCases {
  readonly method: HttpMethod;
  /** The route table's path. */
  readonly route: string;
  readonly as: User;
  /** The route's concrete path. */
  readonly path: string;
  /** True when the route takes a JSON body: the generic body cases apply. */
  readonly hasBody: boolean;
  readonly cases: readonly BadInput[];
}

const DAY = 86_400_000;
const long = (n: number) => 'x'.repeat(n);

/** The JSON with a malformed UTF-8 sequence inside its first string value (or appended as a value). */
function invalidUtf8(json: string): Uint8Array {
  const bytes = new TextEncoder().encode(json);
  const quote = bytes.indexOf(0x22, bytes.indexOf(0x3a));
  const at = quote >= 0 ? quote + 1 : 1;
  return Uint8Array.from([...bytes.slice(0, at), 0xc3, 0x28, ...bytes.slice(at)]);
}

/** Cases every route with a JSON body gets: the body itself is broken. */
function bodyCases(valid: unknown): BadInput[] {
  const json = JSON.stringify(valid);
  return [
    {
      what: 'non-JSON body',
      raw: { text: '{"title": "unterminated', contentType: 'application/json' },
      field: 'body',
      status: 400,
    },
    { what: 'empty body', raw: { text: '', contentType: 'application/json' }, field: 'body', status: 400 },
    { what: 'JSON null body', raw: { text: 'null', contentType: 'application/json' }, field: 'body', status: 400 },
    {
      what: 'JSON array body',
      raw: { text: `[${json}]`, contentType: 'application/json' },
      field: 'body',
      status: 400,
    },
    {
      what: 'text/plain content-type',
      raw: { text: json, contentType: 'text/plain' },
      field: 'content-type',
      status: 415,
    },
    {
      what: 'form content-type',
      raw: { text: 'title=hello', contentType: 'application/x-www-form-urlencoded' },
      field: 'content-type',
      status: 415,
    },
    { what: 'no content-type', raw: { text: json }, field: 'content-type', status: 415 },
    {
      what: 'body over the size limit',
      raw: { text: JSON.stringify({ padding: long(300 * 1024) }), contentType: 'application/json' },
      field: 'body',
      status: 413,
    },
    {
      what: '1 MB body',
      raw: { text: JSON.stringify({ padding: long(1024 * 1024) }), contentType: 'application/json' },
      field: 'body',
      status: 413,
    },
    {
      // `{"title":"<0xC3 0x28>"}`: a broken two-byte sequence, once stored as U+FFFD with a 2xx.
      what: 'invalid UTF-8',
      raw: { text: invalidUtf8(json), contentType: 'application/json' },
      field: 'body',
      status: 400,
    },
  ];
}

describe('bad input is refused with a problem naming the field, and nothing is written', () => {
  const demo = useDemoServer('bad-input');

  function table(): RouteCases[] {
    const next = demo.nextSessionId;
    const held = demo.heldSessionId;
    /** A well-formed session id that is no occurrence of the series (an hour after the next one). */
    const ghost = sessionIdAt(new Date(startOfSession(next).getTime() + 3_600_000));
    const future = new Date(Date.now() + 3 * DAY).toISOString();
    const past = new Date(Date.now() - DAY).toISOString();
    const S = sessionPath(next);
    const cadence = { frequency: 'weekly', startDate: '2030-01-07', time: '09:30', timeZone: 'Europe/Berlin' };
    const LINK_CHAT = '19:meeting_YmFkLWlucHV0LWxpbms@thread.v2';
    const badSession = (suffix: string): BadInput[] => [
      { what: 'malformed session id', path: `${sessionPath('tomorrow')}${suffix}`, field: 'sessionId', status: 404 },
      { what: 'no such occurrence', path: `${sessionPath(ghost)}${suffix}`, field: 'sessionId', status: 404 },
      { what: 'no such pair', path: `${sessionPath(next, 'no-such-pair')}${suffix}`, field: 'pairId', status: 404 },
    ];

    return [
      {
        method: 'POST',
        route: '/api/dev/token',
        as: 'blake',
        path: '/api/dev/token',
        hasBody: true,
        cases: [
          { what: 'missing user', body: {}, field: 'user', status: 400 },
          { what: 'user of the wrong type', body: { user: 42 }, field: 'user', status: 400 },
          { what: 'empty user', body: { user: '' }, field: 'user', status: 400 },
          { what: 'over-long user', body: { user: long(65) }, field: 'user', status: 400 },
          { what: 'unknown field', body: { user: 'blake', admin: true }, field: 'admin', status: 400 },
          ...bodyCases({ user: 'blake' }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs',
        as: 'avery',
        path: '/api/pairs',
        hasBody: true,
        cases: [
          { what: 'missing reportId', body: { id: 'bad-p1', cadence }, field: 'reportId', status: 400 },
          { what: 'missing cadence', body: { id: 'bad-p1', reportId: 'casey' }, field: 'cadence', status: 400 },
          {
            what: 'unknown frequency',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, frequency: 'daily' } },
            field: 'cadence.frequency',
            status: 400,
          },
          {
            what: 'start date in the wrong format',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, startDate: '07/01/2030' } },
            field: 'cadence.startDate',
            status: 400,
          },
          {
            what: 'start date that does not exist',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, startDate: '2030-02-30' } },
            field: 'cadence.startDate',
            status: 400,
          },
          {
            what: 'time out of range',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, time: '25:00' } },
            field: 'cadence.time',
            status: 400,
          },
          {
            what: 'unknown time zone',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, timeZone: 'Mars/Olympus_Mons' } },
            field: 'cadence.timeZone',
            status: 400,
          },
          {
            what: 'duration too short',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, durationMinutes: 5 } },
            field: 'cadence.durationMinutes',
            status: 400,
          },
          {
            what: 'unknown field inside cadence',
            body: { id: 'bad-p1', reportId: 'casey', cadence: { ...cadence, until: '2031-01-01' } },
            field: 'cadence.until',
            status: 400,
          },
          { what: 'invalid client id', body: { id: 'bad p1!', reportId: 'casey', cadence }, field: 'id', status: 400 },
          {
            what: 'not a direct report',
            body: { id: 'bad-p1', reportId: 'devon', cadence },
            field: 'reportId',
            status: 403,
          },
          {
            what: 'id of another pair',
            body: { id: 'avery-blake', reportId: 'casey', cadence },
            field: 'id',
            status: 409,
          },
          ...bodyCases({ id: 'bad-p1', reportId: 'casey', cadence }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/link',
        as: 'avery',
        path: '/api/pairs/link',
        hasBody: true,
        cases: [
          { what: 'missing chatId', body: { id: 'bad-l1', reportId: 'casey', cadence }, field: 'chatId', status: 400 },
          {
            what: 'not a Teams meeting chat',
            body: { id: 'bad-l1', reportId: 'casey', cadence, chatId: 'general' },
            field: 'chatId',
            status: 400,
          },
          {
            what: 'join URL that is not https',
            body: { id: 'bad-l1', reportId: 'casey', cadence, chatId: LINK_CHAT, joinUrl: 'javascript:alert(1)' },
            field: 'joinUrl',
            status: 400,
          },
          {
            what: 'unknown time zone',
            body: {
              id: 'bad-l1',
              reportId: 'casey',
              chatId: LINK_CHAT,
              cadence: { ...cadence, timeZone: 'Mars/Olympus' },
            },
            field: 'cadence.timeZone',
            status: 400,
          },
          ...bodyCases({ id: 'bad-l1', reportId: 'casey', cadence, chatId: LINK_CHAT }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/topics',
        as: 'blake',
        path: `${S}/topics`,
        hasBody: true,
        cases: [
          { what: 'missing title', body: { section: 'topics' }, field: 'title', status: 400 },
          { what: 'title of the wrong type', body: { title: 42 }, field: 'title', status: 400 },
          { what: 'empty title', body: { title: '' }, field: 'title', status: 400 },
          { what: 'whitespace title', body: { title: ' \t\n ' }, field: 'title', status: 400 },
          { what: 'title over 200 characters', body: { title: long(201) }, field: 'title', status: 400 },
          { what: 'title over 1000 characters', body: { title: long(1001) }, field: 'title', status: 400 },
          { what: 'private not a boolean', body: { title: 'ok', private: 'yes' }, field: 'private', status: 400 },
          {
            what: 'a private deep dive',
            body: { title: 'ok', section: 'deep-dive', private: true },
            field: 'section',
            status: 400,
          },
          {
            what: 'detail over 2000 characters',
            body: { title: 'ok', detail: long(2001) },
            field: 'detail',
            status: 400,
          },
          {
            what: 'the generated recap section',
            body: { title: 'ok', section: 'recap' },
            field: 'section',
            status: 400,
          },
          { what: 'the check-in section', body: { title: 'ok', section: 'check-in' }, field: 'section', status: 400 },
          { what: 'section of the wrong type', body: { title: 'ok', section: 3 }, field: 'section', status: 400 },
          { what: 'malformed added section', body: { title: 'ok', section: 'x-a b' }, field: 'section', status: 400 },
          {
            what: "an added section not in this session's template",
            body: { title: 'ok', section: 'x-nowhere' },
            field: 'section',
            status: 400,
          },
          { what: 'invalid client id', body: { id: 'bad id!', title: 'ok' }, field: 'id', status: 400 },
          { what: 'client id too long', body: { id: long(65), title: 'ok' }, field: 'id', status: 400 },
          { what: 'empty client id', body: { id: '', title: 'ok' }, field: 'id', status: 400 },
          { what: 'unknown field', body: { title: 'ok', priority: 'high' }, field: 'priority', status: 400 },
          { what: 'goal not of this 1:1', body: { title: 'ok', goalId: 'no-such-goal' }, field: 'goalId', status: 400 },
          { what: 'goal id of the wrong type', body: { title: 'ok', goalId: 7 }, field: 'goalId', status: 400 },
          {
            what: 'id of a different topic',
            body: { id: 'seed-t4', title: 'Something else' },
            field: 'id',
            status: 409,
          },
          {
            what: 'a held session',
            path: `${sessionPath(held)}/topics`,
            body: { title: 'ok' },
            field: 'sessionId',
            status: 409,
          },
          ...badSession('/topics').map((c) => ({ ...c, body: { title: 'ok' } })),
          ...bodyCases({ title: 'ok' }),
        ],
      },
      {
        method: 'PATCH',
        route: '/api/pairs/:pairId/sessions/:sessionId/topics/:topicId',
        as: 'blake',
        path: `${S}/topics/seed-t4`,
        hasBody: true,
        cases: [
          { what: 'missing rev', body: { title: 'ok' }, field: 'rev', status: 400 },
          { what: 'nothing to change', body: { rev: 1 }, field: 'rev', status: 400 },
          { what: 'rev 0', body: { rev: 0, title: 'ok' }, field: 'rev', status: 400 },
          { what: 'rev of the wrong type', body: { rev: '1', title: 'ok' }, field: 'rev', status: 400 },
          { what: 'whitespace title', body: { rev: 1, title: '   ' }, field: 'title', status: 400 },
          { what: 'title over 200 characters', body: { rev: 1, title: long(201) }, field: 'title', status: 400 },
          { what: 'discussed of the wrong type', body: { rev: 1, discussed: 'yes' }, field: 'discussed', status: 400 },
          { what: 'unknown section', body: { rev: 1, section: 'recap' }, field: 'section', status: 400 },
          { what: 'unknown field', body: { rev: 1, colour: 'red' }, field: 'colour', status: 400 },
          { what: 'goal not of this 1:1', body: { rev: 1, goalId: 'no-such-goal' }, field: 'goalId', status: 400 },
          { what: 'empty goal id', body: { rev: 1, goalId: '' }, field: 'goalId', status: 400 },
          {
            what: "linking someone else's topic",
            as: 'avery',
            body: { rev: 1, goalId: 'seed-g1' },
            field: 'goalId',
            status: 403,
          },
          { what: 'stale rev', body: { rev: 9, title: 'ok' }, field: 'rev', status: 409 },
          { what: "someone else's topic", as: 'avery', body: { rev: 1, title: 'mine' }, field: 'title', status: 403 },
          {
            what: 'no such topic',
            path: `${S}/topics/nope`,
            body: { rev: 1, title: 'ok' },
            field: 'topicId',
            status: 404,
          },
          ...bodyCases({ rev: 1, title: 'ok' }),
        ],
      },
      {
        method: 'DELETE',
        route: '/api/pairs/:pairId/sessions/:sessionId/topics/:topicId',
        as: 'blake',
        path: `${S}/topics/seed-t4`,
        hasBody: false,
        cases: [
          { what: 'no such topic', path: `${S}/topics/nope`, field: 'topicId', status: 404 },
          { what: 'malformed topic id', path: `${S}/topics/a.b`, field: 'topicId', status: 404 },
          { what: "someone else's topic", as: 'avery', field: 'topicId', status: 403 },
          ...badSession('/topics/seed-t4'),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/sessions/:sessionId/topic-order',
        as: 'blake',
        path: `${S}/topic-order`,
        hasBody: true,
        cases: [
          { what: 'missing section', body: { topicIds: [] }, field: 'section', status: 400 },
          { what: 'missing topicIds', body: { section: 'topics' }, field: 'topicIds', status: 400 },
          { what: 'unknown section', body: { section: 'recap', topicIds: [] }, field: 'section', status: 400 },
          {
            what: 'topicIds not a list',
            body: { section: 'topics', topicIds: 'seed-t4' },
            field: 'topicIds',
            status: 400,
          },
          {
            what: 'topic id of the wrong type',
            body: { section: 'topics', topicIds: [42] },
            field: 'topicIds.0',
            status: 400,
          },
          {
            what: 'repeated topic id',
            body: { section: 'topics', topicIds: ['seed-t4', 'seed-t4'] },
            field: 'topicIds',
            status: 400,
          },
          {
            what: 'too many ids',
            body: { section: 'topics', topicIds: Array.from({ length: 501 }, (_, i) => `t${i}`) },
            field: 'topicIds',
            status: 400,
          },
          {
            what: 'a topic of another section',
            body: { section: 'feedback', topicIds: ['seed-t4'] },
            field: 'topicIds',
            status: 400,
          },
          {
            what: 'unknown field',
            body: { section: 'topics', topicIds: [], reverse: true },
            field: 'reverse',
            status: 400,
          },
          ...bodyCases({ section: 'topics', topicIds: ['seed-t4'] }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/notes',
        as: 'blake',
        path: `${S}/notes`,
        hasBody: true,
        cases: [
          { what: 'missing text', body: { private: true }, field: 'text', status: 400 },
          { what: 'text of the wrong type', body: { text: 5 }, field: 'text', status: 400 },
          { what: 'whitespace text', body: { text: '  \n ' }, field: 'text', status: 400 },
          { what: 'text over 10000 characters', body: { text: long(10_001) }, field: 'text', status: 400 },
          {
            what: 'text over 50000 characters',
            body: { text: long(50_001), private: true },
            field: 'text',
            status: 400,
          },
          { what: 'private of the wrong type', body: { text: 'ok', private: 'yes' }, field: 'private', status: 400 },
          { what: 'invalid client id', body: { id: 'no/slash', text: 'ok' }, field: 'id', status: 400 },
          { what: 'unknown field', body: { text: 'ok', visibility: 'me' }, field: 'visibility', status: 400 },
          {
            what: 'id of a different note',
            path: `${sessionPath(held)}/notes`,
            body: { id: 'seed-n1', text: 'Something else' },
            field: 'id',
            status: 409,
          },
          ...badSession('/notes').map((c) => ({ ...c, body: { text: 'ok' } })),
          ...bodyCases({ text: 'ok' }),
        ],
      },
      {
        method: 'PATCH',
        route: '/api/pairs/:pairId/sessions/:sessionId/notes/:noteId',
        as: 'avery',
        path: `${sessionPath(held)}/notes/seed-n1`,
        hasBody: true,
        cases: [
          { what: 'missing rev', body: { text: 'ok' }, field: 'rev', status: 400 },
          { what: 'missing text', body: { rev: 1 }, field: 'text', status: 400 },
          { what: 'empty text', body: { rev: 1, text: '' }, field: 'text', status: 400 },
          {
            what: 'private of the wrong type',
            body: { rev: 1, text: 'ok', private: 1 },
            field: 'private',
            status: 400,
          },
          { what: 'unknown field', body: { rev: 1, text: 'ok', pinned: true }, field: 'pinned', status: 400 },
          { what: 'stale rev', body: { rev: 7, text: 'ok' }, field: 'rev', status: 409 },
          { what: "someone else's note", as: 'blake', body: { rev: 1, text: 'mine' }, field: 'noteId', status: 403 },
          {
            what: 'no such note',
            path: `${sessionPath(held)}/notes/nope`,
            body: { rev: 1, text: 'ok' },
            field: 'noteId',
            status: 404,
          },
          ...bodyCases({ rev: 1, text: 'ok' }),
        ],
      },
      {
        method: 'DELETE',
        route: '/api/pairs/:pairId/sessions/:sessionId/notes/:noteId',
        as: 'avery',
        path: `${sessionPath(held)}/notes/seed-n1`,
        hasBody: false,
        cases: [
          { what: 'private flag not a boolean', query: '?private=maybe', field: 'private', status: 400 },
          { what: 'unknown query parameter', query: '?force=true', field: 'force', status: 400 },
          { what: 'no such note', path: `${sessionPath(held)}/notes/nope`, field: 'noteId', status: 404 },
          { what: "someone else's note", as: 'blake', field: 'noteId', status: 403 },
          ...badSession('/notes/seed-n1'),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/sessions/:sessionId/check-in',
        as: 'blake',
        path: `${S}/check-in`,
        hasBody: true,
        cases: [
          { what: 'missing mood', body: { line: 'fine' }, field: 'mood', status: 400 },
          { what: 'mood 0', body: { mood: 0 }, field: 'mood', status: 400 },
          { what: 'mood 6', body: { mood: 6 }, field: 'mood', status: 400 },
          { what: 'fractional mood', body: { mood: 2.5 }, field: 'mood', status: 400 },
          { what: 'mood of the wrong type', body: { mood: '3' }, field: 'mood', status: 400 },
          { what: 'line over 280 characters', body: { mood: 3, line: long(281) }, field: 'line', status: 400 },
          { what: 'line over 1000 characters', body: { mood: 3, line: long(1001) }, field: 'line', status: 400 },
          { what: 'unknown field', body: { mood: 3, weather: 'sunny' }, field: 'weather', status: 400 },
          ...badSession('/check-in').map((c) => ({ ...c, body: { mood: 3 } })),
          ...bodyCases({ mood: 3 }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/sessions/:sessionId/now-discussing',
        as: 'blake',
        path: `${S}/now-discussing`,
        hasBody: true,
        cases: [
          { what: 'missing topicId', body: {}, field: 'topicId', status: 400 },
          { what: 'topicId of the wrong type', body: { topicId: 7 }, field: 'topicId', status: 400 },
          { what: 'topicId over 64 characters', body: { topicId: long(65) }, field: 'topicId', status: 400 },
          { what: 'unknown field', body: { topicId: null, why: 'x' }, field: 'why', status: 400 },
          ...badSession('/now-discussing').map((c) => ({ ...c, body: { topicId: null } })),
          ...bodyCases({ topicId: null }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/sessions/:sessionId/deep-dive',
        as: 'blake',
        path: `${S}/deep-dive`,
        hasBody: true,
        cases: [
          { what: 'no minutes and no stop', body: {}, field: 'minutes', status: 400 },
          { what: '0 minutes', body: { minutes: 0 }, field: 'minutes', status: 400 },
          { what: '121 minutes', body: { minutes: 121 }, field: 'minutes', status: 400 },
          { what: 'fractional minutes', body: { minutes: 2.5 }, field: 'minutes', status: 400 },
          ...badSession('/deep-dive').map((c) => ({ ...c, body: { minutes: 10 } })),
          ...bodyCases({ minutes: 10 }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/wins',
        as: 'blake',
        path: `${S}/wins`,
        hasBody: true,
        cases: [
          { what: 'missing text', body: {}, field: 'text', status: 400 },
          { what: 'empty text', body: { text: '' }, field: 'text', status: 400 },
          { what: 'text over 280 characters', body: { text: long(281) }, field: 'text', status: 400 },
          { what: 'unknown field', body: { text: 'A win', size: 'big' }, field: 'size', status: 400 },
          ...badSession('/wins').map((c) => ({ ...c, body: { text: 'A win' } })),
          ...bodyCases({ text: 'A win' }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/feedback',
        as: 'blake',
        path: `${S}/feedback`,
        hasBody: true,
        cases: [
          { what: 'missing text', body: {}, field: 'text', status: 400 },
          { what: 'empty text', body: { text: '' }, field: 'text', status: 400 },
          { what: 'text over 4000 characters', body: { text: long(4001) }, field: 'text', status: 400 },
          { what: 'invalid client id', body: { id: 'bad id', text: 'ok' }, field: 'id', status: 400 },
          { what: 'unknown field', body: { text: 'ok', to: 'avery' }, field: 'to', status: 400 },
          ...bodyCases({ text: 'ok' }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/sessions/:sessionId/rating',
        as: 'blake',
        path: `${sessionPath(held)}/rating`,
        hasBody: true,
        cases: [
          { what: 'missing score', body: {}, field: 'score', status: 400 },
          { what: 'score 0', body: { score: 0 }, field: 'score', status: 400 },
          { what: 'score 6', body: { score: 6 }, field: 'score', status: 400 },
          { what: 'score of the wrong type', body: { score: '5' }, field: 'score', status: 400 },
          { what: 'unknown field', body: { score: 3, comment: 'meh' }, field: 'comment', status: 400 },
          {
            what: 'a session not started yet',
            path: `${S}/rating`,
            body: { score: 3 },
            field: 'sessionId',
            status: 409,
          },
          ...bodyCases({ score: 3 }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/deep-dive',
        as: 'blake',
        path: `${S}/deep-dive`,
        hasBody: true,
        cases: [
          { what: 'missing topicId', body: { minutes: 10 }, field: 'topicId', status: 400 },
          { what: '0 minutes', body: { topicId: 'seed-t4', minutes: 0 }, field: 'minutes', status: 400 },
          { what: '121 minutes', body: { topicId: 'seed-t4', minutes: 121 }, field: 'minutes', status: 400 },
          { what: 'fractional minutes', body: { topicId: 'seed-t4', minutes: 1.5 }, field: 'minutes', status: 400 },
          {
            what: 'minutes of the wrong type',
            body: { topicId: 'seed-t4', minutes: '10' },
            field: 'minutes',
            status: 400,
          },
          { what: 'not a topic of the session', body: { topicId: 'nope' }, field: 'topicId', status: 400 },
          ...bodyCases({ topicId: 'seed-t4' }),
        ],
      },
      ...(['start', 'end', 'reopen', 'nothing-from-me'] as const).map((action): RouteCases => ({
        method: 'POST',
        route: `/api/pairs/:pairId/sessions/:sessionId/${action}`,
        as: 'blake',
        path: `${S}/${action}`,
        hasBody: false,
        cases: badSession(`/${action}`),
      })),
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/move',
        as: 'avery',
        path: `${S}/move`,
        hasBody: true,
        cases: [
          { what: 'missing start', body: {}, field: 'start', status: 400 },
          { what: 'start not a date-time', body: { start: 'next tuesday' }, field: 'start', status: 400 },
          { what: 'start a date without a time', body: { start: future.slice(0, 10) }, field: 'start', status: 400 },
          { what: 'start a month 13', body: { start: '2030-13-01T10:00:00Z' }, field: 'start', status: 400 },
          { what: 'start in the past', body: { start: past }, field: 'start', status: 400 },
          { what: 'unknown field', body: { start: future, end: future }, field: 'end', status: 400 },
          { what: 'the report moving it', as: 'blake', body: { start: future }, field: 'sessionId', status: 403 },
          {
            what: 'a held session',
            path: `${sessionPath(held)}/move`,
            body: { start: future },
            field: 'sessionId',
            status: 409,
          },
          ...badSession('/move').map((c) => ({ ...c, body: { start: future } })),
          ...bodyCases({ start: future }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/skip',
        as: 'avery',
        path: `${S}/skip`,
        hasBody: false,
        cases: [
          { what: 'the report skipping it', as: 'blake', field: 'sessionId', status: 403 },
          { what: 'a held session', path: `${sessionPath(held)}/skip`, field: 'sessionId', status: 409 },
          ...badSession('/skip'),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/cadence',
        as: 'avery',
        path: `/api/pairs/${PAIR}/cadence`,
        hasBody: true,
        cases: [
          { what: 'missing cadence', body: {}, field: 'cadence', status: 400 },
          {
            what: 'unknown frequency',
            body: { cadence: { ...cadence, frequency: 'daily' } },
            field: 'cadence.frequency',
            status: 400,
          },
          {
            what: 'time in words',
            body: { cadence: { ...cadence, time: 'noon' } },
            field: 'cadence.time',
            status: 400,
          },
          {
            what: 'unknown time zone',
            body: { cadence: { ...cadence, timeZone: 'Mars/Olympus' } },
            field: 'cadence.timeZone',
          },
          {
            what: 'five minutes',
            body: { cadence: { ...cadence, durationMinutes: 5 } },
            field: 'cadence.durationMinutes',
            status: 400,
          },
          {
            what: 'first date in the past',
            body: { cadence: { ...cadence, startDate: '2020-01-06' } },
            field: 'cadence.startDate',
          },
          { what: 'unknown field', body: { cadence, from: 'now' }, field: 'from', status: 400 },
          { what: 'the report changing it', as: 'blake', body: { cadence }, field: 'pairId', status: 403 },
          {
            what: 'no such pair',
            path: '/api/pairs/no-such-pair/cadence',
            body: { cadence },
            field: 'pairId',
            status: 404,
          },
          ...bodyCases({ cadence }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/sessions/:sessionId/undo-skip',
        as: 'avery',
        path: `${S}/undo-skip`,
        hasBody: false,
        cases: [
          { what: 'the report undoing it', as: 'blake', field: 'sessionId', status: 403 },
          { what: 'a session that was not skipped', field: 'sessionId', status: 409 },
          { what: 'a held session', path: `${sessionPath(held)}/undo-skip`, field: 'sessionId', status: 409 },
          ...badSession('/undo-skip'),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/action-items',
        as: 'avery',
        path: `/api/pairs/${PAIR}/action-items`,
        hasBody: true,
        cases: ((valid) => [
          { what: 'missing text', body: { ...valid, text: undefined }, field: 'text', status: 400 },
          { what: 'whitespace text', body: { ...valid, text: '   ' }, field: 'text', status: 400 },
          { what: 'text over 500 characters', body: { ...valid, text: long(501) }, field: 'text', status: 400 },
          { what: 'text over 2000 characters', body: { ...valid, text: long(2001) }, field: 'text', status: 400 },
          { what: 'due date that does not exist', body: { ...valid, due: '2030-02-30' }, field: 'due', status: 400 },
          { what: 'due date in words', body: { ...valid, due: 'next friday' }, field: 'due', status: 400 },
          { what: 'due date of the wrong type', body: { ...valid, due: 20301201 }, field: 'due', status: 400 },
          { what: 'owner outside the pair', body: { ...valid, ownerId: 'devon' }, field: 'ownerId', status: 400 },
          { what: 'empty owner', body: { ...valid, ownerId: '' }, field: 'ownerId', status: 400 },
          { what: 'malformed session id', body: { ...valid, sessionId: 'tomorrow' }, field: 'sessionId', status: 400 },
          { what: 'no such occurrence', body: { ...valid, sessionId: ghost }, field: 'sessionId', status: 404 },
          { what: 'invalid client id', body: { ...valid, id: 'a b' }, field: 'id', status: 400 },
          { what: 'unknown field', body: { ...valid, priority: 1 }, field: 'priority', status: 400 },
          { what: 'goal not of this 1:1', body: { ...valid, goalId: 'no-such-goal' }, field: 'goalId', status: 400 },
          { what: 'empty goal id', body: { ...valid, goalId: '' }, field: 'goalId', status: 400 },
          { what: 'goal id of the wrong type', body: { ...valid, goalId: 7 }, field: 'goalId', status: 400 },
          {
            what: 'id of a different item',
            body: { ...valid, id: 'seed-a2', text: 'Other' },
            field: 'id',
            status: 409,
          },
          ...bodyCases(valid),
        ])({ text: 'Book the room', ownerId: 'blake', due: '2030-01-15', sessionId: next }),
      },
      {
        method: 'PATCH',
        route: '/api/pairs/:pairId/action-items/:itemId',
        as: 'avery',
        path: `/api/pairs/${PAIR}/action-items/seed-a2`,
        hasBody: true,
        cases: [
          { what: 'missing rev', body: { status: 'done' }, field: 'rev', status: 400 },
          { what: 'nothing to change', body: { rev: 1 }, field: 'rev', status: 400 },
          { what: 'unknown status', body: { rev: 1, status: 'closed' }, field: 'status', status: 400 },
          { what: 'due in month 13', body: { rev: 1, due: '2030-13-01' }, field: 'due', status: 400 },
          { what: 'owner outside the pair', body: { rev: 1, ownerId: 'devon' }, field: 'ownerId', status: 400 },
          { what: 'whitespace text', body: { rev: 1, text: '  ' }, field: 'text', status: 400 },
          { what: 'unknown field', body: { rev: 1, assignee: 'blake' }, field: 'assignee', status: 400 },
          { what: 'goal not of this 1:1', body: { rev: 1, goalId: 'no-such-goal' }, field: 'goalId', status: 400 },
          { what: 'goal id of the wrong type', body: { rev: 1, goalId: ['seed-g1'] }, field: 'goalId', status: 400 },
          { what: 'stale rev', body: { rev: 5, status: 'done' }, field: 'rev', status: 409 },
          {
            what: 'no such item',
            path: `/api/pairs/${PAIR}/action-items/nope`,
            body: { rev: 1, status: 'done' },
            field: 'itemId',
            status: 404,
          },
          ...bodyCases({ rev: 1, status: 'done' }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/goals',
        as: 'blake',
        path: `/api/pairs/${PAIR}/goals`,
        hasBody: true,
        cases: [
          { what: 'missing kind', body: { title: 'Grow' }, field: 'kind', status: 400 },
          { what: 'unknown kind', body: { kind: 'okr', title: 'Grow' }, field: 'kind', status: 400 },
          { what: 'empty title', body: { kind: 'goal', title: '' }, field: 'title', status: 400 },
          {
            what: 'unknown learning format',
            body: { kind: 'development', title: 'Grow', learningFormat: 'osmosis' },
            field: 'learningFormat',
            status: 400,
          },
          {
            what: 'milestone without a title',
            body: { kind: 'goal', title: 'Grow', milestones: [{}] },
            field: 'milestones.0.title',
            status: 400,
          },
          {
            what: 'milestone with a whitespace title',
            body: { kind: 'goal', title: 'Grow', milestones: [{ title: 'ok' }, { title: '  ' }] },
            field: 'milestones.1.title',
            status: 400,
          },
          {
            what: 'milestone due date that does not exist',
            body: { kind: 'goal', title: 'Grow', milestones: [{ title: 'm', due: '2030-02-30' }] },
            field: 'milestones.0.due',
            status: 400,
          },
          {
            what: 'too many milestones',
            body: {
              kind: 'goal',
              title: 'Grow',
              milestones: Array.from({ length: 51 }, (_, i) => ({ title: `m${i}` })),
            },
            field: 'milestones',
            status: 400,
          },
          { what: 'unknown field', body: { kind: 'goal', title: 'Grow', owner: 'blake' }, field: 'owner', status: 400 },
          ...bodyCases({ kind: 'goal', title: 'Grow' }),
        ],
      },
      {
        method: 'PATCH',
        route: '/api/pairs/:pairId/goals/:goalId',
        as: 'blake',
        path: `/api/pairs/${PAIR}/goals/seed-g1`,
        hasBody: true,
        cases: [
          { what: 'missing rev', body: { title: 'ok' }, field: 'rev', status: 400 },
          { what: 'nothing to change', body: { rev: 1 }, field: 'rev', status: 400 },
          { what: 'unknown status', body: { rev: 1, status: 'done' }, field: 'status', status: 400 },
          { what: 'empty title', body: { rev: 1, title: '' }, field: 'title', status: 400 },
          {
            what: 'milestone with an empty title',
            body: { rev: 1, addMilestone: { title: '' } },
            field: 'addMilestone.title',
            status: 400,
          },
          {
            what: 'milestone id already used',
            body: { rev: 1, addMilestone: { id: 'seed-m1', title: 'again' } },
            field: 'addMilestone.id',
            status: 409,
          },
          {
            what: 'no such milestone',
            body: { rev: 1, completeMilestone: 'nope' },
            field: 'completeMilestone',
            status: 404,
          },
          {
            what: 'malformed session id',
            body: { rev: 1, discussedIn: 'yesterday' },
            field: 'discussedIn',
            status: 400,
          },
          { what: 'stale rev', body: { rev: 9, title: 'ok' }, field: 'rev', status: 409 },
          { what: 'unknown field', body: { rev: 1, priority: 2 }, field: 'priority', status: 400 },
          {
            what: 'no such goal',
            path: `/api/pairs/${PAIR}/goals/nope`,
            body: { rev: 1, title: 'ok' },
            field: 'goalId',
            status: 404,
          },
          {
            what: 'unknown learning format',
            body: { rev: 1, learningFormat: 'osmosis' },
            field: 'learningFormat',
            status: 400,
          },
          {
            what: 'milestone edit with nothing to change',
            body: { rev: 1, editMilestone: { id: 'seed-m1' } },
            field: 'editMilestone',
            status: 400,
          },
          {
            what: 'milestone moved to an impossible date',
            body: { rev: 1, editMilestone: { id: 'seed-m1', due: '2030-02-30' } },
            field: 'editMilestone.due',
            status: 400,
          },
          {
            what: 'no such milestone to edit',
            body: { rev: 1, editMilestone: { id: 'nope', title: 'ok' } },
            field: 'editMilestone.id',
            status: 404,
          },
          {
            what: 'the manager overwriting the report’s development item',
            as: 'avery',
            body: { rev: 1, title: 'mine now' },
            field: 'title',
            status: 403,
          },
          ...bodyCases({ rev: 1, title: 'ok' }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/goals/:goalId/comments',
        as: 'avery',
        path: `/api/pairs/${PAIR}/goals/seed-g1/comments`,
        hasBody: true,
        cases: [
          { what: 'missing text', body: {}, field: 'text', status: 400 },
          { what: 'blank text', body: { text: '   ' }, field: 'text', status: 400 },
          { what: 'text too long', body: { text: long(LIMITS.detail + 1) }, field: 'text', status: 400 },
          { what: 'unknown field', body: { text: 'ok', mood: 3 }, field: 'mood', status: 400 },
          {
            what: 'no such goal',
            path: `/api/pairs/${PAIR}/goals/nope/comments`,
            body: { text: 'ok' },
            field: 'goalId',
            status: 404,
          },
          ...bodyCases({ text: 'ok' }),
        ],
      },
      {
        method: 'PATCH',
        route: '/api/me/attention',
        as: 'blake',
        path: '/api/me/attention',
        hasBody: true,
        cases: [
          { what: 'nothing to change', body: {}, field: 'body', status: 400 },
          { what: 'prompt not a boolean', body: { prompt: 'yes' }, field: 'prompt', status: 400 },
          { what: 'nudges not a boolean', body: { nudges: 1 }, field: 'nudges', status: 400 },
          { what: 'skip rule null', body: { skipWhenMyTopics: null }, field: 'skipWhenMyTopics', status: 400 },
          { what: 'hours not offered', body: { promptHoursBefore: 3 }, field: 'promptHoursBefore', status: 400 },
          { what: 'hours as text', body: { promptHoursBefore: '24' }, field: 'promptHoursBefore', status: 400 },
          { what: 'negative hours', body: { promptHoursBefore: -24 }, field: 'promptHoursBefore', status: 400 },
          { what: 'unknown setting', body: { recap: false }, field: 'recap', status: 400 },
          { what: 'someone else', body: { userId: 'avery', nudges: false }, field: 'userId', status: 400 },
          ...bodyCases({ nudges: false }),
        ],
      },
      // Reads: a window or a session beyond the horizon, a window where none is allowed, prototype keys.
      {
        method: 'GET',
        route: '/api/me/ratings',
        as: 'avery',
        path: '/api/me/ratings',
        hasBody: false,
        cases: [
          { what: 'caller-chosen window', query: '?from=2026-01-01T00:00:00Z', field: 'from', status: 400 },
          { what: 'prototype key as query parameter', query: '?__proto__=x', field: '__proto__', status: 400 },
          { what: 'constructor as query parameter', query: '?constructor=x', field: 'constructor', status: 400 },
        ],
      },
      {
        method: 'GET',
        route: '/api/meetings/session',
        as: 'blake',
        path: '/api/meetings/session',
        hasBody: false,
        cases: [
          { what: 'an unknown include', query: `?pairId=${PAIR}&include=everything`, field: 'include', status: 400 },
          { what: 'include twice over', query: `?pairId=${PAIR}&include=agenda,notes`, field: 'include', status: 400 },
          { what: 'agenda of no meeting named', query: '?include=agenda', field: 'chatId', status: 400 },
          {
            what: 'a start that is no date',
            query: `?pairId=${PAIR}&include=agenda&meetingStart=soon`,
            field: 'meetingStart',
            status: 400,
          },
          { what: 'unknown query parameter', query: `?pairId=${PAIR}&with=agenda`, field: 'with', status: 400 },
        ],
      },
      {
        method: 'GET',
        route: '/api/pairs/:pairId/sessions',
        as: 'blake',
        path: `/api/pairs/${PAIR}/sessions`,
        hasBody: false,
        cases: [
          {
            what: 'far-future window',
            query: '?from=9999-01-01T00:00:00Z&to=9999-02-01T00:00:00Z',
            field: 'from',
            status: 400,
          },
          {
            what: 'window from the epoch',
            query: '?from=1970-01-01T00:00:00Z&to=1970-02-01T00:00:00Z',
            field: 'from',
            status: 400,
          },
        ],
      },
      {
        method: 'GET',
        route: '/api/pairs/:pairId/health',
        as: 'avery',
        path: `/api/pairs/${PAIR}/health`,
        hasBody: false,
        cases: [
          { what: 'far-future period', query: '?from=9999-01-01T00:00:00Z&to=9999-02-01T00:00:00Z', field: 'from' },
        ],
      },
      {
        method: 'GET',
        route: '/api/pairs/:pairId/sessions/:sessionId',
        as: 'blake',
        path: sessionPath('99991230T100000Z'),
        hasBody: false,
        cases: [{ what: 'far-future session id', field: 'sessionId', status: 400 }],
      },
      ...(['archive', 'unarchive', ''] as const).map((action): RouteCases => ({
        method: action ? 'POST' : 'DELETE',
        route: `/api/pairs/:pairId${action ? `/${action}` : ''}`,
        as: 'blake',
        path: `/api/pairs/avery-blake${action ? `/${action}` : ''}`,
        hasBody: false,
        cases: [
          {
            what: 'malformed pair id',
            path: `/api/pairs/bad%20id${action ? `/${action}` : ''}`,
            field: 'pairId',
            status: 404,
          },
          {
            what: 'no such pair',
            path: `/api/pairs/no-such-pair${action ? `/${action}` : ''}`,
            field: 'pairId',
            status: 404,
          },
          {
            what: "someone else's pair",
            path: `/api/pairs/avery-casey${action ? `/${action}` : ''}`,
            field: 'pairId',
            status: 404,
          },
        ],
      })),
      {
        method: 'POST',
        route: '/api/pairs/:pairId/carry-over',
        as: 'blake',
        path: '/api/pairs/avery-blake/carry-over',
        hasBody: true,
        cases: [
          { what: 'missing fromPairId', body: { goalIds: ['seed-g1'] }, field: 'fromPairId', status: 400 },
          { what: 'no goals', body: { fromPairId: 'avery-blake', goalIds: [] }, field: 'goalIds', status: 400 },
          {
            what: 'goalIds not a list',
            body: { fromPairId: 'avery-blake', goalIds: 'seed-g1' },
            field: 'goalIds',
            status: 400,
          },
          {
            what: 'unknown field',
            body: { fromPairId: 'avery-blake', goalIds: ['seed-g1'], all: true },
            field: 'all',
            status: 400,
          },
          {
            what: 'from a 1:1 that is not archived',
            body: { fromPairId: 'avery-blake', goalIds: ['seed-g1'] },
            field: 'fromPairId',
            status: 400,
          },
          {
            what: 'the manager choosing',
            as: 'avery',
            body: { fromPairId: 'avery-blake', goalIds: ['seed-g1'] },
            field: 'fromPairId',
            status: 403,
          },
          ...bodyCases({ fromPairId: 'avery-blake', goalIds: ['seed-g1'] }),
        ],
      },
      {
        method: 'POST',
        route: '/api/pairs/:pairId/series',
        as: 'blake',
        path: '/api/pairs/avery-blake/series',
        hasBody: true,
        cases: [
          { what: 'missing seriesId', body: {}, field: 'seriesId', status: 400 },
          { what: 'seriesId not a string', body: { seriesId: 7 }, field: 'seriesId', status: 400 },
          { what: 'seriesId with markup', body: { seriesId: '<b>x</b>' }, field: 'seriesId', status: 400 },
          { what: 'over-long seriesId', body: { seriesId: long(513) }, field: 'seriesId', status: 400 },
          {
            what: 'unknown field',
            body: { seriesId: 'local-x', organizerId: 'avery' },
            field: 'organizerId',
            status: 400,
          },
          {
            what: 'no such series in my calendar',
            body: { seriesId: 'local-no-such' },
            field: 'seriesId',
            status: 404,
          },
          {
            what: "someone else's pair",
            path: '/api/pairs/avery-casey/series',
            body: { seriesId: 'local-no-such' },
            field: 'pairId',
            status: 404,
          },
          ...bodyCases({ seriesId: 'local-no-such' }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/history-sharing',
        as: 'blake',
        path: '/api/pairs/avery-blake/history-sharing',
        hasBody: true,
        cases: [
          { what: 'missing shared', body: {}, field: 'shared', status: 400 },
          { what: 'shared not a boolean', body: { shared: 'yes' }, field: 'shared', status: 400 },
          { what: 'unknown field', body: { shared: true, with: 'devon' }, field: 'with', status: 400 },
          {
            what: 'a 1:1 not archived by a manager change',
            body: { shared: true },
            field: 'pairId',
            status: 400,
          },
          { what: 'the manager choosing', as: 'avery', body: { shared: true }, field: 'pairId', status: 403 },
          ...bodyCases({ shared: true }),
        ],
      },
      {
        method: 'DELETE',
        route: '/api/me/proposals/:fromPairId',
        as: 'blake',
        path: '/api/me/proposals/avery-blake',
        hasBody: false,
        cases: [
          { what: 'malformed id', path: '/api/me/proposals/bad%20id', field: 'fromPairId', status: 400 },
          { what: 'over-long id', path: `/api/me/proposals/${long(65)}`, field: 'fromPairId', status: 400 },
          { what: 'id with a dot', path: '/api/me/proposals/a.b', field: 'fromPairId', status: 400 },
        ],
      },
      {
        method: 'DELETE',
        route: '/api/people/:userId/data',
        as: 'blake',
        path: '/api/people/blake/data',
        hasBody: false,
        cases: [
          { what: "someone else's data", path: '/api/people/avery/data', field: 'userId', status: 403 },
          { what: 'malformed user id', path: '/api/people/bad%20user/data', field: 'userId', status: 400 },
          { what: 'user id with markup', path: '/api/people/%3Cb%3E/data', field: 'userId', status: 400 },
        ],
      },
      {
        method: 'POST',
        route: '/api/demo/people/:userId',
        as: 'avery',
        path: '/api/demo/people/casey',
        hasBody: true,
        cases: [
          { what: 'nothing to change', body: {}, field: 'managerId', status: 400 },
          { what: 'manager of the wrong type', body: { managerId: 7 }, field: 'managerId', status: 400 },
          { what: 'unknown manager', body: { managerId: 'nobody' }, field: 'managerId', status: 400 },
          { what: 'unknown field', body: { managerId: 'devon', team: 'x' }, field: 'team', status: 400 },
          {
            what: 'unknown person',
            path: '/api/demo/people/nobody',
            body: { left: true },
            field: 'userId',
            status: 404,
          },
          ...bodyCases({ managerId: 'devon' }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/pairs/:pairId/template',
        as: 'avery',
        path: `/api/pairs/${PAIR}/template`,
        hasBody: true,
        cases: [
          { what: 'no sections', body: { deepDiveMinutes: 15 }, field: 'sections', status: 400 },
          { what: 'empty sections', body: { deepDiveMinutes: 15, sections: [] }, field: 'sections', status: 400 },
          {
            what: '13 sections',
            body: {
              deepDiveMinutes: 15,
              sections: [{ id: 'topics' }, ...Array.from({ length: 12 }, (_, i) => ({ id: `x-${i}`, title: 'S' }))],
            },
            field: 'sections',
            status: 400,
          },
          {
            what: 'a title over 60 characters',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics', title: long(61) }] },
            field: 'sections.0.title',
            status: 400,
          },
          {
            what: 'a prompt over 200 characters',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics', prompts: [{ text: long(201) }] }] },
            field: 'sections.0.prompts.0.text',
            status: 400,
          },
          {
            what: 'an unknown section id',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics' }, { id: 'agenda' }] },
            field: 'sections.1.id',
            status: 400,
          },
          {
            what: 'Topics hidden',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics', hidden: true }] },
            field: 'sections.0.hidden',
            status: 400,
          },
          {
            what: 'a deep dive of 121 minutes',
            body: { deepDiveMinutes: 121, sections: [{ id: 'topics' }] },
            field: 'deepDiveMinutes',
            status: 400,
          },
          {
            what: 'unknown field',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics', colour: 'red' }] },
            field: 'sections.0.colour',
            status: 400,
          },
          {
            what: 'the report shapes it',
            as: 'blake',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics' }] },
            field: 'pairId',
            status: 403,
          },
          {
            what: 'no such pair',
            path: '/api/pairs/no-such-pair/template',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics' }] },
            field: 'pairId',
            status: 404,
          },
          ...bodyCases({ deepDiveMinutes: 15, sections: [{ id: 'topics' }] }),
        ],
      },
      {
        method: 'PUT',
        route: '/api/templates/:templateId',
        as: 'avery',
        path: '/api/templates/my-weekly',
        hasBody: true,
        cases: [
          {
            what: 'no name',
            body: { deepDiveMinutes: 15, sections: [{ id: 'topics' }] },
            field: 'name',
            status: 400,
          },
          {
            what: 'a name over 60 characters',
            body: { name: long(61), deepDiveMinutes: 15, sections: [{ id: 'topics' }] },
            field: 'name',
            status: 400,
          },
          {
            what: 'a prompt no built-in template has',
            body: {
              name: 'Mine',
              deepDiveMinutes: 15,
              sections: [{ id: 'topics', prompts: [{ key: 'tab.tryAgain' }] }],
            },
            field: 'sections.0.prompts.0.key',
            status: 400,
          },
          {
            what: 'malformed id',
            path: '/api/templates/bad%20id',
            body: { name: 'Mine', deepDiveMinutes: 15, sections: [{ id: 'topics' }] },
            field: 'templateId',
            status: 400,
          },
          ...bodyCases({ name: 'Mine', deepDiveMinutes: 15, sections: [{ id: 'topics' }] }),
        ],
      },
      {
        method: 'DELETE',
        route: '/api/templates/:templateId',
        as: 'avery',
        path: '/api/templates/nope',
        hasBody: false,
        cases: [
          { what: 'no such template', field: 'templateId', status: 404 },
          { what: 'malformed id', path: '/api/templates/bad%20id', field: 'templateId', status: 400 },
          { what: 'over-long id', path: `/api/templates/${long(65)}`, field: 'templateId', status: 400 },
        ],
      },
    ];
  }

  test('the table covers every write route with several bad inputs', () => {
    const writes = demo.tandem.routes
      .filter((r) => r.path.startsWith('/api/'))
      .filter((r) => r.method !== 'get')
      .map((r) => ({
        key: `${r.method === 'del' ? 'DELETE' : r.method.toUpperCase()} ${r.path}`,
        hasBody: r.body !== undefined,
      }));
    const rows = table();
    for (const write of writes) {
      const row = rows.find((r) => `${r.method} ${r.route}` === write.key);
      expect({ route: write.key, covered: row !== undefined }).toEqual({ route: write.key, covered: true });
      expect({ route: write.key, hasBody: row!.hasBody }).toEqual({ route: write.key, hasBody: write.hasBody });
      expect(row!.cases.length).toBeGreaterThanOrEqual(3);
    }
  });

  test('every bad input gets a 4xx application/problem+json naming the field, and the data folder is unchanged', async () => {
    const before = await hashTree(demo.dataDir, OPERATIONAL_STATE);
    const clients = { avery: demo.avery, blake: demo.blake };
    const failures: string[] = [];
    let count = 0;
    for (const row of table()) {
      for (const c of row.cases) {
        count++;
        const path = (c.path ?? row.path) + (c.query ?? '');
        const client = clients[c.as ?? row.as];
        let response: ApiResponse;
        try {
          response = await client.request(
            row.method,
            path,
            c.raw
              ? { rawBody: c.raw.text, contentType: c.raw.contentType }
              : c.body === undefined
                ? {}
                : { body: c.body },
          );
        } catch (error) {
          failures.push(`${row.method} ${path} (${c.what}): request failed: ${String(error)}`);
          continue;
        }
        const label = `${row.method} ${row.route} (${c.what})`;
        if (!isProblem(response)) {
          failures.push(`${label}: ${response.status} ${response.contentType} ${response.text.slice(0, 200)}`);
          continue;
        }
        const problem = jsonOf<ProblemBody>(response);
        const fields = problem.errors?.map((e) => e.field) ?? [];
        const statusOk =
          c.status === undefined ? response.status >= 400 && response.status < 500 : response.status === c.status;
        if (!statusOk || problem.status !== response.status || !fields.includes(c.field) || !problem.type) {
          failures.push(
            `${label}: expected ${c.status ?? '4xx'} naming ${c.field}, got ${response.status} ${response.text.slice(0, 300)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(200);
    // Nothing was half-written: every file under the data folder has the same bytes, and no file came or went.
    expect(await hashTree(demo.dataDir, OPERATIONAL_STATE)).toEqual(before);
  });
});

describe('a full session or 1:1 refuses one more item with a 409 naming the field, and nothing is written', () => {
  let server: InProcessTandem;
  let demo: Demo;

  beforeAll(async () => {
    server = await startInProcess('bad-input-caps');
    demo = await signInDemo(server.url);
  });

  afterAll(async () => {
    await server?.close();
  });

  /**
   * Fills a collection to its cap through the use-cases (concurrent calls share a write, so thousands are
   * quick; once it is full the rest are refused), then asks over HTTP for one more.
   */
  async function oneMoreWhenFull(
    fill: (i: number) => Promise<unknown>,
    count: number,
    as: User,
    path: string,
    body: unknown,
  ): Promise<{ status: number; fields: string[] }> {
    await Promise.allSettled(Array.from({ length: count }, (_, i) => fill(i)));
    const before = await hashTree(server.dataDir, OPERATIONAL_STATE);
    const response = await demo[as].request('POST', path, { body });
    expect({ path, problem: isProblem(response) }).toEqual({ path, problem: true });
    // Nothing was half-written.
    expect(await hashTree(server.dataDir, OPERATIONAL_STATE)).toEqual(before);
    const problem = jsonOf<ProblemBody>(response);
    expect(problem.status).toBe(response.status);
    return { status: response.status, fields: problem.errors?.map((e) => e.field) ?? [] };
  }

  const uc = () => server.tandem.useCases;

  test.each([
    ['shared notes in a session (200)', false],
    ["one person's private notes in a session (200)", true],
  ])('%s', async (_what, isPrivate) => {
    const next = demo.nextSessionId;
    const refused = await oneMoreWhenFull(
      (i) => uc().sessions.addNote('blake', PAIR, next, { text: `note ${i}`, private: isPrivate }),
      LIMITS.notesPerSession,
      'blake',
      `${sessionPath(next)}/notes`,
      { text: 'one too many', private: isPrivate },
    );
    expect(refused).toEqual({ status: 409, fields: ['text'] });
  });

  test('feedback in a session (100)', async () => {
    const next = demo.nextSessionId;
    const refused = await oneMoreWhenFull(
      (i) => uc().sessions.giveFeedback('avery', PAIR, next, { text: `thanks ${i}` }),
      LIMITS.feedbackPerSession,
      'avery',
      `${sessionPath(next)}/feedback`,
      { text: 'one too many' },
    );
    expect(refused).toEqual({ status: 409, fields: ['text'] });
  });

  test('action items of a 1:1 (2000)', async () => {
    const sessionId = demo.nextSessionId;
    const item = { ownerId: 'blake', due: '2030-01-15', sessionId };
    const refused = await oneMoreWhenFull(
      (i) => uc().commitments.addActionItem('avery', PAIR, { ...item, text: `do ${i}` }),
      LIMITS.actionItemsPerPair,
      'avery',
      `/api/pairs/${PAIR}/action-items`,
      { ...item, text: 'one too many' },
    );
    expect(refused).toEqual({ status: 409, fields: ['text'] });
  });

  test('goals of a 1:1 (200)', async () => {
    const refused = await oneMoreWhenFull(
      (i) => uc().commitments.addGoal('blake', PAIR, { kind: 'goal', title: `grow ${i}` }),
      LIMITS.goalsPerPair,
      'blake',
      `/api/pairs/${PAIR}/goals`,
      { kind: 'goal', title: 'one too many' },
    );
    expect(refused).toEqual({ status: 409, fields: ['title'] });
  });

  test('one stored document (2 MiB): long notes of three-byte characters fill a session first', async () => {
    // The session after next: its document holds nothing yet.
    const later = sessionIdAt(new Date(startOfSession(demo.nextSessionId).getTime() + 7 * DAY));
    const text = '€'.repeat(LIMITS.note);
    const fits = Math.floor(LIMITS.documentBytes / Buffer.byteLength(text));
    expect(fits).toBeLessThan(LIMITS.notesPerSession);
    const refused = await oneMoreWhenFull(
      (i) => uc().sessions.addNote('blake', PAIR, later, { id: `long-${i}`, text, private: false }),
      fits,
      'blake',
      `${sessionPath(later)}/notes`,
      { text, private: false },
    );
    expect(refused).toEqual({ status: 409, fields: ['body'] });
  });
});

describe('a foreign Host header is refused on every route, static file and stream (embedded mode)', () => {
  let server: InProcessTandem;

  beforeAll(async () => {
    server = await startInProcess('bad-input-host');
  });

  afterAll(async () => {
    await server?.close();
  });

  test('each route of the table, the tab, the sandbox and the event stream answer 421 naming host', async () => {
    const port = server.tandem.port;
    const paths = [
      ...server.tandem.routes.map((r) => ({
        method: r.method === 'del' ? 'DELETE' : r.method.toUpperCase(),
        path: r.path.replace(/:(\w+)/g, 'x'),
      })),
      { method: 'GET', path: '/tab/' },
      { method: 'GET', path: '/sandbox/' },
      { method: 'GET', path: '/api/pairs/avery-blake/events' },
      { method: 'POST', path: '/api/messages' },
    ];
    const failures: string[] = [];
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      for (const p of paths) {
        const answer = await rawRequest(port, p.method, p.path, host);
        const body = answer.body ? (JSON.parse(answer.body) as ProblemBody) : undefined;
        const fields = body?.errors?.map((e) => e.field) ?? [];
        if (answer.status !== 421 || !answer.type.startsWith('application/problem+json') || !fields.includes('host'))
          failures.push(`${p.method} ${p.path} Host ${host}: ${answer.status} ${answer.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // The service's own names still work.
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(port, 'GET', '/healthz', host)).status).toBe(200);
    }
  });
});

function rawRequest(
  port: number,
  method: string,
  path: string,
  host: string,
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
