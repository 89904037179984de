import { DocumentStore, PreconditionFailedError } from '../../core/ports/document-store';

/**
 * The behaviour every DocumentStore adapter must have (file store, Graph drive, Azure Blob). It speaks only
 * through the port, so it runs unchanged against each adapter:
 *
 *   describeDocumentStoreContract('file store', async () => ({ store, cleanup }));
 *
 * `makeStore` is called before every test and must give an empty store; `cleanup` runs after it.
 */
export interface ContractStore {
  readonly store: DocumentStore;
  cleanup(): Promise<void>;
}

interface Note {
  readonly title: string;
  readonly done?: boolean;
}

interface ItemList {
  readonly items: string[];
}

// Remote adapters make many round trips in the concurrency tests.
const CONCURRENCY_TIMEOUT_MS = 120_000;

export function describeDocumentStoreContract(adapterName: string, makeStore: () => Promise<ContractStore>): void {
  describe(`DocumentStore contract: ${adapterName}`, () => {
    let current: ContractStore | undefined;
    let store: DocumentStore;

    beforeEach(async () => {
      current = await makeStore();
      store = current.store;
    });

    afterEach(async () => {
      const finished = current;
      current = undefined;
      await finished?.cleanup();
    });

    describe('get and put', () => {
      it('round-trips a body and reports the ETag that put returned', async () => {
        const body = { title: 'Agenda', topics: [{ id: 't-1', text: 'Career', votes: 2 }], closed: false, owner: null };

        const etag = await store.put('pairs/p-1/agenda', body);
        const read = await store.get<typeof body>('pairs/p-1/agenda');

        expect(typeof etag).toBe('string');
        expect(etag.length).toBeGreaterThan(0);
        expect(read).toEqual({ key: 'pairs/p-1/agenda', etag, body });
      });

      it('returns undefined for a missing document, also under a folder that does not exist', async () => {
        await store.put('pairs/p-1/agenda', { title: 'x' });

        await expect(store.get('pairs/p-1/missing')).resolves.toBeUndefined();
        await expect(store.get('nowhere/at/all')).resolves.toBeUndefined();
        // A folder is not a document.
        await expect(store.get('pairs/p-1')).resolves.toBeUndefined();
      });

      it('round-trips JSON values of every kind', async () => {
        const bodies: Record<string, unknown> = {
          'kinds/object': { nested: { deeper: { list: [1, 'two', null, true, { x: -3.5e-7 }] } }, empty: {} },
          'kinds/array': [[], [1], { a: [] }],
          'kinds/string': 'just a string',
          'kinds/number': 42.25,
          'kinds/boolean': false,
          'kinds/null': null,
        };

        for (const [key, body] of Object.entries(bodies)) await store.put(key, body);

        for (const [key, body] of Object.entries(bodies)) {
          expect((await store.get(key))?.body).toEqual(body);
        }
      });

      it('keeps a document and the documents below its key apart', async () => {
        await store.put('pairs/p-1', { level: 1 });
        await store.put('pairs/p-1/agenda', { level: 2 });

        expect((await store.get('pairs/p-1'))?.body).toEqual({ level: 1 });
        expect((await store.get('pairs/p-1/agenda'))?.body).toEqual({ level: 2 });
      });

      it('replaces the body on an unconditional put', async () => {
        await store.put<Note>('notes/n-1', { title: 'first' });
        await store.put<Note>('notes/n-1', { title: 'second', done: true });

        expect((await store.get<Note>('notes/n-1'))?.body).toEqual({ title: 'second', done: true });
      });

      it('keeps the ETag stable across reads and changes it when the content changes', async () => {
        const first = await store.put<Note>('notes/n-1', { title: 'first' });

        expect((await store.get('notes/n-1'))?.etag).toBe(first);
        expect((await store.get('notes/n-1'))?.etag).toBe(first);

        const second = await store.put<Note>('notes/n-1', { title: 'second' });

        expect(second).not.toBe(first);
        expect((await store.get('notes/n-1'))?.etag).toBe(second);
      });

      it("gives every get its own copy of the body and keeps none of the caller's objects", async () => {
        // Documents.mutate changes what get returned in place, and callers keep what they passed to put.
        const written = { title: 'Agenda', topics: [{ id: 't-1', votes: 1 }] };
        const etag = await store.put('pairs/p-1/agenda', written);
        written.title = 'changed after put';
        written.topics[0]!.votes = 99;

        const first = await store.get<typeof written>('pairs/p-1/agenda');
        first!.body.title = 'changed by a caller';
        first!.body.topics.push({ id: 't-2', votes: 0 });
        const second = await store.get<typeof written>('pairs/p-1/agenda');

        expect(second).toEqual({
          key: 'pairs/p-1/agenda',
          etag,
          body: { title: 'Agenda', topics: [{ id: 't-1', votes: 1 }] },
        });
        expect(second?.body).not.toBe(first?.body);
      });

      it('round-trips unicode text', async () => {
        const body = {
          text: 'Zoë, Łódź, 東京, Ελληνικά, עברית, العربية, हिन्दी',
          emoji: '👩🏽‍💻🤝👨🏻‍🔧 🇳🇱 ✅',
          combining: 'e\u0301 vs \u00e9',
          controls: 'tab\tnewline\nquote" backslash\\ nul\u0000 separators\u2028\u2029',
          'clé 🔑': 'unicode property names too',
        };

        await store.put('notes/unicode', body);

        expect((await store.get('notes/unicode'))?.body).toEqual(body);
      });

      it('round-trips a ~200 KB body', async () => {
        const items = Array.from({ length: 2000 }, (_, i) => ({
          id: `item-${i}`,
          text: `${'lorem ipsum dolor sit amet '.repeat(3)}${i} ✓`,
        }));
        const body = { items };
        expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(200_000);

        const etag = await store.put('big/document', body);
        const read = await store.get<typeof body>('big/document');

        expect(read?.etag).toBe(etag);
        expect(read?.body).toEqual(body);
      });
    });

    describe('conditional put', () => {
      it('writes when ifMatch is the current ETag and returns the new ETag', async () => {
        const first = await store.put<Note>('notes/n-1', { title: 'first' });

        const second = await store.put<Note>('notes/n-1', { title: 'second' }, { ifMatch: first });

        expect(second).not.toBe(first);
        expect(await store.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag: second, body: { title: 'second' } });
      });

      it('rejects a stale ifMatch with PreconditionFailedError and leaves the document unchanged', async () => {
        const stale = await store.put<Note>('notes/n-1', { title: 'first' });
        const latest = await store.put<Note>('notes/n-1', { title: 'second' }, { ifMatch: stale });

        const attempt = store.put<Note>('notes/n-1', { title: 'lost update' }, { ifMatch: stale });

        await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
        await expect(attempt).rejects.toMatchObject({ key: 'notes/n-1' });
        expect(await store.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag: latest, body: { title: 'second' } });
      });

      it('rejects an ifMatch that was never an ETag of the document', async () => {
        const etag = await store.put<Note>('notes/n-1', { title: 'first' });

        await expect(store.put('notes/n-1', { title: 'x' }, { ifMatch: '"not-an-etag"' })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        expect((await store.get('notes/n-1'))?.etag).toBe(etag);
      });

      it('rejects ifMatch on a missing document and creates nothing', async () => {
        const elsewhere = await store.put<Note>('notes/other', { title: 'other' });

        await expect(store.put('notes/n-1', { title: 'x' }, { ifMatch: elsewhere })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        await expect(store.get('notes/n-1')).resolves.toBeUndefined();
      });

      it("creates with ifNoneMatch '*' only when no document exists", async () => {
        const created = await store.put<Note>('notes/n-1', { title: 'first' }, { ifNoneMatch: '*' });

        expect((await store.get('notes/n-1'))?.etag).toBe(created);

        const attempt = store.put<Note>('notes/n-1', { title: 'second' }, { ifNoneMatch: '*' });

        await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
        await expect(attempt).rejects.toMatchObject({ key: 'notes/n-1' });
        expect(await store.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag: created, body: { title: 'first' } });
      });

      it("allows ifNoneMatch '*' again after the document was deleted", async () => {
        await store.put<Note>('notes/n-1', { title: 'first' });
        await store.delete('notes/n-1');

        await store.put<Note>('notes/n-1', { title: 'again' }, { ifNoneMatch: '*' });

        expect((await store.get('notes/n-1'))?.body).toEqual({ title: 'again' });
      });
    });

    describe('putMany', () => {
      it('writes in order, each with its condition, and reports the ETags that get reports', async () => {
        const old = await store.put('many/updated', { title: 'before' });

        const outcomes = await store.putMany([
          { key: 'many/new', body: { title: 'created' }, options: { ifNoneMatch: '*' } },
          { key: 'many/updated', body: { title: 'after' }, options: { ifMatch: old } },
          { key: 'many/plain', body: { title: 'unconditional' } },
        ]);

        expect(outcomes).toHaveLength(3);
        for (const [i, key] of ['many/new', 'many/updated', 'many/plain'].entries()) {
          const read = await store.get<Note>(key);
          expect(outcomes[i]).toEqual({ etag: read!.etag });
        }
        expect((await store.get<Note>('many/updated'))?.body).toEqual({ title: 'after' });
        await expect(store.putMany([])).resolves.toEqual([]);
      });

      it('stops at the first failed condition: earlier writes stay, that one and later ones are not made', async () => {
        const taken = await store.put('many/taken', { title: 'someone else' });
        const stale = await store.put('many/stale', { title: 'v1' });
        await store.put('many/stale', { title: 'v2' });

        const outcomes = await store.putMany([
          { key: 'many/first', body: { title: 'first' }, options: { ifNoneMatch: '*' } },
          { key: 'many/taken', body: { title: 'mine' }, options: { ifNoneMatch: '*' } },
          { key: 'many/later', body: { title: 'later' }, options: { ifNoneMatch: '*' } },
        ]);
        const staleOutcome = await store.putMany([
          { key: 'many/stale', body: { title: 'from v1' }, options: { ifMatch: stale } },
          { key: 'many/after-stale', body: { title: 'x' } },
        ]);

        expect(outcomes[0]).toEqual({ etag: (await store.get('many/first'))!.etag });
        const failed = outcomes[1] as { failed: PreconditionFailedError };
        expect(failed.failed).toBeInstanceOf(PreconditionFailedError);
        expect(failed.failed.key).toBe('many/taken');
        expect(outcomes[2]).toEqual({ skipped: true });
        expect(await store.get('many/taken')).toEqual({
          key: 'many/taken',
          etag: taken,
          body: { title: 'someone else' },
        });
        await expect(store.get('many/later')).resolves.toBeUndefined();
        expect('failed' in staleOutcome[0]!).toBe(true);
        expect(staleOutcome[1]).toEqual({ skipped: true });
        expect((await store.get<Note>('many/stale'))?.body).toEqual({ title: 'v2' });
        await expect(store.get('many/after-stale')).resolves.toBeUndefined();
      });

      it('fails If-Match on a document that does not exist', async () => {
        const outcomes = await store.putMany([
          { key: 'many/ghost', body: { title: 'x' }, options: { ifMatch: '"1"' } },
        ]);

        expect('failed' in outcomes[0]!).toBe(true);
        await expect(store.get('many/ghost')).resolves.toBeUndefined();
      });
    });

    describe('delete', () => {
      it('deletes a document and reports whether there was one', async () => {
        await store.put<Note>('notes/n-1', { title: 'first' });
        await store.put<Note>('notes/n-2', { title: 'second' });

        await expect(store.delete('notes/n-1')).resolves.toBe(true);
        await expect(store.get('notes/n-1')).resolves.toBeUndefined();
        await expect(store.delete('notes/n-1')).resolves.toBe(false);
        await expect(store.delete('never/existed')).resolves.toBe(false);
        expect((await store.get('notes/n-2'))?.body).toEqual({ title: 'second' });
      });

      it('deletes when ifMatch is the current ETag', async () => {
        const etag = await store.put<Note>('notes/n-1', { title: 'first' });

        await expect(store.delete('notes/n-1', { ifMatch: etag })).resolves.toBe(true);
        await expect(store.get('notes/n-1')).resolves.toBeUndefined();
      });

      it('rejects a stale ifMatch and keeps the document', async () => {
        const stale = await store.put<Note>('notes/n-1', { title: 'first' });
        const latest = await store.put<Note>('notes/n-1', { title: 'second' });

        const attempt = store.delete('notes/n-1', { ifMatch: stale });

        await expect(attempt).rejects.toBeInstanceOf(PreconditionFailedError);
        await expect(attempt).rejects.toMatchObject({ key: 'notes/n-1' });
        expect(await store.get('notes/n-1')).toEqual({ key: 'notes/n-1', etag: latest, body: { title: 'second' } });
      });

      it('rejects ifMatch on a missing document', async () => {
        const etag = await store.put<Note>('notes/n-1', { title: 'first' });
        await store.delete('notes/n-1');

        await expect(store.delete('notes/n-1', { ifMatch: etag })).rejects.toBeInstanceOf(PreconditionFailedError);
      });
    });

    describe('list', () => {
      it('lists every key below a prefix, nested ones included, sorted', async () => {
        // Written out of order on purpose; '-' and '.' sort before '/', 'B' before 'a'.
        const keys = ['s/b/c', 's/b-c', 's/a', 's/B', 's/b.x', 's/b', 's/b/c/d/e'];
        for (const key of keys) await store.put(key, { key });

        await expect(store.list('s')).resolves.toEqual(['s/B', 's/a', 's/b', 's/b-c', 's/b.x', 's/b/c', 's/b/c/d/e']);
        await expect(store.list('s/b')).resolves.toEqual(['s/b/c', 's/b/c/d/e']);
        await expect(store.list('s/b/c/d')).resolves.toEqual(['s/b/c/d/e']);
      });

      it('keeps sibling prefixes apart and excludes the document at the prefix itself', async () => {
        await store.put('pairs/p1', { pair: 'p1' });
        await store.put('pairs/p1/agenda', {});
        await store.put('pairs/p1/sessions/20261124T090000Z', {});
        await store.put('pairs/p10/agenda', {});
        await store.put('pairs/p1-old/agenda', {});
        await store.put('pairsx/p1/agenda', {});

        await expect(store.list('pairs/p1')).resolves.toEqual([
          'pairs/p1/agenda',
          'pairs/p1/sessions/20261124T090000Z',
        ]);
        await expect(store.list('pairs/p10')).resolves.toEqual(['pairs/p10/agenda']);
        await expect(store.list('pairs')).resolves.toEqual([
          'pairs/p1',
          'pairs/p1-old/agenda',
          'pairs/p1/agenda',
          'pairs/p1/sessions/20261124T090000Z',
          'pairs/p10/agenda',
        ]);
      });

      it('returns an empty list for a prefix with no documents', async () => {
        await store.put('pairs/p1/agenda', {});

        await expect(store.list('nothing')).resolves.toEqual([]);
        await expect(store.list('pairs/p2')).resolves.toEqual([]);
        await expect(store.list('pairs/p1/agenda')).resolves.toEqual([]);
      });

      it('no longer lists deleted documents', async () => {
        await store.put('pairs/p1/a', {});
        await store.put('pairs/p1/b', {});
        await store.put('pairs/p1/deep/c', {});

        await store.delete('pairs/p1/a');
        await store.delete('pairs/p1/deep/c');

        await expect(store.list('pairs/p1')).resolves.toEqual(['pairs/p1/b']);
      });
    });

    describe('keys', () => {
      const invalidKeys = ['../x', 'a//b', '/a', '', 'a/./b', 'a/../b', 'a/', '.', 'a\\b', 'a b', 'a/.hidden', 'a?b'];

      it.each(invalidKeys)('rejects the invalid key %j in every operation', async (key) => {
        await expect(store.get(key)).rejects.toThrow(TypeError);
        await expect(store.put(key, { x: 1 })).rejects.toThrow(TypeError);
        await expect(store.put(key, { x: 1 }, { ifNoneMatch: '*' })).rejects.toThrow(TypeError);
        await expect(store.delete(key)).rejects.toThrow(TypeError);
        await expect(store.list(key)).rejects.toThrow(TypeError);
      });

      it('accepts keys made of letters, digits, dots, underscores and dashes', async () => {
        const key = 'Pairs_2026/p-1.v2/sessions/20261124T090000Z/_meta';

        await store.put(key, { ok: true });

        expect((await store.get(key))?.body).toEqual({ ok: true });
        await expect(store.list('Pairs_2026')).resolves.toEqual([key]);
      });
    });

    describe('concurrency', () => {
      it(
        'keeps every update when 50 writers read, modify and conditionally put the same document',
        async () => {
          const key = 'pairs/p-1/agenda';
          await store.put<ItemList>(key, { items: [] }, { ifNoneMatch: '*' });

          const append = async (item: string): Promise<void> => {
            for (let attempt = 1; attempt <= 200; attempt++) {
              const read = await store.get<ItemList>(key);
              if (read === undefined) throw new Error(`${key} disappeared`);
              try {
                await store.put<ItemList>(key, { items: [...read.body.items, item] }, { ifMatch: read.etag });
                return;
              } catch (error) {
                if (!(error instanceof PreconditionFailedError)) throw error;
              }
            }
            throw new Error(`gave up appending ${item}`);
          };

          const items = Array.from({ length: 50 }, (_, i) => `item-${i}`);
          await Promise.all(items.map(append));

          const final = await store.get<ItemList>(key);
          expect(final?.body.items).toHaveLength(50);
          expect([...(final?.body.items ?? [])].sort()).toEqual([...items].sort());
        },
        CONCURRENCY_TIMEOUT_MS,
      );

      it(
        "lets exactly one of 10 concurrent ifNoneMatch '*' creates win",
        async () => {
          const key = 'locks/job-1';
          const results = await Promise.allSettled(
            Array.from({ length: 10 }, (_, i) => store.put(key, { owner: `w-${i}` }, { ifNoneMatch: '*' })),
          );

          const winners = results.flatMap((result, i) =>
            result.status === 'fulfilled' ? [{ i, etag: result.value }] : [],
          );
          const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(9);
          for (const reason of losers) expect(reason).toBeInstanceOf(PreconditionFailedError);
          expect(await store.get(key)).toEqual({ key, etag: winners[0]?.etag, body: { owner: `w-${winners[0]?.i}` } });
        },
        CONCURRENCY_TIMEOUT_MS,
      );
    });
  });
}
