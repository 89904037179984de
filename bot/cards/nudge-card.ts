import type { Translator } from '../../core/i18n/messages';
import type { ActionItem } from '../../core/model/documents';
import { formatDay } from '../i18n';
import { VERBS } from './agenda-card';
import { card, execute, line, run, text, type AdaptiveCardJson } from './card';

/** The day before an action item is due: "done" or "move the date". */
export function nudgeCard(
  pairId: string,
  item: ActionItem,
  otherName: string,
  t: Translator,
  note?: string,
): AdaptiveCardJson {
  const body = [
    text(t.t('card.nudge.heading'), { weight: 'Bolder', size: 'Medium' }),
    line([run(item.text)]),
    line([run(t.t('card.nudge.from', { name: otherName, due: formatDay(t, item.due) }), { isSubtle: true })], {
      spacing: 'None',
    }),
  ];
  if (note) body.push(line([run(note, { color: 'Good' })]));
  if (item.status !== 'open') return card(body);
  const data = { pairId, itemId: item.id, rev: item.rev };
  body.push({ type: 'Input.Date', id: 'due', label: t.t('card.nudge.newDue'), value: item.due });
  return card(body, [
    execute(t.t('card.nudge.done'), VERBS.actionDone, data),
    execute(t.t('card.nudge.move'), VERBS.moveDue, data),
  ]);
}
