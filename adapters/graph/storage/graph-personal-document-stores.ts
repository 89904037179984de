import {
  assertValidDocumentKey,
  type DocumentStore,
  type PersonalDocumentStores,
} from '../../../core/ports/document-store';
import type { GraphPrincipals } from '../client/graph-principals';
import { appFolderOf, GraphDriveDocumentStore, type DriveFolder } from './graph-drive-document-store';

/**
 * Private notes in each author's own OneDrive app folder, delegated (`Files.ReadWrite.AppFolder`). forUser(X)
 * works only while serving a request by X: the token is X's own, on behalf of their API token.
 */
export class GraphPersonalDocumentStores implements PersonalDocumentStores {
  /** The app folder's drive and item id per user: stable, so looked up once per process. */
  private readonly folders = new Map<string, Promise<DriveFolder>>();

  constructor(private readonly principals: GraphPrincipals) {}

  forUser(userId: string): DocumentStore {
    assertValidDocumentKey(userId);
    if (userId.includes('/')) throw new TypeError(`invalid user id ${JSON.stringify(userId)}`);
    // Checked now and again on every call: the store is cached by the use-cases across requests.
    this.principals.asUser(userId);
    const graph = () => this.principals.asUser(userId);
    return new GraphDriveDocumentStore(graph, () => {
      let folder = this.folders.get(userId);
      if (!folder) {
        folder = appFolderOf(graph)();
        folder.catch(() => this.folders.delete(userId));
        this.folders.set(userId, folder);
      }
      return folder;
    });
  }
}
