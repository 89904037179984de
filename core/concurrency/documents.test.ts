import { MemoryDocumentStore } from '../../adapters/memory/memory-document-store';
import { ContentionError } from '../errors';
import type { PutOptions } from '../ports/document-store';
import { Documents, step } from './documents';

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

describe('Documents.mutateInOrder', () => {
  it('writes every step with one putMany from the bases given, conditional on each', async () => {
    const store = new MemoryDocumentStore();
    const putMany = jest.spyOn(store, 'putMany');
    const put = jest.spyOn(store, 'put');
    await store.put('b', { items: ['x'] });
    put.mockClear();
    const docs = new Documents(store);
    const [a, b] = await Promise.all([docs.read<List>('a'), docs.read<List>('b')]);

    const results = await docs.mutateInOrder([step('a', append('1'), a), step('b', append('2'), b)]);

    expect(results).toEqual([1, 2]);
    expect(putMany).toHaveBeenCalledTimes(1);
    expect(putMany.mock.calls[0]![0].map((w) => w.options)).toEqual([{ ifNoneMatch: '*' }, { ifMatch: b!.etag }]);
    expect((await store.get<List>('a'))?.body.items).toEqual(['1']);
    expect((await store.get<List>('b'))?.body.items).toEqual(['x', '2']);
  });

  it('redoes from a fresh read the step whose document changed since it was read, and every step after it, in order', async () => {
    const store = new MemoryDocumentStore();
    const docs = new Documents(store);
    const [a, b, c] = await Promise.all([docs.read<List>('a'), docs.read<List>('b'), docs.read<List>('c')]);
    // Another process creates b between our read and our write.
    await store.put('b', { items: ['theirs'] });
    const order: string[] = [];
    const tracked = (key: string, item: string) => (current: List | undefined) => {
      order.push(key);
      return append(item)(current);
    };

    const results = await docs.mutateInOrder([
      step('a', tracked('a', '1'), a),
      step('b', tracked('b', '2'), b),
      step('c', tracked('c', '3'), c),
    ]);

    expect(results).toEqual([1, 2, 1]);
    expect((await store.get<List>('a'))?.body.items).toEqual(['1']);
    expect((await store.get<List>('b'))?.body.items).toEqual(['theirs', '2']);
    expect((await store.get<List>('c'))?.body.items).toEqual(['3']);
    // First pass on the bases, then b and c again, b before c.
    expect(order).toEqual(['a', 'b', 'c', 'b', 'c']);
  });

  it('writes nothing when a step throws on the basis, and stops at a step that throws on the fresh read', async () => {
    const store = new MemoryDocumentStore();
    const docs = new Documents(store);
    const refuse = (current: List | undefined) => {
      if (current) throw new Error('taken');
      return { write: { items: ['mine'] }, result: undefined };
    };
    await store.put('taken', { items: ['theirs'] });

    await expect(
      docs.mutateInOrder([step('first', append('1'), undefined), step('taken', refuse, await docs.read('taken'))]),
    ).rejects.toThrow('taken');
    await expect(store.get('first')).resolves.toBeUndefined();

    // Believed absent, found taken on the write: the steps after it are not made.
    await expect(
      docs.mutateInOrder([step('taken', refuse, undefined), step('after', append('1'), undefined)]),
    ).rejects.toThrow('taken');
    await expect(store.get('after')).resolves.toBeUndefined();
  });
});
