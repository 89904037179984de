import type { AgendaView } from '../../core/model/agenda-view';
import { LIMITS } from '../../core/contract/limits';
import { bullets, card, escapeText, execute, heading, text, when, type AdaptiveCardJson } from './card';

export const VERBS = {
  addTopic: 'tandem.addTopic',
  nothingFromMe: 'tandem.nothingFromMe',
  actionDone: 'tandem.actionDone',
  moveDue: 'tandem.moveDue',
} as const;

/**
 * The agenda so far for the viewer, with an input to add a topic and "nothing from me this time"
 * (Action.Execute: Teams sends an adaptiveCard/action invoke and shows the card the bot answers with).
 */
export function agendaCard(view: AgendaView, note?: string): AdaptiveCardJson {
  const other = view.viewer.role === 'manager' ? view.report : view.manager;
  const topics = view.sections.flatMap((s) =>
    s.topics.map((t) => {
      const who = t.authorId === view.viewer.id ? 'you' : escapeText(other.displayName);
      return `${escapeText(t.title)} (${escapeText(s.title)}, ${who}${t.carriedFrom ? ', carried over' : ''})`;
    }),
  );
  const body = [
    heading(`Your 1:1 with ${escapeText(other.displayName)}`),
    text(when(view.start), { isSubtle: true, spacing: 'None' }),
    topics.length > 0 ? bullets(topics) : text('No topics yet.'),
  ];
  if (note) body.push(text(escapeText(note), { color: 'Good' }));
  const data = { pairId: view.pairId, sessionId: view.sessionId };
  if (view.status !== 'upcoming' && view.status !== 'in-progress') return card(body);
  if (view.nothingFromMe) {
    body.push(text('You said there is nothing from you this time. You can still add a topic.', { isSubtle: true }));
  }
  body.push({
    type: 'Input.Text',
    id: 'topic',
    label: 'Add a topic',
    placeholder: 'What would you like to talk about?',
    maxLength: LIMITS.title,
  });
  const actions = [execute('Add topic', VERBS.addTopic, data)];
  if (!view.nothingFromMe) actions.push(execute('Nothing from me this time', VERBS.nothingFromMe, data));
  return card(body, actions);
}
