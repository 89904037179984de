import { FixedClock } from '../../core/clock';
import { MemoryDocumentStore } from '../../adapters/memory/memory-document-store';
import { Lease } from './lease';

describe('Lease', () => {
  const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
  const store = new MemoryDocumentStore();
  const one = new Lease(store, 'jobs/lease', 'one', 30_000, clock);
  const two = new Lease(store, 'jobs/lease', 'two', 30_000, clock);

  it('is held by one instance at a time, renewed by its holder, and taken over once expired', async () => {
    expect(await one.hold()).toBe(true);
    expect(await two.hold()).toBe(false);
    clock.advance(20_000);
    expect(await one.hold()).toBe(true); // renewed past half-time
    clock.advance(20_000);
    expect(await two.hold()).toBe(false);
    clock.advance(31_000); // one died without renewing
    expect(await two.hold()).toBe(true);
    expect(await one.hold()).toBe(false);
  });

  it('is free for another instance at once after a release', async () => {
    await two.release();
    expect(await one.hold()).toBe(true);
    expect((await store.get<{ holder: string }>('jobs/lease'))?.body.holder).toBe('one');
  });
});
