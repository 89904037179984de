import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { blobContainer } from '../../adapters/azure-blob/blob-container';
import { BlobDocumentStore } from '../../adapters/azure-blob/blob-document-store';

/**
 * In Azure the operational store is reached by the account's endpoint with a token from the managed identity,
 * never a key. A local https endpoint stands in for the account and records what reaches it.
 */
describe('the operational store by endpoint and credential', () => {
  const tls = path.resolve(__dirname, '..', '..', '.data', 'test-tls');
  const seen: Array<{ path: string; authorization?: string }> = [];
  let server: https.Server;
  let endpoint: string;

  beforeAll(async () => {
    server = https.createServer(
      { cert: fs.readFileSync(path.join(tls, 'cert.pem')), key: fs.readFileSync(path.join(tls, 'key.pem')) },
      (req, res) => {
        seen.push({
          path: req.url ?? '',
          ...(req.headers.authorization && { authorization: req.headers.authorization }),
        });
        if (req.method === 'PUT' && req.url?.includes('restype=container')) {
          res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString() });
          res.end();
          return;
        }
        res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound', 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code></Error>');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://localhost:${(server.address() as AddressInfo).port}/devstoreaccount1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends the credential's bearer token for Azure Storage to the configured endpoint and container", async () => {
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      getToken: async (scope): Promise<AccessToken> => {
        scopes.push([scope].flat());
        return { token: 'managed-identity-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const store = new BlobDocumentStore(blobContainer({ endpoint, container: 'tandem-ops' }, credential));
    expect(await store.get('jobs/lease')).toBeUndefined();
    expect(seen.map((s) => s.authorization)).toEqual(seen.map(() => 'Bearer managed-identity-token'));
    expect(seen.at(-1)).toEqual({
      path: expect.stringMatching(/^\/devstoreaccount1\/tandem-ops\/jobs\/lease/),
      authorization: 'Bearer managed-identity-token',
    });
    expect(scopes.flat()).toContain('https://storage.azure.com/.default');
  });
});
