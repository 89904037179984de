import type { AgendaView } from '../../core/model/agenda-view';
import { LIMITS } from '../../core/contract/limits';
import type { Translator } from '../../core/i18n/messages';
import { sectionHeading } from '../../core/model/templates';
import { card, execute, line, run, text, title, when, type AdaptiveCardJson, type CardElement } from './card';

export const VERBS = {
  addTopic: 'tandem.addTopic',
  nothingFromMe: 'tandem.nothingFromMe',
  actionDone: 'tandem.actionDone',
  moveDue: 'tandem.moveDue',
} as const;

/** One line per topic: its title as typed, its section and who raised it; the viewer's own in bold. */
function topicLines(view: AgendaView, t: Translator, viewerId: string | undefined): CardElement[] {
  const nameOf = (id: string) => (id === view.manager.id ? view.manager.displayName : view.report.displayName);
  return view.sections.flatMap((s) =>
    s.topics.map((topic) => {
      const own = topic.authorId === viewerId;
      const detail = [
        sectionHeading(s, (id) => t.t(id)),
        ...(own ? [] : [nameOf(topic.authorId)]),
        ...(topic.carriedFrom ? [t.t('card.agenda.carried')] : []),
      ].join(', ');
      return line([
        '• ',
        run(topic.title, own ? { weight: 'Bolder' } : {}),
        own ? ` (${t.t('card.agenda.yours')}; ${detail})` : ` (${detail})`,
      ]);
    }),
  );
}

function count(view: AgendaView): number {
  return view.sections.reduce((n, s) => n + s.topics.length, 0);
}

/**
 * The agenda so far for the viewer, with an input to add a topic and "nothing from me this time"
 * (Action.Execute: Teams sends an adaptiveCard/action invoke and shows the card the bot answers with).
 */
export function agendaCard(view: AgendaView, t: Translator, note?: string): AdaptiveCardJson {
  const other = view.viewer.role === 'manager' ? view.report : view.manager;
  const body = [
    title(t.t('card.agenda.heading', { name: other.displayName })),
    text(`${when(view.start)} · ${t.t('card.agenda.count', { count: count(view) })}`, {
      isSubtle: true,
      spacing: 'None',
    }),
    ...topicLines(view, t, view.viewer.id),
  ];
  if (note) body.push(line([run(note, { color: 'Good' })]));
  const data = { pairId: view.pairId, sessionId: view.sessionId };
  if (view.status !== 'upcoming' && view.status !== 'in-progress') return card(body);
  if (view.nothingFromMe) body.push(text(t.t('card.agenda.nothingSaid'), { isSubtle: true }));
  body.push({
    type: 'Input.Text',
    id: 'topic',
    label: t.t('card.agenda.topicLabel'),
    placeholder: t.t('card.agenda.topicPlaceholder'),
    maxLength: LIMITS.title,
  });
  const actions = [execute(t.t('card.agenda.add'), VERBS.addTopic, data)];
  if (!view.nothingFromMe) actions.push(execute(t.t('card.agenda.nothingFromMe'), VERBS.nothingFromMe, data));
  return card(body, actions);
}

/**
 * The same agenda as the meeting chat sees it before a refresh: written from neither side (both people read
 * one message), every topic with its author's name. The refresh replaces it with each reader's own card.
 */
export function sharedAgendaCard(view: AgendaView, t: Translator): AdaptiveCardJson {
  return card([
    title(t.t('card.agenda.chatHeading', { manager: view.manager.displayName, report: view.report.displayName })),
    text(`${when(view.start)} · ${t.t('card.agenda.count', { count: count(view) })}`, {
      isSubtle: true,
      spacing: 'None',
    }),
    ...topicLines(view, t, undefined),
  ]);
}
