import {
  assertValidDocumentKey,
  PreconditionFailedError,
  type DeleteOptions,
  type DocumentStore,
  type PutOptions,
  type PutOutcome,
  type PutRequest,
  type StoredDocument,
} from '../../../core/ports/document-store';
import { graphErrorFrom } from '../client/graph-error';
import type { BatchCall, GraphAnswer, GraphApi, GraphCall } from '../client/graph-http';
import { folderPathOf, itemPathOf, segmentOf } from './drive-paths';

/** The folder the store lives in: a library's root (app-only) or a user's app folder (delegated). */
export interface DriveFolder {
  readonly driveId: string;
  readonly itemId: string;
}

/**
 * The folder looked up by id, and optionally a Graph path naming it without a look-up: the signed-in user's
 * app folder is `/me/drive/special/approot` (docs/graph-facts.md, App folder). Graph documents reading an
 * item's metadata, uploading content and listing children by a path below it; deleting goes by the folder's
 * id, looked up then.
 */
export interface DriveLocation {
  readonly folder: () => Promise<DriveFolder>;
  readonly path?: string;
}

interface DriveItem {
  readonly name: string;
  readonly eTag?: string;
  readonly folder?: unknown;
  readonly '@microsoft.graph.downloadUrl'?: string;
}

/** Graph's most requests per `$batch` (docs/graph-facts.md, Batching). */
const BATCH_LIMIT = 20;
const CHILDREN_SELECT = '?$select=name,eTag,folder,file&$top=200';
const ITEM_SELECT = '?$select=id,eTag,@microsoft.graph.downloadUrl';
/** The signed-in user's app folder; `approot` is case-sensitive (docs/graph-facts.md, App folder). */
const APP_FOLDER_PATH = '/me/drive/special/approot';
/** Documents kept in memory by a store, in characters; the oldest go first. */
const DEFAULT_CACHE_CHARS = 32 * 1024 * 1024;

interface Known {
  readonly etag: string;
  readonly text: string;
}

interface MetadataRead {
  readonly api: GraphApi;
  readonly path: string;
  readonly etag: string | undefined;
  readonly resolve: (answer: { status: number; item?: DriveItem }) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * DocumentStore on drive items, addressed by path below one folder (`/drives/{d}/items/{folder}:/{path}:`).
 * The item's eTag is the document's ETag; `If-Match` / `If-None-Match: *` make the conditional put, and
 * Graph's 412 becomes PreconditionFailedError.
 *
 * Reading follows Graph's documented shape: the item's metadata (`eTag`, `@microsoft.graph.downloadUrl`)
 * from Graph, then the content from the pre-authenticated download URL on another host, fetched without any
 * Authorization header. The last version seen in this process (read or written) is kept and revalidated
 * with `If-None-Match` on every read, so an unchanged document costs one request answered 304, and a change
 * made by another process is always seen. Reads started together are sent as one `$batch`.
 */
export class GraphDriveDocumentStore implements DocumentStore {
  private folder: Promise<DriveFolder> | undefined;
  private readonly location: DriveLocation;
  private readonly known = new Map<string, Known>();
  private knownChars = 0;
  private queued: MetadataRead[] = [];

  /** `graph` is asked for on every call: a delegated principal is valid only while its user's request runs. */
  constructor(
    private readonly graph: () => GraphApi,
    location: DriveLocation | (() => Promise<DriveFolder>),
    private readonly cacheChars = DEFAULT_CACHE_CHARS,
    /** Plain fetch, outside graph-client's middleware: nothing there could add a token for this host. */
    private readonly download: (url: string) => Promise<Response> = (url) => fetch(url),
  ) {
    this.location = typeof location === 'function' ? { folder: location } : location;
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    const api = this.graph();
    const path = await this.itemPath(itemPathOf(key));
    // A download URL lives a few minutes and the item may change in between: one fresh try after a refusal.
    for (let attempt = 1; ; attempt++) {
      const known = this.known.get(key);
      const answer = await this.readMetadata(api, path, known?.etag);
      if (answer.status === 404) {
        this.forget(key);
        return undefined;
      }
      if (answer.status === 304 && known) return { key, etag: known.etag, body: JSON.parse(known.text) as T };
      const etag = answer.item?.eTag;
      const url = answer.item?.['@microsoft.graph.downloadUrl'];
      if (!etag || !url)
        throw graphErrorFrom(502, new Headers(), 'the item answer lacked eTag or downloadUrl', 'GET', path);
      // The eTag was read before the content, so the content is never older than it: a write based on it
      // can only fail its If-Match, and the next read sees the difference.
      const content = await this.download(url).catch((error: unknown) => {
        throw graphErrorFrom(0, new Headers(), error instanceof Error ? error.message : String(error), 'GET', path);
      });
      const text = await content.text();
      if (content.status === 200) {
        this.remember(key, { etag, text });
        return { key, etag, body: JSON.parse(text) as T };
      }
      if (attempt >= 2 || content.status >= 500)
        throw graphErrorFrom(content.status, content.headers, text, 'GET', `${path} (download)`);
    }
  }

