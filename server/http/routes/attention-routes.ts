import { route } from '../route';
import * as s from '../schemas';
import { edit, type ApiDeps } from './deps';

/** Each person's own choice of what the bot interrupts them with (prompts, nudges). */
export function attentionRoutes({ useCases: uc }: ApiDeps) {
  return [
    route({
      method: 'get',
      path: '/api/me/attention',
      summary: 'Your choice of prompts before a 1:1 and of nudges about your action items',
      tag: 'attention',
      auth: 'user',
      query: s.noQuery,
      success: 200,
      handle: async ({ caller }) => ({ json: await uc.attention.get(caller.userId) }),
    }),
    edit({
      path: '/api/me/attention',
      summary: 'Change your prompts and nudges (only the settings given); your reminders are re-planned',
      tag: 'attention',
      body: s.attentionBody,
      run: (userId, _p, body) => uc.attention.update(userId, body),
    }),
  ];
}
