import { route } from '../route';
import * as s from '../schemas';
import { command, created, SESSION, type ApiDeps } from './deps';

/** A session's topics and the notes taken in it. */
export function topicRoutes({ useCases: uc }: ApiDeps) {
  return [
    route({
      method: 'post',
      path: `${SESSION}/topics`,
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
      path: `${SESSION}/topics/:topicId`,
      summary: 'Edit a topic (its author), or check it off / reopen it (either person); `rev` guards edits',
      tag: 'topics',
      auth: 'user',
      body: s.editTopicBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: await uc.topics.edit(caller.userId, params.pairId!, params.sessionId!, params.topicId!, body),
      }),
    }),
    command({
      method: 'del',
      path: `${SESSION}/topics/:topicId`,
      summary: 'Remove a topic not yet discussed (its author)',
      tag: 'topics',
      run: (userId, p) => uc.topics.remove(userId, p.pairId!, p.sessionId!, p.topicId!),
    }),
    command({
      method: 'put',
      path: `${SESSION}/topic-order`,
      summary: "Order a section's topics",
      tag: 'topics',
      body: s.reorderBody,
      run: (userId, p, body) => uc.topics.reorder(userId, p.pairId!, p.sessionId!, body.section, body.topicIds),
    }),
    route({
      method: 'post',
      path: `${SESSION}/notes`,
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
      path: `${SESSION}/notes/:noteId`,
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
      path: `${SESSION}/notes/:noteId`,
      summary: 'Remove one of my notes (`?private=true` for a private one)',
      tag: 'notes',
      auth: 'user',
      query: s.privateQuery,
      success: 204,
      handle: async ({ caller, params, query }) => {
        await uc.sessions.removeNote(caller.userId, params.pairId!, params.sessionId!, params.noteId!, query.private);
        return { status: 204 };
      },
    }),
  ];
}