  async put<T>(key: string, body: T, options: PutOptions = {}): Promise<string> {
    assertValidDocumentKey(key);
    const headers = conditionsOf(options) ?? {};
    const text = JSON.stringify(body);
    const call: GraphCall = {
      method: 'PUT',
      path: `${await this.itemPath(itemPathOf(key))}/content`,
      content: text,
      headers,
    };
    const answer = await this.graph().send(call);
    // If-Match on a missing item: nothing matched, which is the port's precondition failure too.
    if (answer.status === 412 || (answer.status === 404 && options.ifMatch !== undefined)) {
      this.forget(key);
      throw new PreconditionFailedError(key);
    }
    this.check(answer, call);
    const item = JSON.parse(answer.text) as DriveItem;
    if (!item.eTag) throw graphErrorFrom(502, answer.headers, 'the upload answer carried no eTag', 'PUT', call.path);
    this.remember(key, { etag: item.eTag, text });
    return item.eTag;
  }

  /**
   * The writes as one `$batch` of conditional content uploads, each depending on the one before it: Graph runs
   * them in order and answers 424 for every write after a failed one (docs/graph-facts.md, Batching). More than 20 writes go as
   * several batches, one after another.
   */
  async putMany(writes: readonly PutRequest[]): Promise<PutOutcome[]> {
    writes.forEach((w) => assertValidDocumentKey(w.key));
    const outcomes: PutOutcome[] = [];
    for (let start = 0; start < writes.length; start += BATCH_LIMIT) {
      const chunk = writes.slice(start, start + BATCH_LIMIT);
      if (outcomes.some((o) => !('etag' in o))) {
        outcomes.push(...chunk.map(() => ({ skipped: true }) as const));
        continue;
      }
      outcomes.push(...(await this.putBatch(chunk)));
    }
    return outcomes;
  }

  private async putBatch(writes: readonly PutRequest[]): Promise<PutOutcome[]> {
    const api = this.graph();
    const calls: BatchCall[] = await Promise.all(
      writes.map(async (write, i) => ({
        id: String(i),
        method: 'PUT' as const,
        path: `${await this.itemPath(itemPathOf(write.key))}/content`,
        // A JSON body in a batch is sent as JSON (Content-Type application/json); the file holds its text.
        body: write.body,
        ...(i > 0 && { dependsOn: String(i - 1) }),
        ...(conditionsOf(write.options) && { headers: conditionsOf(write.options) }),
      })),
    );
    const answers = await api.batch(calls);
    return writes.map((write, i) => {
      const answer = answers.get(String(i));
      const status = answer?.status ?? 0;
      if (status === 412 || (status === 404 && write.options?.ifMatch !== undefined)) {
        this.forget(write.key);
        return { failed: new PreconditionFailedError(write.key) };
      }
      if (status === 424) return { skipped: true };
      const etag = (answer?.body as DriveItem | undefined)?.eTag;
      if (status >= 300 || !etag) {
        this.forget(write.key);
        const text = typeof answer?.body === 'string' ? answer.body : JSON.stringify(answer?.body ?? '');
        throw graphErrorFrom(status, new Headers(answer?.headers ?? {}), text, 'PUT', calls[i]!.path);
      }
      this.remember(write.key, { etag, text: JSON.stringify(write.body) });
      return { etag };
    });
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    const call: GraphCall = {
      method: 'DELETE',
      path: await this.itemPath(itemPathOf(key), 'by id'),
      ...(options.ifMatch !== undefined && { headers: { 'If-Match': options.ifMatch } }),
    };
    this.forget(key);
    const answer = await this.graph().send(call);
    if (answer.status === 412) throw new PreconditionFailedError(key);
    if (answer.status === 404) {
      if (options.ifMatch !== undefined) throw new PreconditionFailedError(key);
      return false;
    }
    this.check(answer, call);
    return true;
  }

  async list(prefix: string): Promise<string[]> {
    assertValidDocumentKey(prefix);
    const keys: string[] = [];
    await this.collect(prefix, keys);
    return keys.sort();
  }

