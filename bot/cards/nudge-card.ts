import type { ActionItem } from '../../core/model/documents';
import { VERBS } from './agenda-card';
import { card, escapeText, execute, heading, text, type AdaptiveCardJson } from './card';

/** Asks for the nudge card as the item is now: sent when the card is shown again (Universal Actions refresh). */
export const REFRESH_NUDGE = 'tandem.refreshNudge';

/**
 * The day before an action item is due: "done" or "move the date" (snooze it to the date picked). Each answer
 * is the card redrawn in place; a card opened later refreshes itself, so it never offers buttons for an item
 * already done or moved elsewhere (the tab, the other person).
 */
export function nudgeCard(pairId: string, item: ActionItem, otherName: string, note?: string): AdaptiveCardJson {
  const body = [
    heading(item.status === 'open' ? `Due ${item.due}` : item.status === 'done' ? 'Done' : 'Dropped'),
    text(escapeText(item.text)),
    text(`From your 1:1 with ${escapeText(otherName)}; due ${item.due}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (note) body.push(text(escapeText(note), { color: 'Good' }));
  const refresh = { action: execute('Refresh', REFRESH_NUDGE, { pairId, itemId: item.id }) };
  if (item.status !== 'open') return { ...card(body), refresh };
  const data = { pairId, itemId: item.id, rev: item.rev };
  body.push({ type: 'Input.Date', id: 'due', label: 'New due date', value: item.due });
  return {
    ...card(body, [execute('Done', VERBS.actionDone, data), execute('Move the date', VERBS.moveDue, data)]),
    refresh,
  };
}
