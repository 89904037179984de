/**
 * Document keys ↔ drive item paths. OneDrive and SharePoint compare names case-insensitively, while
 * document keys are case-sensitive (`s/B` and `s/b` are two documents), so an upper-case letter is written
 * as `^` + its lower-case form; `^` never occurs in a key. Documents get `.json` so a key and the folder of
 * the keys below it (`a` and `a/b`) never share a name.
 */
export function itemPathOf(key: string): string {
  return `${encodeKeyPath(key)}.json`;
}

export function folderPathOf(prefix: string): string {
  return encodeKeyPath(prefix);
}

function encodeKeyPath(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`);
}

/** A child name back to its key segment; undefined for names Tandem did not write. */
export function segmentOf(name: string, isFolder: boolean): string | undefined {
  const raw = isFolder ? name : name.endsWith('.json') ? name.slice(0, -5) : undefined;
  if (raw === undefined || /[A-Z]/.test(raw)) return undefined;
  return raw.toLowerCase().replace(/\^([a-z])/g, (_m, c: string) => c.toUpperCase());
}
