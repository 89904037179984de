import { KeyedConcurrencyLimiter } from '../../../adapters/graph/client/concurrency-limiter';
import { GraphHttp } from '../../../adapters/graph/client/graph-http';
import { appFolderOf, GraphDriveDocumentStore } from '../../../adapters/graph/storage/graph-drive-document-store';
import { describeDocumentStoreContract } from '../../contracts/document-store-contract';
import { unsignedToken } from '../../graph-emulator/emulator-tokens';
import { GraphEmulator } from '../../graph-emulator/graph-emulator';

let emulator: GraphEmulator;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  emulator.pageSize = 3;
});

afterAll(async () => {
  await emulator.close();
});

afterEach(() => {
  expect(emulator.violations).toEqual([]);
});

function graphFor(token: string, key: string): GraphHttp {
  return new GraphHttp({
    baseUrl: emulator.url,
    token: async () => token,
    limiter: new KeyedConcurrencyLimiter(4),
    limiterKey: key,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 2000 },
  });
}

/** A store on the root of a document library of the emulator, reached app-only. */
function libraryStore(driveId: string): GraphDriveDocumentStore {
  return new GraphDriveDocumentStore(
    () => graphFor(unsignedToken({}), 'app'),
    async () => ({ driveId, itemId: 'root' }),
  );
}

describeDocumentStoreContract('GraphDriveDocumentStore (document library, app-only)', async () => {
  const driveId = emulator.addDrive();
  return {
    store: new GraphDriveDocumentStore(
      () => graphFor(unsignedToken({ roles: ['Sites.Selected'] }), 'app'),
      async () => ({
        driveId,
        itemId: 'root',
      }),
    ),
    cleanup: async () => {
      emulator.drives.delete(driveId);
    },
  };
});

describeDocumentStoreContract('GraphDriveDocumentStore (OneDrive app folder, delegated)', async () => {
  const userId = `u-${emulator.requests.length}-${Math.random().toString(36).slice(2)}`;
  const graph = graphFor(unsignedToken({ oid: userId, scp: 'Files.ReadWrite.AppFolder' }), userId);
  return {
    store: new GraphDriveDocumentStore(
      () => graph,
      appFolderOf(() => graph),
    ),
    cleanup: async () => {
      emulator.drives.delete(`me-${userId}`);
    },
  };
});

describe('GraphDriveDocumentStore on Graph', () => {
  it('keeps documents in the app folder, created on first use, and never outside it', async () => {
    const graph = graphFor(unsignedToken({ oid: 'u-app', scp: 'Files.ReadWrite.AppFolder' }), 'u-app');
    const store = new GraphDriveDocumentStore(
      () => graph,
      appFolderOf(() => graph),
    );

    await store.put('private/p-1/s-1', { text: 'mine' });

    const drive = emulator.drives.get('me-u-app')!;
    expect(drive.at('Apps/Tandem/private/p-1/s-1.json')?.content).toBe('{"text":"mine"}');
  });

  it('writes case-distinct keys to names a case-insensitive drive keeps apart', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);

    await store.put('s/B', { upper: true });
    await store.put('s/b', { upper: false });

    expect((await store.get('s/B'))?.body).toEqual({ upper: true });
    expect(emulator.drives.get(driveId)!.at('s/^b.json')).toBeDefined();
  });

  it('retries 429 with Retry-After and 503, then succeeds without writing twice', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);
    const mark = emulator.requests.length;
    emulator.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, method: 'PUT', times: 1 });
    emulator.inject({ kind: 'status', status: 503, method: 'PUT', times: 1 });

    await store.put('a/b', { n: 1 }, { ifNoneMatch: '*' });

    expect(emulator.since(mark).map((r) => r.status)).toEqual([429, 503, 201]);
    expect(emulator.drives.get(driveId)!.at('a/b.json')?.version).toBe(1);
  });

  it('fails with a clear error naming status and request id once the retries are spent', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);
    emulator.inject({ kind: 'status', status: 503, method: 'GET', times: 10 });

    const attempt = store.get('a/b');

    await expect(attempt).rejects.toMatchObject({ name: 'GraphRequestError', status: 503 });
    await expect(attempt).rejects.toThrow(/request-id [0-9a-f-]{36}/);
    emulator.faults.length = 0;
  });

  it('keeps at most 4 requests in flight per mailbox, however many are asked for at once', async () => {
    const driveId = emulator.addDrive();
    const token = unsignedToken({ oid: 'busy-user', scp: 'Files.ReadWrite.AppFolder' });
    const graph = graphFor(token, 'busy-user');
    const store = new GraphDriveDocumentStore(
      () => graph,
      async () => ({ driveId, itemId: 'root' }),
    );
    emulator.inject({ kind: 'delay', delayMs: 100, times: 12 });

    await Promise.all(Array.from({ length: 12 }, (_, i) => store.put(`busy/${i}`, { i })));

    expect(emulator.maxInFlight.get('busy-user')).toBe(4);
  });

  it('waits for a slow answer', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);
    emulator.inject({ kind: 'delay', delayMs: 1500, method: 'PUT', times: 1 });

    await expect(store.put('slow/1', { ok: true })).resolves.toMatch(/^"\{/);
  });

  it('retries a dropped connection', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);
    emulator.inject({ kind: 'drop', method: 'PUT', times: 1 });

    await expect(store.put('a/b', { n: 1 })).resolves.toMatch(/^"\{/);
  });
});
