import type { Translator } from '../../core/i18n/messages';
import { PROMPT_HOURS, type AttentionSettings } from '../../core/model/attention';
import { card, execute, line, run, text, type AdaptiveCardJson, type CardElement } from './card';

/** The settings card's buttons: save the inputs, and the refresh that redraws it as stored now. */
export const ATTENTION_VERBS = { save: 'tandem.saveAttention', refresh: 'tandem.refreshAttention' } as const;

function toggle(id: keyof AttentionSettings, title: string, on: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: String(on), valueOn: 'true', valueOff: 'false', wrap: true };
}

/**
 * "settings": what the bot interrupts this person with, changed in place. Saving answers the card redrawn
 * with what was stored; a card opened later refreshes itself (Universal Actions), so it never shows a
 * choice changed since in the tab. Sent in personal chat only: the refresh has no userIds.
 */
export function attentionCard(settings: AttentionSettings, t: Translator, note?: string): AdaptiveCardJson {
  const body: CardElement[] = [
    text(t.t('attention.heading'), { weight: 'Bolder', size: 'Medium' }),
    toggle('prompt', t.t('attention.prompt'), settings.prompt),
    {
      type: 'Input.ChoiceSet',
      id: 'promptHoursBefore',
      label: t.t('attention.hours'),
      style: 'compact',
      value: String(settings.promptHoursBefore),
      choices: PROMPT_HOURS.map((hours) => ({ title: t.t('attention.hoursChoice', { hours }), value: String(hours) })),
    },
    toggle('skipWhenMyTopics', t.t('attention.skipWhenMyTopics'), settings.skipWhenMyTopics),
    toggle('nudges', t.t('attention.nudges'), settings.nudges),
    text(t.t('attention.recapNote'), { isSubtle: true, size: 'Small' }),
  ];
  if (note) body.push(line([run(note, { color: 'Good' })]));
  return {
    ...card(body, [execute(t.t('attention.save'), ATTENTION_VERBS.save, {})]),
    refresh: { action: execute(t.t('card.nudge.refresh'), ATTENTION_VERBS.refresh, {}) },
  };
}

/** The card's inputs as Teams sends them (strings) to the settings they name; anything else is left out. */
export function attentionFromInputs(data: Readonly<Record<string, unknown>>): Partial<Record<string, unknown>> {
  const patch: Record<string, unknown> = {};
  for (const key of ['prompt', 'skipWhenMyTopics', 'nudges'] as const) {
    const value = data[key];
    if (value === 'true' || value === true) patch[key] = true;
    else if (value === 'false' || value === false) patch[key] = false;
    else if (value !== undefined) patch[key] = value;
  }
  const hours = data.promptHoursBefore;
  if (hours !== undefined) patch.promptHoursBefore = typeof hours === 'string' && hours !== '' ? Number(hours) : hours;
  return patch;
}
