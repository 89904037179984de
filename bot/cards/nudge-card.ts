import type { Translator } from '../../core/i18n/messages';
import type { ActionItem } from '../../core/model/documents';
import { formatDay } from '../i18n';
import { VERBS } from './agenda-card';
import { card, execute, line, run, text, type AdaptiveCardJson } from './card';

/** Asks for the nudge card as the item is now: sent when the card is shown again (Universal Actions refresh). */
export const REFRESH_NUDGE = 'tandem.refreshNudge';

/**
 * The day before an action item is due: "done" or "move the date" (snooze it to the date picked). Each answer
 * is the card redrawn in place; a card opened later refreshes itself, so it never offers buttons for an item
 * already done or moved elsewhere (the tab, the other person).
 */
export function nudgeCard(
  pairId: string,
  item: ActionItem,
  otherName: string,
  t: Translator,
  note?: string,
): AdaptiveCardJson {
  const due = formatDay(t, item.due);
  const heading =
    item.status === 'open'
      ? t.t('card.nudge.heading', { due })
      : item.status === 'done'
        ? t.t('card.nudge.doneHeading')
        : t.t('card.nudge.droppedHeading');
  const body = [
    text(heading, { weight: 'Bolder', size: 'Medium' }),
    line([run(item.text)]),
    line([run(t.t('card.nudge.from', { name: otherName, due }), { isSubtle: true })], {
      spacing: 'None',
    }),
  ];
  if (note) body.push(line([run(note, { color: 'Good' })]));
  const refresh = { action: execute(t.t('card.nudge.refresh'), REFRESH_NUDGE, { pairId, itemId: item.id }) };
  if (item.status !== 'open') return { ...card(body), refresh };
  const data = { pairId, itemId: item.id, rev: item.rev };
  body.push({ type: 'Input.Date', id: 'due', label: t.t('card.nudge.newDue'), value: item.due });
  return {
    ...card(body, [
      execute(t.t('card.nudge.done'), VERBS.actionDone, data),
      execute(t.t('card.nudge.move'), VERBS.moveDue, data),
    ]),
    refresh,
  };
}
