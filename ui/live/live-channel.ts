import type { PairChange } from '../api/types';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
}

export interface LiveChannelOptions {
  readonly url: () => Promise<string>;
  readonly onChange: (change: PairChange) => void;
  readonly onState: (state: LiveState) => void;
  /** Called after every (re)connection and on each fallback tick: re-read, the ETag makes it cheap. */
  readonly refresh: () => void;
  readonly createEventSource?: (url: string) => EventSourceLike;
  readonly fallbackMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * One pair's server-sent events with our own reconnect: on an error the stream is closed and reopened
 * after a growing, jittered delay with a fresh token (EventSource's own retry would reuse an expired one).
 * While it is down, a periodic refresh keeps the screen current; after reconnecting, one refresh catches up
 * on what happened in between.
 */
export class LiveChannel {
  private source: EventSourceLike | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private fallbackTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(private readonly options: LiveChannelOptions) {}

  open(): void {
    this.options.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    void this.options.url().then(
      (url) => {
        if (this.closed) return;
        const source = (this.options.createEventSource ?? ((u) => new EventSource(u)))(url);
        this.source = source;
        source.addEventListener('ready', () => {
          const reconnected = this.attempt > 0;
          this.attempt = 0;
          this.stopFallback();
          this.options.onState('live');
          if (reconnected) this.options.refresh();
        });
        source.addEventListener('change', (event) => {
          try {
            this.options.onChange(JSON.parse(event.data) as PairChange);
          } catch {
            this.options.refresh();
          }
        });
        source.onerror = () => this.retry();
      },
      () => this.retry(),
    );
  }

  close(): void {
    this.closed = true;
    this.source?.close();
    clearTimeout(this.retryTimer);
    this.stopFallback();
  }

  private retry(): void {
    if (this.closed) return;
    this.source?.close();
    this.source = undefined;
    this.attempt += 1;
    this.options.onState('reconnecting');
    this.startFallback();
    const max = this.options.maxBackoffMs ?? 30_000;
    const delay = Math.min(max, 1000 * 2 ** (this.attempt - 1)) * (0.75 + Math.random() * 0.5);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private startFallback(): void {
    if (this.fallbackTimer) return;
    this.fallbackTimer = setInterval(() => this.options.refresh(), this.options.fallbackMs ?? 10_000);
  }

  private stopFallback(): void {
    clearInterval(this.fallbackTimer);
    this.fallbackTimer = undefined;
  }
}
