import {
  assertValidDocumentKey,
  PreconditionFailedError,
  type DeleteOptions,
  type DocumentStore,
  type PutOptions,
  type StoredDocument,
} from '../../../core/ports/document-store';
import { graphErrorFrom } from '../client/graph-error';
import type { GraphAnswer, GraphApi, GraphCall } from '../client/graph-http';
import { folderPathOf, itemPathOf, segmentOf } from './drive-paths';

/** The folder the store lives in: a library's root (app-only) or a user's app folder (delegated). */
export interface DriveFolder {
  readonly driveId: string;
  readonly itemId: string;
}

interface DriveItem {
  readonly name: string;
  readonly eTag?: string;
  readonly folder?: unknown;
}

const CHILDREN_SELECT = '?$select=name,eTag,folder,file&$top=200';

/**
 * DocumentStore on drive items, addressed by path below one folder (`/drives/{d}/items/{folder}:/{path}:`).
 * The item's eTag is the document's ETag; `If-Match` / `If-None-Match: *` make the conditional put, and
 * Graph's 412 becomes PreconditionFailedError.
 */
export class GraphDriveDocumentStore implements DocumentStore {
  private folder: Promise<DriveFolder> | undefined;

  /** `graph` is asked for on every call: a delegated principal is valid only while its user's request runs. */
  constructor(
    private readonly graph: () => GraphApi,
    private readonly resolveFolder: () => Promise<DriveFolder>,
  ) {}

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    const call: GraphCall = { method: 'GET', path: `${await this.itemPath(itemPathOf(key))}/content` };
    const answer = await this.graph().send(call);
    if (answer.status === 404) return undefined;
    this.check(answer, call);
    const etag = answer.headers.get('etag');
    if (!etag) throw graphErrorFrom(502, answer.headers, 'the content answer carried no ETag', call.method, call.path);
    return { key, etag, body: JSON.parse(answer.text) as T };
  }

  async put<T>(key: string, body: T, options: PutOptions = {}): Promise<string> {
    assertValidDocumentKey(key);
    const headers: Record<string, string> = {};
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    if (options.ifNoneMatch === '*') headers['If-None-Match'] = '*';
    const call: GraphCall = {
      method: 'PUT',
      path: `${await this.itemPath(itemPathOf(key))}/content`,
      content: JSON.stringify(body),
      headers,
    };
    const answer = await this.graph().send(call);
    // If-Match on a missing item: nothing matched, which is the port's precondition failure too.
    if (answer.status === 412 || (answer.status === 404 && options.ifMatch !== undefined)) {
      throw new PreconditionFailedError(key);
    }
    this.check(answer, call);
    const item = JSON.parse(answer.text) as DriveItem;
    if (!item.eTag) throw graphErrorFrom(502, answer.headers, 'the upload answer carried no eTag', 'PUT', call.path);
    return item.eTag;
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    const call: GraphCall = {
      method: 'DELETE',
      path: await this.itemPath(itemPathOf(key)),
      ...(options.ifMatch !== undefined && { headers: { 'If-Match': options.ifMatch } }),
    };
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

  private async itemPath(relative: string): Promise<string> {
    // One look-up per store; a failed one is not cached so the next call tries again.
    this.folder ??= this.resolveFolder().catch((error: unknown) => {
      this.folder = undefined;
      throw error;
    });
    const folder = await this.folder;
    return `/drives/${encodeURIComponent(folder.driveId)}/items/${encodeURIComponent(folder.itemId)}:/${relative}:`;
  }

  private check(answer: GraphAnswer, call: GraphCall): void {
    if (answer.status >= 300) throw graphErrorFrom(answer.status, answer.headers, answer.text, call.method, call.path);
  }
}

/** The app folder of the signed-in user: created by Graph on first use (docs/graph-facts.md, App folder). */
export function appFolderOf(graph: () => GraphApi): () => Promise<DriveFolder> {
  return async () => {
    const item = await graph().json<{ id: string; parentReference?: { driveId?: string } }>({
      method: 'GET',
      path: '/me/drive/special/approot?$select=id,parentReference',
    });
    const driveId = item.parentReference?.driveId;
    if (!driveId) throw new Error('the app folder answer has no parentReference.driveId');
    return { driveId, itemId: item.id };
  };
}
