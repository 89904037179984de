import { MemoryDocumentStore } from '../../adapters/memory/memory-document-store';
import { ContentionError } from '../errors';
import type { PutOptions } from '../ports/document-store';
import { Documents } from './documents';

interface List {
  items: string[];
}

/** Counts puts, and can let another "process" write just before each of our puts. */
class CountingStore extends MemoryDocumentStore {
  puts = 0;
  interfere?: () => Promise<void>;

  override async put<T>(key: string, body: T, options?: PutOptions): Promise<string> {
    this.puts++;
    const interfere = this.interfere;
    if (interfere) await interfere();
    return super.put(key, body, options);
  }
}

const append = (item: string) => (current: List | undefined) => {
  const doc = current ?? { items: [] };
  doc.items.push(item);
  return { write: doc, result: doc.items.length };
};

describe('Documents.mutate', () => {
  it('writes on the basis the caller just read without reading again, and re-reads when it was stale', async () => {
    const store = new CountingStore();
    let gets = 0;
    const get = store.get.bind(store);
    store.get = async (key) => {
      gets++;
      return get(key);
    };
    const docs = new Documents(store);
    const etag = await store.put('l', { items: ['a'] });
    const basis = { key: 'l', etag, body: { items: ['a'] } };

    await docs.mutate('l', append('b'), basis);
    const afterFresh = gets;
    await docs.mutate('l', append('c'), basis);

    expect(afterFresh).toBe(0);
    expect(gets).toBe(1);
    expect((await store.get<List>('l'))?.body.items).toEqual(['a', 'b', 'c']);
  });

  it('commits 100 concurrent operations on one document in a few writes, losing none', async () => {
    const store = new CountingStore();
    const docs = new Documents(store);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => docs.mutate('l/one', append(`i${i}`))));
    const stored = await store.get<List>('l/one');
    expect(stored?.body.items).toHaveLength(100);
    expect(new Set(stored?.body.items).size).toBe(100);
    expect(new Set(results).size).toBe(100);
    expect(store.puts).toBeLessThan(10);
  });

  it('fails an operation that throws alone, and writes none of its half-made change', async () => {
    const store = new CountingStore();
    const docs = new Documents(store);
    await docs.mutate('l/one', append('first'));
    const broken = (current: List | undefined) => {
      current!.items.push('half-made');
      throw new Error('rule broken');
    };
    const outcomes = await Promise.allSettled([
      docs.mutate('l/one', append('a')),
      docs.mutate('l/one', broken),
      docs.mutate('l/one', append('b')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.get<List>('l/one'))?.body.items).toEqual(['first', 'a', 'b']);
  });

  it('writes nothing when no operation changes the document', async () => {
    const store = new CountingStore();
    const docs = new Documents(store);
    await docs.mutate('l/one', append('x'));
    const before = store.puts;
    expect(await docs.mutate<List, number>('l/one', (c) => ({ result: c!.items.length }))).toBe(1);
    expect(store.puts).toBe(before);
  });

  it('re-reads and re-applies when another writer got there first', async () => {
    const store = new CountingStore();
    const docs = new Documents(store);
    await docs.mutate('l/one', append('mine-1'));
    let outsideWrites = 0;
    store.interfere = async () => {
      if (outsideWrites++ > 0) return;
      store.interfere = undefined;
      const read = await store.get<List>('l/one');
      await MemoryDocumentStore.prototype.put.call(store, 'l/one', { items: [...read!.body.items, 'theirs'] });
    };
    await docs.mutate('l/one', append('mine-2'));
    expect((await store.get<List>('l/one'))?.body.items).toEqual(['mine-1', 'theirs', 'mine-2']);
  });

  it('gives up with a ContentionError after its bounded retries', async () => {
    const store = new CountingStore();
    const docs = new Documents(store, 3);
    await docs.mutate('l/one', append('x'));
    store.interfere = async () => {
      const read = await store.get<List>('l/one');
      await MemoryDocumentStore.prototype.put.call(store, 'l/one', { items: [...read!.body.items, 'other'] });
    };
    await expect(docs.mutate('l/one', append('y'))).rejects.toBeInstanceOf(ContentionError);
    expect(store.puts).toBe(1 + 3);
  });
});
