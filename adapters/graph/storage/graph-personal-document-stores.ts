import {
  assertValidDocumentKey,
  type DocumentStore,
  type PersonalDocumentStores,
} from '../../../core/ports/document-store';
import type { GraphPrincipals } from '../client/graph-principals';
import { appFolderLocation, GraphDriveDocumentStore, type DriveFolder } from './graph-drive-document-store';

/** A user's private notes are small: what one user's store keeps in memory, and how many users are kept. */
const PERSONAL_CACHE_CHARS = 256 * 1024;
const MAX_STORES = 5_000;

/**
 * Private notes in each author's own OneDrive app folder, delegated (`Files.ReadWrite.AppFolder`). forUser(X)
 * works only while serving a request by X: the token is X's own, on behalf of their API token.
 */
export class GraphPersonalDocumentStores implements PersonalDocumentStores {
  /**
   * The app folder's drive and item id per user, needed only to delete (reads and writes address the folder by
   * path): stable, so looked up once per process.
   */
  private readonly folders = new Map<string, Promise<DriveFolder>>();
  /** One store per user, so the documents it last saw are revalidated (304) instead of downloaded again. */
  private readonly stores = new Map<string, GraphDriveDocumentStore>();

  constructor(private readonly principals: GraphPrincipals) {}

  forUser(userId: string): DocumentStore {
    assertValidDocumentKey(userId);
    if (userId.includes('/')) throw new TypeError(`invalid user id ${JSON.stringify(userId)}`);
    // Checked now and again on every call: the store is cached by the use-cases across requests.
    this.principals.asUser(userId);
    const existing = this.stores.get(userId);
    if (existing) return existing;
    const graph = () => this.principals.asUser(userId);
    const appFolder = appFolderLocation(graph);
    const store = new GraphDriveDocumentStore(
      graph,
      {
        ...appFolder,
        folder: () => {
          let folder = this.folders.get(userId);
          if (!folder) {
            folder = appFolder.folder();
            folder.catch(() => this.folders.delete(userId));
            this.folders.set(userId, folder);
          }
          return folder;
        },
      },
      PERSONAL_CACHE_CHARS,
    );
    if (this.stores.size >= MAX_STORES) this.stores.delete(this.stores.keys().next().value!);
    this.stores.set(userId, store);
    return store;
  }
}
