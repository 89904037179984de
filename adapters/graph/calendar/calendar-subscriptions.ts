import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Subscription } from '@microsoft/microsoft-graph-types';
import { Documents } from '../../../core/concurrency/documents';
import type { DocumentStore } from '../../../core/ports/document-store';
import type { GraphPrincipals } from '../client/graph-principals';
import { chatIdOf } from './graph-recurrence';

/** Under Outlook's 10,080-minute maximum for events (docs/graph-facts.md, Change notifications). */
const LIFETIME_MS = 10_000 * 60_000;
/** Renewed once less than this is left: a day of slack for a missed renewal run. */
const RENEW_BEFORE_MS = 2 * 86_400_000;

interface SubscriptionDocument {
  readonly schema: 1;
  readonly id: string;
  readonly organizerId: string;
  readonly clientState: string;
  expiresAt: string;
}

export interface ChangeNotification {
  readonly subscriptionId?: string;
  readonly clientState?: string;
  readonly changeType?: string;
  readonly resourceData?: { readonly id?: string };
}

/**
 * Change-notification subscriptions on each organizer's events, app-only (`Calendars.ReadBasic.All`): a
 * delegated one would need the organizer signed in to renew it. One per organizer, kept in the shared store
 * with its secret `clientState`, renewed well before expiry.
 */
export class CalendarSubscriptions {
  private readonly docs: Documents;
  /** Organizers known to have a live subscription, until it needs renewing: no read for their next series. */
  private readonly liveUntil = new Map<string, number>();

  constructor(
    private readonly principals: GraphPrincipals,
    store: DocumentStore,
    private readonly notificationUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.docs = new Documents(store);
  }

  /**
   * Subscribes to the organizer's events unless a live subscription exists. `verify` also asks Graph
   * whether it still has it (it drops subscriptions whose endpoint kept failing).
   */
  async ensure(organizerId: string, verify = false): Promise<void> {
    if (!verify && (this.liveUntil.get(organizerId) ?? 0) > this.now().getTime()) return;
    const current = await this.docs.read<SubscriptionDocument>(byOrganizer(organizerId));
    const fresh = current && Date.parse(current.body.expiresAt) - this.now().getTime() > RENEW_BEFORE_MS;
    if (fresh && (!verify || (await this.existsInGraph(current.body)))) return this.live(current.body);
    if (current && !fresh && (await this.renew(current.body))) return;
    const clientState = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + LIFETIME_MS).toISOString();
    const created = await this.principals.asApp(organizerId).json<Subscription>({
      method: 'POST',
      path: '/subscriptions',
      body: {
        changeType: 'updated,deleted',
        notificationUrl: this.notificationUrl,
        resource: `/users/${organizerId}/events`,
        expirationDateTime: expiresAt,
        clientState,
      } satisfies Subscription,
    });
    const doc: SubscriptionDocument = { schema: 1, id: created.id!, organizerId, clientState, expiresAt };
    // Both in one round trip; by id first, so a subscription found by organizer can always verify its
    // notifications. Unconditional: the subscription just made is the one to keep.
    const outcomes = await this.docs.store.putMany([
      { key: byId(doc.id), body: doc },
      { key: byOrganizer(organizerId), body: doc },
    ]);
    if (outcomes.every((o) => 'etag' in o)) this.live(doc);
  }

  private live(doc: SubscriptionDocument): void {
    this.liveUntil.set(doc.organizerId, Date.parse(doc.expiresAt) - RENEW_BEFORE_MS);
  }

  /** Renews every subscription close to expiry; returns how many were renewed or replaced. */
  async renewDue(): Promise<number> {
    let renewed = 0;
    for (const key of await this.docs.store.list('graph/subscriptions/organizers')) {
      const doc = await this.docs.read<SubscriptionDocument>(key);
      if (!doc || Date.parse(doc.body.expiresAt) - this.now().getTime() > RENEW_BEFORE_MS) continue;
      await this.ensure(doc.body.organizerId);
      renewed++;
    }
    return renewed;
  }

  /** The organizer of a genuine notification; undefined when the subscription or its clientState is wrong. */
  async verify(notification: ChangeNotification): Promise<string | undefined> {
    const id = notification.subscriptionId;
    if (!id || !/^[A-Za-z0-9-]{1,100}$/.test(id) || !notification.clientState) return undefined;
    const doc = await this.docs.read<SubscriptionDocument>(byId(id));
    if (!doc) return undefined;
    const expected = Buffer.from(doc.body.clientState);
    const given = Buffer.from(notification.clientState);
    return expected.length === given.length && timingSafeEqual(expected, given) ? doc.body.organizerId : undefined;
  }

  /** The Teams meeting chat of a changed event: the key that finds its pair. */
  async chatOf(organizerId: string, eventId: string): Promise<string | undefined> {
    const answer = await this.principals.asApp(organizerId).send({
      method: 'GET',
      path: `/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}?$select=onlineMeeting`,
    });
    if (answer.status === 404) return undefined;
    if (answer.status >= 300) throw new Error(`reading the changed event failed: ${answer.status}`);
    return chatIdOf((JSON.parse(answer.text) as { onlineMeeting?: { joinUrl?: string } }).onlineMeeting?.joinUrl);
  }

  private async existsInGraph(doc: SubscriptionDocument): Promise<boolean> {
    const answer = await this.principals.asApp(doc.organizerId).send({
      method: 'GET',
      path: `/subscriptions/${encodeURIComponent(doc.id)}`,
    });
    if (answer.status === 404) return false;
    if (answer.status >= 300) throw new Error(`reading subscription ${doc.id} failed: ${answer.status}`);
    return true;
  }

  private async renew(doc: SubscriptionDocument): Promise<boolean> {
    const expiresAt = new Date(this.now().getTime() + LIFETIME_MS).toISOString();
    const answer = await this.principals.asApp(doc.organizerId).send({
      method: 'PATCH',
      path: `/subscriptions/${encodeURIComponent(doc.id)}`,
      body: { expirationDateTime: expiresAt },
    });
    if (answer.status === 404) return false;
    if (answer.status >= 300) throw new Error(`renewing subscription ${doc.id} failed: ${answer.status}`);
    const renewed = { ...doc, expiresAt };
    await this.docs.store.putMany([
      { key: byId(doc.id), body: renewed },
      { key: byOrganizer(doc.organizerId), body: renewed },
    ]);
    this.live(renewed);
    return true;
  }
}

function byOrganizer(organizerId: string): string {
  return `graph/subscriptions/organizers/${organizerId}`;
}

function byId(id: string): string {
  return `graph/subscriptions/ids/${id}`;
}
