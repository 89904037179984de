import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly conversationId: string;
  readonly replyToId?: string;
  /** The bot's `Authorization` header (none in embedded mode, a bearer token in Microsoft 365 mode). */
  readonly authorization?: string;
  readonly activity: {
    readonly type: string;
    readonly text?: string;
    readonly summary?: string;
    readonly attachments?: Array<{ contentType: string; content: { body?: unknown[] } }>;
  };
}

/**
 * A Bot Connector on loopback: answers the bot's `POST /v3/conversations/{id}/activities[/{replyToId}]`
 * with `201 {"id"}` and keeps what it got, or answers a scripted status for a conversation (403, 429).
 */
export class LocalConnector {
  readonly received: ReceivedActivity[] = [];
  readonly failures = new Map<string, { status: number; headers?: Record<string, string> }>();
  /** Conversations of the requests answered with a scripted failure, in order. */
  readonly refused: string[] = [];
  private server: http.Server | undefined;

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) {
          res.writeHead(404);
          res.end();
          return;
        }
        const conversationId = decodeURIComponent(match[1]!);
        const failure = this.failures.get(conversationId);
        if (failure) {
          this.refused.push(conversationId);
          res.writeHead(failure.status, failure.headers);
          res.end('{}');
          return;
        }
        this.received.push({
          conversationId,
          ...(match[2] && { replyToId: decodeURIComponent(match[2]) }),
          ...(req.headers.authorization && { authorization: req.headers.authorization }),
          activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedActivity['activity'],
        });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `act-${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** Activities to one conversation whose summary (the notification line) is `summary`. */
  withSummary(conversationId: string, summary: string): string[] {
    return this.received
      .filter((r) => r.conversationId === conversationId && r.activity.summary === summary)
      .map((r) => textOf(r.activity));
  }

  /** The card bodies' text sent to one conversation, one string per activity. */
  textsTo(conversationId: string): string[] {
    return this.received.filter((r) => r.conversationId === conversationId).map((r) => textOf(r.activity));
  }

  async waitFor(predicate: (all: readonly ReceivedActivity[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out; received:\n${this.received.map((r) => `${r.conversationId}: ${textOf(r.activity)}`).join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Everything readable in an activity: its text and every string inside its cards. */
export function textOf(activity: ReceivedActivity['activity']): string {
  return [activity.text ?? '', JSON.stringify(activity.attachments?.map((a) => a.content) ?? [])].join(' ');
}
