import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { UseCases } from '../../core/use-cases';
import type { CalendarSubscriptions, ChangeNotification } from '../../adapters/graph/calendar/calendar-subscriptions';
import { problem } from '../http/problem';
import { route, type AnyRoute } from '../http/route';

export const NOTIFICATIONS_PATH = '/api/graph/notifications';
const MAX_BYTES = 1024 * 1024;

/**
 * Graph's change notifications for organizers' calendars. Graph wants an answer within 3 seconds (docs/graph-facts.md, Change notifications),
 * so a notification is checked (its subscription and clientState), queued and acknowledged with 202; the
 * work (which pair, tell its viewers) happens after the answer.
 */
export class ChangeNotificationInbox {
  private readonly queue: { organizerId: string; eventId: string }[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly subscriptions: CalendarSubscriptions,
    private readonly useCases: UseCases,
    private readonly logger: Logger,
  ) {}

  route(): AnyRoute {
    return route({
      method: 'post',
      path: NOTIFICATIONS_PATH,
      summary: "Microsoft Graph's change notifications on organizers' calendars (and its validation handshake)",
      tag: 'graph',
      auth: 'none',
      success: 202,
      handle: async ({ req }) => {
        const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('validationToken');
        // The handshake: the decoded token back as text/plain, at once.
        if (token !== null) return { status: 200, text: token, contentType: 'text/plain' };
        const accepted = await this.accept(await readJson(req));
        return { status: accepted ? 202 : 403 };
      },
    });
  }

  /**
   * On-demand sync, for when notifications may have been missed (the endpoint was down for longer than
   * Graph's 4 hours of retries): re-subscribes the caller's calendar if they organize 1:1s, and tells the
   * open views of all their pairs to re-read, which reads the calendar afresh.
   */
  syncRoute(): AnyRoute {
    return route({
      method: 'post',
      path: '/api/calendar/sync',
      summary: "Re-subscribe to the caller's calendar and refresh their 1:1s' open views",
      tag: 'graph',
      auth: 'user',
      success: 200,
      handle: async ({ caller }) => {
        const { pairs } = await this.useCases.pairs.me(caller.userId);
        const organizes = pairs.some((p) => p.role === 'manager');
        if (organizes) await this.subscriptions.ensure(caller.userId, true);
        let refreshed = 0;
        for (const pair of pairs) {
          if (pair.chatId && (await this.useCases.schedule.changedInCalendar(pair.chatId))) refreshed++;
        }
        return { json: { subscribed: organizes, refreshed } };
      },
    });
  }

  /** Queues the genuine notifications; false when none was (wrong clientState or subscription). */
  async accept(body: unknown): Promise<boolean> {
    const items = (body as { value?: ChangeNotification[] } | undefined)?.value;
    if (!Array.isArray(items))
      throw problem(400, 'validation', 'Not a change notification', {
        errors: [{ field: 'value', reason: 'must be an array' }],
      });
    let genuine = 0;
    for (const item of items) {
      const organizerId = await this.subscriptions.verify(item);
      const eventId = item.resourceData?.id;
      if (!organizerId || !eventId) {
        this.logger.warn(
          { subscriptionId: item.subscriptionId },
          'change notification refused: unknown subscription or clientState',
        );
        continue;
      }
      genuine++;
      this.queue.push({ organizerId, eventId });
    }
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return genuine > 0;
  }

  /** Resolves once every queued notification was processed (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        try {
          const chatId = await this.subscriptions.chatOf(next.organizerId, next.eventId);
          if (!chatId) continue;
          // A Teams meeting that is no 1:1's: perhaps the new series of one whose series ended or was deleted.
          if (!(await this.useCases.schedule.changedInCalendar(chatId)))
            await this.useCases.pairSeries.followInCalendar(next.organizerId, next.eventId);
        } catch (error) {
          this.logger.error({ err: error, eventId: next.eventId }, 'change notification processing failed');
        }
      }
    } finally {
      this.draining = undefined;
    }
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw problem(413, 'too-large', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw problem(400, 'validation', 'The request body is not valid JSON', {
      errors: [{ field: 'body', reason: 'is not valid JSON' }],
    });
  }
}
