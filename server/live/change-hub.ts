import type { ChangeFeed, PairChange } from '../../core/ports/change-feed';

type Listener = (change: PairChange) => void;

interface Subscription {
  readonly userId: string;
  readonly listener: Listener;
}

/**
 * In-process fan-out of pair changes to the server-sent-event streams. A change meant for one user
 * (a private note) reaches only that user's streams.
 */
export class ChangeHub implements ChangeFeed {
  private readonly byPair = new Map<string, Set<Subscription>>();
  private readonly everything = new Set<Listener>();

  publish(change: PairChange): void {
    for (const listener of this.everything) listener(change);
    for (const sub of this.byPair.get(change.pairId) ?? []) {
      if (change.onlyFor !== undefined && change.onlyFor !== sub.userId) continue;
      sub.listener(change);
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(pairId: string, userId: string, listener: Listener): () => void {
    const sub: Subscription = { userId, listener };
    let subs = this.byPair.get(pairId);
    if (!subs) {
      subs = new Set();
      this.byPair.set(pairId, subs);
    }
    subs.add(sub);
    return () => {
      subs.delete(sub);
      if (subs.size === 0) this.byPair.delete(pairId);
    };
  }

  /** Every change of every pair, private ones included: for the service's own jobs, never for a client. */
  subscribeAll(listener: Listener): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  get subscriberCount(): number {
    let n = 0;
    for (const subs of this.byPair.values()) n += subs.size;
    return n;
  }
}
