/** Adaptive Card JSON, built by pure functions: no SDK here, so the builders test without a bot. */
export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: string;
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  /** Universal Actions: Teams sends this Action.Execute when the card is shown, and shows the card answered. */
  readonly refresh?: { readonly action: CardElement; readonly userIds?: readonly string[] };
}

/** Teams renders 1.5 on desktop and mobile; Universal Actions (Action.Execute) need 1.4 or later. */
export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 && { actions }),
  };
}

/**
 * User text inside a TextBlock: TextBlocks render a Markdown subset, so a topic titled `[click](http://x)`
 * or `**urgent**` must show as typed, not as a link or bold. Backslash-escape every Markdown character,
 * and `{{` (Teams' date/time functions).
 */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|>~<]/g, (c) => `\\${c}`);
}

export function text(value: string, options: Readonly<Record<string, unknown>> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

/** A bulleted list of lines already escaped; one TextBlock so it stays compact. */
export function bullets(lines: readonly string[]): CardElement {
  return text(lines.map((l) => `- ${l}`).join('\r'));
}

export function execute(title: string, verb: string, data: Readonly<Record<string, unknown>>): CardElement {
  return { type: 'Action.Execute', title, verb, data };
}

/**
 * A moment in a card as Teams' date and time functions: each reader sees it in their own locale and time
 * zone (a card in a meeting chat reaches two people who may live in different zones). The functions take
 * RFC 3339 without fractions.
 */
export function when(iso: string): string {
  const at = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${at}, SHORT)}} {{TIME(${at})}}`;
}

/**
 * User text as a TextRun: runs are never read as Markdown, so a title such as `**urgent** [x](y)` shows as
 * typed without escapes. Only `{{` is broken up (zero-width space), lest Teams read it as a date function.
 */
export function run(value: string, options: Readonly<Record<string, unknown>> = {}): CardElement {
  return { type: 'TextRun', text: value.replace(/\{\{/g, '{\u200b{'), ...options };
}

/** A line mixing catalog text (plain runs) and user text (runs); strings become plain runs. */
export function line(parts: ReadonlyArray<string | CardElement>, options: Readonly<Record<string, unknown>> = {}) {
  return {
    type: 'RichTextBlock',
    inlines: parts.map((p) => (typeof p === 'string' ? run(p) : p)),
    ...options,
  } as CardElement;
}

/** A heading that holds user text (a name): a run, so the name shows as typed. */
export function title(value: string): CardElement {
  return line([run(value, { weight: 'Bolder', size: 'Medium' })]);
}

/**
 * Universal Actions' refresh: Teams asks the bot for the card again (an adaptiveCard/action invoke with the
 * verb below) when one of `userIds` (Teams user ids) views it, and shows that person the card answered.
 */
export const REFRESH_VERB = 'tandem.refresh';

export function withRefresh(
  base: AdaptiveCardJson,
  data: Readonly<Record<string, unknown>>,
  userIds: readonly string[],
): AdaptiveCardJson {
  return { ...base, refresh: { action: { type: 'Action.Execute', verb: REFRESH_VERB, data }, userIds } };
}
