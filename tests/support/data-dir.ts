import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { settleFileStoresUnder } from '../../adapters/embedded/file-document-store';
import { JOURNAL_FOLDER } from '../../adapters/embedded/write-journal';

/** A fresh, empty data folder for one server under the system temp folder. */
export function makeDataDir(label: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `tandem-${label}-`));
}

export async function removeDataDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Every regular file under `dir` (relative paths, sorted), temp files included; not the file stores' write
 * journals and locks (`.journal` folders), which change with every write and are emptied at a stop. A
 * service in this process answers a write once its journal holds it and writes the file just after: this
 * waits for those files first.
 */
export async function listFiles(dir: string): Promise<string[]> {
  await settleFileStoresUnder(dir);
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.split(path.sep).includes(JOURNAL_FOLDER))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The job runner's lease and marks (ops/): they change while a service runs, whatever the requests do. */
export const OPERATIONAL_STATE: readonly string[] = ['ops'];

/**
 * Relative path → sha256 of its bytes, for every file under `dir`: equal maps mean a byte-for-byte equal tree.
 * `exclude`: top-level folders left out, e.g. a running service's operational state that changes meanwhile.
 */
export async function hashTree(dir: string, exclude: readonly string[] = []): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const files = (await listFiles(dir)).filter((file) => !exclude.includes(file.split(path.sep)[0]!));
  for (const file of files) {
    hashes[file] = createHash('sha256')
      .update(await fs.readFile(path.join(dir, file)))
      .digest('hex');
  }
  return hashes;
}

/** Each `.json` document under `dir` that does not parse, with the parse error. */
export async function unparsableJsonFiles(dir: string): Promise<Array<{ file: string; error: string }>> {
  const bad: Array<{ file: string; error: string }> = [];
  for (const file of (await listFiles(dir)).filter((f) => f.endsWith('.json'))) {
    try {
      JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      bad.push({ file, error: String(error) });
    }
  }
  return bad;
}
