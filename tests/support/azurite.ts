import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './server-process';

/** Azurite's well-known development account (public, documented, not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  readonly connectionString: string;
  /** The account's blob endpoint, as AZURE_STORAGE_BLOB_ENDPOINT names a storage account's. */
  readonly blobEndpoint: string;
  stop(): Promise<void>;
}

/** Over https with these PEM files, and accepting bearer tokens (`--oauth basic`, which needs https). */
export interface AzuriteOAuth {
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * Azurite's blob service in memory on a free port, started from the binary directly (through npx it would
 * outlive a kill). Resolves once it prints the address it listens on. With `oauth`, it serves https and takes
 * Entra bearer tokens besides the account key (it checks their issuer, audience and lifetime, not signatures).
 */
export async function startAzurite(timeoutMs = 20_000, oauth?: AzuriteOAuth): Promise<RunningAzurite> {
  const bin = path.join(repoRoot(), 'node_modules', '.bin', 'azurite-blob');
  const args = ['--silent', '--disableTelemetry', '--inMemoryPersistence', '--skipApiVersionCheck'];
  if (oauth) args.push('--oauth', 'basic', '--cert', oauth.certFile, '--key', oauth.keyFile);
  const scheme = oauth ? 'https' : 'http';
  const child: ChildProcess = spawn(bin, [...args, '--blobHost', '127.0.0.1', '--blobPort', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`azurite did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`azurite exited with ${code}:\n${output}`));
    });
  });
  const blobEndpoint = `${scheme}://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    connectionString:
      `DefaultEndpointsProtocol=${scheme};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `BlobEndpoint=${blobEndpoint};`,
    blobEndpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
