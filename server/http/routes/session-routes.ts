import type { MeetingSessionWithAgenda } from '../../../core/use-cases/sessions';
import { strongEtag } from '../etag';
import { route } from '../route';
import * as s from '../schemas';
import { command, SESSION, type ApiDeps } from './deps';

const DAY = 86_400_000;
/** Without a window, the sessions list spans this many days back and ahead. */
const DEFAULT_WINDOW_DAYS = 90;

/** One session: its agenda, what each person records in it, its state and its place in the calendar. */
export function sessionRoutes({ useCases: uc, clock }: ApiDeps) {
  return [
    route({
      method: 'get',
      path: '/api/meetings/session',
      summary: "Which session a meeting is: by its chat (or the 1:1) and, if known, the meeting's start",
      tag: 'sessions',
      auth: 'user',
      query: s.meetingQuery,
      success: 200,
      handle: async ({ caller, query: { include, ...where } }) => {
        const found = await uc.sessions.forMeeting(caller.userId, where);
        if (include !== 'agenda' || !found.sessionId) return { json: found };
        // The agenda through its own use case (the same checks as its GET), named by the ETag its GET sends.
        const agenda = await uc.sessions.agenda(caller.userId, found.pairId, found.sessionId);
        const json: MeetingSessionWithAgenda = { ...found, agenda, agendaEtag: strongEtag(JSON.stringify(agenda)) };
        // The viewer's private notes are in it: kept by no cache (the client re-reads the agenda by its ETag).
        return { json, headers: { 'cache-control': 'private, no-store' } };
      },
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
        const to = query.to ? new Date(query.to) : new Date(clock.now().getTime() + DEFAULT_WINDOW_DAYS * DAY);
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 2 * DEFAULT_WINDOW_DAYS * DAY);
        return { json: { sessions: await uc.schedule.list(caller.userId, params.pairId!, from, to) } };
      },
    }),
    route({
      method: 'get',
      path: SESSION,
      summary: "A session's agenda by framework section, with the viewer's own private notes",
      tag: 'sessions',
      auth: 'user',
      etag: true,
      success: 200,
      handle: async ({ caller, params }) => ({
        json: await uc.sessions.agenda(caller.userId, params.pairId!, params.sessionId!),
      }),
    }),
    command({
      method: 'put',
      path: `${SESSION}/check-in`,
      summary: 'My check-in: mood 1-5 and a line',
      tag: 'sessions',
      body: s.checkInBody,
      run: (userId, p, body) => uc.sessions.checkIn(userId, p.pairId!, p.sessionId!, body),
    }),
    command({
      method: 'post',
      path: `${SESSION}/feedback`,
      summary: 'Feedback to the other person',
      tag: 'sessions',
      body: s.feedbackBody,
      run: (userId, p, body) => uc.sessions.giveFeedback(userId, p.pairId!, p.sessionId!, body),
    }),
    command({
      method: 'put',
      path: `${SESSION}/rating`,
      summary: 'How useful the session was to me, 1-5 (nobody sees a single rating but its author)',
      tag: 'sessions',
      body: s.ratingBody,
      run: (userId, p, body) => uc.sessions.rate(userId, p.pairId!, p.sessionId!, body.score),
    }),
    command({
      method: 'post',
      path: `${SESSION}/deep-dive`,
      summary: 'Choose the deep-dive topic and start its timebox',
      tag: 'sessions',
      body: s.deepDiveBody,
      run: (userId, p, body) => uc.sessions.startDeepDive(userId, p.pairId!, p.sessionId!, body),
    }),
    command({
      method: 'post',
      path: `${SESSION}/start`,
      summary: 'Mark the session started',
      tag: 'sessions',
      run: (userId, p) => uc.sessions.setState(userId, p.pairId!, p.sessionId!, 'started'),
    }),
    command({
      method: 'post',
      path: `${SESSION}/end`,
      summary: 'Mark the meeting in progress ended (its recap is then ready); again changes nothing',
      tag: 'sessions',
      run: (userId, p) => uc.sessions.setState(userId, p.pairId!, p.sessionId!, 'ended'),
    }),
    command({
      method: 'post',
      path: `${SESSION}/reopen`,
      summary: 'Reopen an ended meeting (its people, until a day after its slot)',
      tag: 'sessions',
      run: (userId, p) => uc.sessions.setState(userId, p.pairId!, p.sessionId!, 'reopened'),
    }),
    command({
      method: 'post',
      path: `${SESSION}/nothing-from-me`,
      summary: '"Nothing from me this time": stops further prompts for this session',
      tag: 'sessions',
      run: (userId, p) => uc.sessions.nothingFromMe(userId, p.pairId!, p.sessionId!),
    }),
    route({
      method: 'post',
      path: `${SESSION}/move`,
      summary: 'Move this occurrence (the organizer); its agenda follows',
      tag: 'schedule',
      auth: 'user',
      body: s.moveBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.schedule.move(caller.userId, params.pairId!, params.sessionId!, new Date(body.start)),
      }),
    }),
    command({
      method: 'post',
      path: `${SESSION}/skip`,
      summary: 'Skip this occurrence (the organizer); its open topics carry to the next',
      tag: 'schedule',
      run: (userId, p) => uc.schedule.skip(userId, p.pairId!, p.sessionId!),
    }),
    route({
      method: 'put',
      path: '/api/pairs/:pairId/cadence',
      summary: "Change the 1:1's cadence, weekday, time, length or time zone from the next meeting on (the organizer)",
      tag: 'schedule',
      auth: 'user',
      body: s.changeCadenceBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.schedule.changeCadence(caller.userId, params.pairId!, body.cadence),
      }),
    }),
    route({
      method: 'post',
      path: `${SESSION}/undo-skip`,
      summary: 'Undo a skip before the meeting (the organizer; where the calendar can bring it back)',
      tag: 'schedule',
      auth: 'user',
      success: 200,
      handle: async ({ caller, params }) => ({
        json: await uc.schedule.undoSkip(caller.userId, params.pairId!, params.sessionId!),
      }),
    }),
  ];
}
