import { randomUUID } from 'node:crypto';

export interface DriveItemState {
  readonly id: string;
  name: string;
  readonly path: string;
  readonly isFolder: boolean;
  content?: string;
  version: number;
}

/** One drive: items by lower-cased path (OneDrive names are case-insensitive), the root at ''. */
export class DriveState {
  private readonly byPath = new Map<string, DriveItemState>();
  private readonly byId = new Map<string, DriveItemState>();

  constructor(readonly id: string) {
    this.add({ id: 'root', name: 'root', path: '', isFolder: true, version: 1 });
  }

  item(id: string): DriveItemState | undefined {
    return this.byId.get(id);
  }

  at(path: string): DriveItemState | undefined {
    return this.byPath.get(path.toLowerCase());
  }

  /** Creates missing parent folders, as Graph's path-based upload does. */
  ensureFolder(path: string): DriveItemState {
    const existing = this.at(path);
    if (existing) return existing;
    const slash = path.lastIndexOf('/');
    if (slash > 0) this.ensureFolder(path.slice(0, slash));
    return this.add({ id: randomUUID(), name: path.slice(slash + 1), path, isFolder: true, version: 1 });
  }

  write(path: string, content: string): { item: DriveItemState; created: boolean } {
    const existing = this.at(path);
    if (existing) {
      existing.content = content;
      existing.version++;
      return { item: existing, created: false };
    }
    const slash = path.lastIndexOf('/');
    if (slash > 0) this.ensureFolder(path.slice(0, slash));
    const item = this.add({
      id: randomUUID(),
      name: path.slice(slash + 1),
      path,
      isFolder: false,
      content,
      version: 1,
    });
    return { item, created: true };
  }

  remove(item: DriveItemState): void {
    const prefix = `${item.path.toLowerCase()}/`;
    for (const [p, i] of this.byPath) {
      if (p === item.path.toLowerCase() || p.startsWith(prefix)) {
        this.byPath.delete(p);
        this.byId.delete(i.id);
      }
    }
  }

  children(folder: DriveItemState): DriveItemState[] {
    const prefix = folder.path === '' ? '' : `${folder.path.toLowerCase()}/`;
    return [...this.byPath.values()].filter(
      (i) => i.path !== '' && i.path.toLowerCase().startsWith(prefix) && !i.path.slice(prefix.length).includes('/'),
    );
  }

  /** Every file, path → content (for tests that look for where something was written). */
  files(): Map<string, string> {
    return new Map([...this.byPath.values()].filter((i) => !i.isFolder).map((i) => [i.path, i.content ?? '']));
  }

  etag(item: DriveItemState): string {
    return `"{${item.id.toUpperCase()}},${item.version}"`;
  }

  ctag(item: DriveItemState): string {
    return `"c:{${item.id.toUpperCase()}},${item.version}"`;
  }

  private add(item: DriveItemState): DriveItemState {
    this.byPath.set(item.path.toLowerCase(), item);
    this.byId.set(item.id, item);
    return item;
  }
}
