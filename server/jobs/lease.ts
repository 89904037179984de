import type { Clock } from '../../core/clock';
import { PreconditionFailedError, type DocumentStore } from '../../core/ports/document-store';

interface LeaseDocument {
  readonly schema: 1;
  readonly holder: string;
  readonly expiresAt: string;
}

/**
 * One instance at a time runs the jobs: a lease document with holder and expiry, taken and renewed by
 * conditional put. A holder that dies is replaced once its lease expires.
 */
export class Lease {
  private etag: string | undefined;
  private expiresAt = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly key: string,
    readonly holder: string,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  /** Take or renew the lease (renewed once half of it has run out); false while another holds it. */
  async hold(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.etag && now < this.expiresAt - this.ttlMs / 2) return true;
    const current = await this.store.get<LeaseDocument>(this.key);
    const mine = current?.body.holder === this.holder;
    if (current && !mine && Date.parse(current.body.expiresAt) > now) {
      this.etag = undefined;
      return false;
    }
    const body: LeaseDocument = { schema: 1, holder: this.holder, expiresAt: new Date(now + this.ttlMs).toISOString() };
    try {
      this.etag = await this.store.put(this.key, body, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      this.expiresAt = now + this.ttlMs;
      return true;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      this.etag = undefined;
      return false;
    }
  }

  get held(): boolean {
    return this.etag !== undefined && this.clock.now().getTime() < this.expiresAt;
  }

  /** On graceful shutdown: the next instance need not wait for the expiry. */
  async release(): Promise<void> {
    if (!this.etag) return;
    const etag = this.etag;
    this.etag = undefined;
    await this.store.delete(this.key, { ifMatch: etag }).catch((error: unknown) => {
      if (!(error instanceof PreconditionFailedError)) throw error;
    });
  }
}
