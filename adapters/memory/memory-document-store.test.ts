import { describeDocumentStoreContract } from '../../tests/contracts/document-store-contract';
import { MemoryDocumentStore, MemoryPersonalDocumentStores } from './memory-document-store';

describeDocumentStoreContract('MemoryDocumentStore', async () => ({
  store: new MemoryDocumentStore(),
  cleanup: async () => undefined,
}));

describe('MemoryDocumentStore', () => {
  it('stores a copy: changing the body after put or after get changes nothing stored', async () => {
    const store = new MemoryDocumentStore();
    const body = { items: ['a'] };
    const etag = await store.put('k/1', body);
    body.items.push('b');

    const read = await store.get<{ items: string[] }>('k/1');
    read?.body.items.push('c');

    expect(await store.get('k/1')).toEqual({ key: 'k/1', etag, body: { items: ['a'] } });
  });

  it('derives the ETag from the content', async () => {
    const store = new MemoryDocumentStore();

    expect(await store.put('a/b', { same: true })).toBe(await store.put('a/c', { same: true }));
    expect(await store.put('a/b', { same: true })).toMatch(/^"[0-9a-f]{32}"$/);
  });
});

describe('MemoryPersonalDocumentStores', () => {
  it('gives each user their own store, the same one every time', async () => {
    const stores = new MemoryPersonalDocumentStores();
    await stores.forUser('avery').put('notes/n', { text: 'mine' });

    expect(stores.forUser('avery')).toBe(stores.forUser('avery'));
    await expect(stores.forUser('blake').get('notes/n')).resolves.toBeUndefined();
    await expect(stores.forUser('avery').list('notes')).resolves.toEqual(['notes/n']);
  });

  it.each(['a/b', '..', '', 'a b'])('refuses the user id %j', (userId) => {
    expect(() => new MemoryPersonalDocumentStores().forUser(userId)).toThrow(TypeError);
  });
});
