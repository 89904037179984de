import { PreconditionFailedError, type DocumentStore, type StoredDocument } from '../../core/ports/document-store';
import type { JobDocument, JobMark, JobSpec } from '../../core/ports/jobs';

/** Where jobs, their done marks and the runner's lease live in the operational store. */
export const jobKeys = {
  job: (key: string) => `jobs/pending/${key}`,
  pending: 'jobs/pending',
  mark: (key: string) => `jobs/done/${key}`,
  lease: 'jobs/lease',
};

/**
 * Jobs over a DocumentStore. A pending job lives at `jobs/pending/<key>`; a finished one leaves a mark at
 * `jobs/done/<key>` (written before the pending document is removed), so enqueueing is idempotent across
 * restarts and instances: the conditional create refuses a job that is pending, the mark one that is done.
 */
export class JobStore {
  constructor(private readonly store: DocumentStore) {}

  /**
   * True when the job was new. A done job is refused by its mark; a pending one by the conditional create;
   * the mark is read again after the create, so a job finishing meanwhile is still caught.
   */
  async enqueue(spec: JobSpec): Promise<boolean> {
    if (await this.isDone(spec.key)) return false;
    const doc: JobDocument = { schema: 1, ...spec, state: 'pending', attempts: 0 };
    let etag: string;
    try {
      etag = await this.store.put(jobKeys.job(spec.key), doc, { ifNoneMatch: '*' });
    } catch (error) {
      if (error instanceof PreconditionFailedError) return false;
      throw error;
    }
    if (await this.isDone(spec.key)) {
      await this.store.delete(jobKeys.job(spec.key), { ifMatch: etag }).catch(ignorePrecondition);
      return false;
    }
    return true;
  }

  /** Make a pending job due earlier (a meetingEnd brings the recap forward); never later. */
  async bringForward(key: string, dueAt: string): Promise<boolean> {
    const current = await this.store.get<JobDocument>(jobKeys.job(key));
    if (!current || current.body.state !== 'pending' || current.body.dueAt <= dueAt) return false;
    return (await this.replace(current, { ...current.body, dueAt })) !== undefined;
  }

  async isDone(key: string): Promise<boolean> {
    return (await this.store.get(jobKeys.mark(key))) !== undefined;
  }

  async mark(key: string): Promise<JobMark | undefined> {
    return (await this.store.get<JobMark>(jobKeys.mark(key)))?.body;
  }

  async pending(): Promise<Array<StoredDocument<JobDocument>>> {
    const keys = await this.store.list(jobKeys.pending);
    const docs = await Promise.all(keys.map((k) => this.store.get<JobDocument>(k)));
    return docs.filter((d): d is StoredDocument<JobDocument> => d !== undefined);
  }

  /** Drops the pending jobs of a deleted 1:1 (they would find nothing to send anyway). */
  async dropForPair(pairId: string): Promise<void> {
    for (const job of await this.pending())
      if (job.body.payload.pairId === pairId)
        await this.store.delete(job.key, { ifMatch: job.etag }).catch(ignorePrecondition);
  }

  /** Conditional replace; undefined when someone else changed or finished the job first. */
  async replace(
    current: StoredDocument<JobDocument>,
    next: JobDocument,
  ): Promise<StoredDocument<JobDocument> | undefined> {
    try {
      const etag = await this.store.put(current.key, next, { ifMatch: current.etag });
      return { key: current.key, etag, body: next };
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }

  /** The mark first, then the pending document: a crash in between leaves a job that the mark stops. */
  async finish(current: StoredDocument<JobDocument>, mark: Omit<JobMark, 'schema' | 'key' | 'kind'>): Promise<void> {
    const body: JobMark = { schema: 1, key: current.body.key, kind: current.body.kind, ...mark };
    await this.store.put(jobKeys.mark(current.body.key), body);
    await this.store.delete(current.key, { ifMatch: current.etag }).catch(ignorePrecondition);
  }

  /** A pending document whose job is already marked done (a crash between mark and delete): drop it. */
  async discard(current: StoredDocument<JobDocument>): Promise<void> {
    await this.store.delete(current.key, { ifMatch: current.etag }).catch(ignorePrecondition);
  }
}

function ignorePrecondition(error: unknown): boolean {
  if (error instanceof PreconditionFailedError) return false;
  throw error;
}
