import { route } from '../route';
import * as s from '../schemas';
import { command, creation, SESSION, type ApiDeps } from './deps';

/** The meeting as both people live it: the topic now discussed, the shared deep-dive timer, the wins. */
export function meetingRoutes({ useCases: uc, clock }: ApiDeps) {
  return [
    route({
      method: 'get',
      path: '/api/time',
      summary: "The service's clock, so both people's timers count from the same instant",
      tag: 'sessions',
      auth: 'user',
      success: 200,
      handle: async () => ({ json: { now: clock.now().toISOString() } }),
    }),
    command({
      method: 'put',
      path: `${SESSION}/now-discussing`,
      summary: 'Mark the topic discussed now (or none); the previous topic’s time is recorded',
      tag: 'sessions',
      body: s.nowDiscussingBody,
      run: (userId, p, body) => uc.meeting.discuss(userId, p.pairId!, p.sessionId!, body.topicId),
    }),
    command({
      method: 'put',
      path: `${SESSION}/deep-dive`,
      summary: "Change the running deep dive's timebox (minutes) or stop its timer (stop)",
      tag: 'sessions',
      body: s.deepDiveChangeBody,
      run: (userId, p, body) => uc.meeting.changeDeepDive(userId, p.pairId!, p.sessionId!, body),
    }),
    creation({
      path: `${SESSION}/wins`,
      summary: 'Note a win: something that went well since last time (shown in the recap)',
      tag: 'sessions',
      body: s.winBody,
      run: async (userId, p, body) => {
        const { win, created } = await uc.meeting.addWin(userId, p.pairId!, p.sessionId!, body);
        return [win, created] as const;
      },
    }),
  ];
}
