import { route } from '../route';
import * as s from '../schemas';
import { command, creation, edit, SESSION, type ApiDeps } from './deps';

/** A session's topics and the notes taken in it. */
export function topicRoutes({ useCases: uc }: ApiDeps) {
  return [
    creation({
      path: `${SESSION}/topics`,
      summary: 'Add a topic (idempotent by client-made id)',
      tag: 'topics',
      body: s.addTopicBody,
      run: async (userId, p, body) => {
        const result = await uc.topics.add(userId, p.pairId!, p.sessionId!, body);
        return [result.topic, result.created];
      },
    }),
    edit({
      path: `${SESSION}/topics/:topicId`,
      summary: 'Edit a topic (its author), or check it off / reopen it (either person); `rev` guards edits',
      tag: 'topics',
      body: s.editTopicBody,
      run: (userId, p, body) => uc.topics.edit(userId, p.pairId!, p.sessionId!, p.topicId!, body),
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
    creation({
      path: `${SESSION}/notes`,
      summary: 'Add a shared note, or a private one only its author will ever see',
      tag: 'notes',
      body: s.addNoteBody,
      run: async (userId, p, body) => {
        const result = await uc.sessions.addNote(userId, p.pairId!, p.sessionId!, body);
        return [result.note, result.created];
      },
    }),
    edit({
      path: `${SESSION}/notes/:noteId`,
      summary: 'Edit one of my notes; `rev` guards against overwriting an edit made elsewhere',
      tag: 'notes',
      body: s.editNoteBody,
      run: (userId, p, body) => uc.sessions.editNote(userId, p.pairId!, p.sessionId!, p.noteId!, body),
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