  private async collect(prefix: string, into: string[]): Promise<void> {
    const path = `${await this.itemPath(folderPathOf(prefix))}/children${CHILDREN_SELECT}`;
    let children: DriveItem[];
    try {
      children = await this.graph().all<DriveItem>(path);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return;
      throw error;
    }
    const folders: string[] = [];
    for (const child of children) {
      const segment = segmentOf(child.name, child.folder !== undefined);
      if (segment === undefined) continue;
      if (child.folder !== undefined) folders.push(`${prefix}/${segment}`);
      else into.push(`${prefix}/${segment}`);
    }
    await Promise.all(folders.map((folder) => this.collect(folder, into)));
  }

  private async itemPath(relative: string, address: 'by path' | 'by id' = 'by path'): Promise<string> {
    if (address === 'by path' && this.location.path !== undefined) return `${this.location.path}:/${relative}:`;
    // One look-up per store; a failed one is not cached so the next call tries again.
    this.folder ??= this.location.folder().catch((error: unknown) => {
      this.folder = undefined;
      throw error;
    });
    const folder = await this.folder;
    return `/drives/${encodeURIComponent(folder.driveId)}/items/${encodeURIComponent(folder.itemId)}:/${relative}:`;
  }

  /** Item metadata, conditional on the known eTag; reads queued in the same turn go out as one `$batch`. */
  private readMetadata(
    api: GraphApi,
    itemPath: string,
    etag: string | undefined,
  ): Promise<{ status: number; item?: DriveItem }> {
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => void this.flush());
      this.queued.push({ api, path: `${itemPath}${ITEM_SELECT}`, etag, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const reads = this.queued;
    this.queued = [];
    const headers = (read: MetadataRead) => (read.etag === undefined ? undefined : { 'If-None-Match': read.etag });
    try {
      if (reads.length === 1) {
        const read = reads[0]!;
        const h = headers(read);
        const call: GraphCall = { method: 'GET', path: read.path, ...(h && { headers: h }) };
        const answer = await read.api.send(call);
        if (answer.status >= 400 && answer.status !== 404) this.check(answer, call);
        read.resolve({
          status: answer.status,
          ...(answer.status === 200 && { item: JSON.parse(answer.text) as DriveItem }),
        });
        return;
      }
      const answers = await reads[0]!.api.batch(
        reads.map((read, i) => {
          const h = headers(read);
          return { id: String(i), method: 'GET' as const, path: read.path, ...(h && { headers: h }) };
        }),
      );
      reads.forEach((read, i) => {
        const answer = answers.get(String(i));
        const status = answer?.status ?? 0;
        if (status === 200) read.resolve({ status, item: answer!.body as DriveItem });
        else if (status === 304 || status === 404) read.resolve({ status });
        else {
          const text = typeof answer?.body === 'string' ? answer.body : JSON.stringify(answer?.body ?? '');
          read.reject(graphErrorFrom(status, new Headers(answer?.headers ?? {}), text, 'GET', read.path));
        }
      });
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }

  private remember(key: string, known: Known): void {
    this.forget(key);
    this.known.set(key, known);
    this.knownChars += known.text.length;
    for (const [oldest, value] of this.known) {
      if (this.knownChars <= this.cacheChars) break;
      this.known.delete(oldest);
      this.knownChars -= value.text.length;
    }
  }

  private forget(key: string): void {
    const known = this.known.get(key);
    if (!known) return;
    this.known.delete(key);
    this.knownChars -= known.text.length;
  }

  private check(answer: GraphAnswer, call: GraphCall): void {
    if (answer.status >= 300) throw graphErrorFrom(answer.status, answer.headers, answer.text, call.method, call.path);
  }
}

function conditionsOf(options: PutOptions = {}): Record<string, string> | undefined {
  if (options.ifMatch !== undefined) return { 'If-Match': options.ifMatch };
  if (options.ifNoneMatch === '*') return { 'If-None-Match': '*' };
  return undefined;
}

/**
 * The signed-in user's app folder, addressed by path (no look-up before the first read or write) and looked up
 * once per store for deleting.
 */
export function appFolderLocation(graph: () => GraphApi): DriveLocation {
  return { path: APP_FOLDER_PATH, folder: appFolderOf(graph) };
}

/** The app folder of the signed-in user: created by Graph on first use (docs/graph-facts.md, App folder). */
export function appFolderOf(graph: () => GraphApi): () => Promise<DriveFolder> {
  return async () => {
    const item = await graph().json<{ id: string; parentReference?: { driveId?: string } }>({
      method: 'GET',
      path: `${APP_FOLDER_PATH}?$select=id,parentReference`,
    });
    const driveId = item.parentReference?.driveId;
    if (!driveId) throw new Error('the app folder answer has no parentReference.driveId');
    return { driveId, itemId: item.id };
  };
}
