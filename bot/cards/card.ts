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

/** How a date reads in a card: "Tue 3 Mar, 10:00 UTC". Teams' own date formatting needs the user's locale. */
export function when(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day.replace(',', '')}, ${time} UTC`;
}
