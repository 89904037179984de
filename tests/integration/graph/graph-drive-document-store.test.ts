import { KeyedConcurrencyLimiter } from '../../../adapters/graph/client/concurrency-limiter';
import { GraphHttp } from '../../../adapters/graph/client/graph-http';
import { PreconditionFailedError } from '../../../core/ports/document-store';
import {
  appFolderLocation,
  appFolderOf,
  GraphDriveDocumentStore,
} from '../../../adapters/graph/storage/graph-drive-document-store';
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

describeDocumentStoreContract('GraphDriveDocumentStore (OneDrive app folder by path, delegated)', async () => {
  const userId = `u-${emulator.requests.length}-${Math.random().toString(36).slice(2)}`;
  const graph = graphFor(unsignedToken({ oid: userId, scp: 'Files.ReadWrite.AppFolder' }), userId);
  return {
    store: new GraphDriveDocumentStore(
      () => graph,
      appFolderLocation(() => graph),
    ),
    cleanup: async () => {
      emulator.drives.delete(`me-${userId}`);
    },
  };
});

describe('GraphDriveDocumentStore on Graph', () => {
  it('reads and writes below the app folder by path, without looking the folder up first', async () => {
    const graph = graphFor(unsignedToken({ oid: 'u-path', scp: 'Files.ReadWrite.AppFolder' }), 'u-path');
    const store = new GraphDriveDocumentStore(
      () => graph,
      appFolderLocation(() => graph),
    );
    const mark = emulator.requests.length;

    expect(await store.get('private/p-1/s-1')).toBeUndefined();
    await store.put('private/p-1/s-1', { text: 'mine' });
    expect((await store.get('private/p-1/s-1'))?.body).toEqual({ text: 'mine' });

    expect(emulator.since(mark).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1.0/me/drive/special/approot:/private/p-1/s-1.json: 404',
      'PUT /v1.0/me/drive/special/approot:/private/p-1/s-1.json:/content 201',
      'GET /v1.0/me/drive/special/approot:/private/p-1/s-1.json: 304',
    ]);
    expect(emulator.drives.get('me-u-path')!.at('Apps/Tandem/private/p-1/s-1.json')?.content).toBe('{"text":"mine"}');
  });

  it('answers a missing item below the app folder by path with 404 itemNotFound, the folder made on first access', async () => {
    const graph = graphFor(unsignedToken({ oid: 'u-fresh', scp: 'Files.ReadWrite.AppFolder' }), 'u-fresh');

    const answer = await graph.send({ method: 'GET', path: '/me/drive/special/approot:/private/none.json:' });

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'itemNotFound' } });
    expect(emulator.drives.get('me-u-fresh')!.at('Apps/Tandem')?.isFolder).toBe(true);
  });

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

  it('downloads content as Graph serves it: 302 to a pre-authenticated URL on another host that refuses tokens', async () => {
    const driveId = emulator.addDrive();
    await libraryStore(driveId).put('d/1', { n: 1 });
    const token = unsignedToken({});
    const path = `/v1.0/drives/${driveId}/items/root:/d/1.json:/content`;

    const redirect = await fetch(`${emulator.url}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    const location = redirect.headers.get('location')!;
    const withToken = await fetch(location, { headers: { Authorization: `Bearer ${token}` } });
    const without = await fetch(location);
    const etag = emulator.drives.get(driveId)!.etag(emulator.drives.get(driveId)!.at('d/1.json')!);
    const unchanged = await fetch(`${emulator.url}${path}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-None-Match': etag },
      redirect: 'manual',
    });

    expect(redirect.status).toBe(302);
    expect(new URL(location).host).not.toBe(new URL(emulator.url).host);
    expect(withToken.status).toBe(401);
    expect([without.status, await without.text()]).toEqual([200, '{"n":1}']);
    expect(unchanged.status).toBe(304);
  });

  it('reads the eTag from the item and the content from the download host, without a token', async () => {
    const driveId = emulator.addDrive();
    const writer = libraryStore(driveId);
    const etag = await writer.put('d/1', { n: 1 });
    const reader = libraryStore(driveId);
    const mark = emulator.requests.length;

    const read = await reader.get<{ n: number }>('d/1');

    expect(read).toEqual({ key: 'd/1', etag, body: { n: 1 } });
    expect(emulator.since(mark).map((r) => `${r.host} ${r.method} ${r.status}`)).toEqual([
      'graph GET 200',
      'download GET 200',
    ]);
  });

  it('revalidates what it saw with If-None-Match: one 304 when unchanged, and a change by another process is read', async () => {
    const driveId = emulator.addDrive();
    const mine = libraryStore(driveId);
    const theirs = libraryStore(driveId);
    await mine.put('d/1', { n: 1 });
    const mark = emulator.requests.length;

    expect((await mine.get('d/1'))?.body).toEqual({ n: 1 });
    const unchanged = emulator.since(mark).map((r) => `${r.host} ${r.status}`);
    const newer = await theirs.put('d/1', { n: 2 });
    const after = await mine.get('d/1');
    const stale = mine.put('d/1', { n: 3 }, { ifMatch: newer.replace(/,\d+"$/, ',1"') });

    expect(unchanged).toEqual(['graph 304']);
    expect(after).toEqual({ key: 'd/1', etag: newer, body: { n: 2 } });
    await expect(stale).rejects.toThrow(PreconditionFailedError);
  });

  it('sends reads started together as one $batch', async () => {
    const driveId = emulator.addDrive();
    const store = libraryStore(driveId);
    await Promise.all([store.put('d/1', { n: 1 }), store.put('d/2', { n: 2 })]);
    const mark = emulator.requests.length;

    const [one, two, none] = await Promise.all([store.get('d/1'), store.get('d/2'), store.get('d/3')]);

    expect([one?.body, two?.body, none]).toEqual([{ n: 1 }, { n: 2 }, undefined]);
    expect(
      emulator
        .since(mark)
        .filter((r) => !r.batched)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['POST /v1.0/$batch']);
  });
});
