import type { ActionItem } from '../../core/model/documents';
import { VERBS } from './agenda-card';
import { card, escapeText, execute, heading, text, type AdaptiveCardJson } from './card';

/** The day before an action item is due: "done" or "move the date". */
export function nudgeCard(pairId: string, item: ActionItem, otherName: string, note?: string): AdaptiveCardJson {
  const body = [
    heading('Due tomorrow'),
    text(escapeText(item.text)),
    text(`From your 1:1 with ${escapeText(otherName)}; due ${item.due}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (note) body.push(text(escapeText(note), { color: 'Good' }));
  if (item.status !== 'open') return card(body);
  const data = { pairId, itemId: item.id, rev: item.rev };
  body.push({ type: 'Input.Date', id: 'due', label: 'New due date', value: item.due });
  return card(body, [execute('Done', VERBS.actionDone, data), execute('Move the date', VERBS.moveDue, data)]);
}
