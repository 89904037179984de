import type { PairChange } from '../api/types';
import { LiveChannel, type EventSourceLike, type LiveState } from './live-channel';

class Source implements EventSourceLike {
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  emit(type: string, data: unknown): void {
    this.listeners.get(type)?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  close(): void {
    this.closed = true;
  }
}

describe('LiveChannel', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function open() {
    const sources: Source[] = [];
    const states: LiveState[] = [];
    const changes: PairChange[] = [];
    let refreshes = 0;
    let token = 0;
    const channel = new LiveChannel({
      url: async () => `/events?access_token=t${++token}`,
      onChange: (c) => changes.push(c),
      onState: (s) => states.push(s),
      refresh: () => (refreshes += 1),
      createEventSource: (url) => {
        const source = new Source(url);
        sources.push(source);
        return source;
      },
      fallbackMs: 5_000,
    });
    channel.open();
    return { channel, sources, states, changes, refreshes: () => refreshes };
  }

  it('delivers changes once the stream is ready', async () => {
    const { sources, states, changes } = open();
    await jest.advanceTimersByTimeAsync(0);
    sources[0]!.emit('ready', {});
    sources[0]!.emit('change', { pairId: 'p', kind: 'topics', by: 'avery', at: '' });
    expect(states).toEqual(['connecting', 'live']);
    expect(changes).toHaveLength(1);
  });

  it('reconnects with a fresh token after growing delays, refreshing meanwhile and once it is back', async () => {
    const { sources, states, refreshes } = open();
    await jest.advanceTimersByTimeAsync(0);
    sources[0]!.emit('ready', {});
    sources[0]!.onerror?.(new Event('error'));
    expect(sources[0]!.closed).toBe(true);
    expect(states.at(-1)).toBe('reconnecting');
    await jest.advanceTimersByTimeAsync(1_300); // first retry: 1 s ± 25 %
    expect(sources).toHaveLength(2);
    expect(sources[1]!.url).toBe('/events?access_token=t2');
    sources[1]!.onerror?.(new Event('error'));
    await jest.advanceTimersByTimeAsync(1_400);
    expect(sources).toHaveLength(2); // second retry waits 2 s ± 25 %
    await jest.advanceTimersByTimeAsync(3_700);
    expect(sources).toHaveLength(3);
    expect(refreshes()).toBe(1); // the fallback refresh ran while it was down
    sources[2]!.emit('ready', {});
    expect(states.at(-1)).toBe('live');
    expect(refreshes()).toBe(2); // catch up on what happened in between
  });

  it('stops everything on close', async () => {
    const { channel, sources } = open();
    await jest.advanceTimersByTimeAsync(0);
    sources[0]!.onerror?.(new Event('error'));
    channel.close();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sources).toHaveLength(1);
  });
});
