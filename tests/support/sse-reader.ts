/**
 * Reads a text/event-stream over fetch (so it can send a bearer header, which EventSource cannot) and
 * collects its frames. Comments (heartbeats) and frames without data (`retry:`) are not events, as in the
 * EventSource specification.
 */

export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id?: string;
}

interface Waiter {
  readonly predicate: (event: SseEvent) => boolean;
  readonly from: number;
  resolve(event: SseEvent): void;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private readonly waiters = new Set<Waiter>();
  private ended = false;
  private readonly done: Promise<void>;

  private constructor(
    readonly status: number,
    readonly contentType: string,
    private readonly body: ReadableStream<Uint8Array> | null,
    private readonly controller: AbortController,
  ) {
    this.done = this.pump();
  }

  /** Opens the stream; resolves once the response headers are in (check `status` before waiting on events). */
  static async open(url: string, token: string | undefined, timeoutMs = 10_000): Promise<SseReader> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no response headers from ${url}`)), timeoutMs);
    try {
      const response = await fetch(url, {
        headers: { accept: 'text/event-stream', ...(token && { authorization: `Bearer ${token}` }) },
        signal: controller.signal,
      });
      return new SseReader(response.status, response.headers.get('content-type') ?? '', response.body, controller);
    } finally {
      clearTimeout(timer);
    }
  }

  /** True once the server ended the stream (or it was closed). */
  get isEnded(): boolean {
    return this.ended;
  }

  eventsNamed(name: string): SseEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  /**
   * The first event (counting from index `from` of `events`) that matches, waiting up to `timeoutMs`.
   */
  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs = 5_000, from = 0): Promise<SseEvent> {
    const found = this.events.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise<SseEvent>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        from,
        resolve: (event) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.events.map((e) => `${e.event} ${e.data}`).join('\n  ');
        reject(new Error(`no matching event within ${timeoutMs} ms; events so far:\n  ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Resolves when the server ends the stream, or rejects after `timeoutMs`. */
  async waitForEnd(timeoutMs = 5_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the stream did not end within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async pump(): Promise<void> {
    if (!this.body) {
      this.ended = true;
      return;
    }
    const decoder = new TextDecoder();
    const reader = this.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // Aborted by close(), or the connection dropped (a killed server): the stream has ended either way.
    } finally {
      this.ended = true;
    }
  }

  private feed(text: string): void {
    this.buffer += text.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.dispatch(frame);
    }
  }

  private dispatch(frame: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0) return;
    const parsed: SseEvent = { event, data: data.join('\n'), ...(id !== undefined && { id }) };
    const index = this.events.push(parsed) - 1;
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.from && waiter.predicate(parsed)) waiter.resolve(parsed);
    }
  }
}

/** The `data:` of a `change` event, as the server sends it. */
export interface ChangeData {
  readonly pairId: string;
  readonly sessionId?: string;
  readonly kind: string;
  readonly by: string;
  readonly at: string;
  readonly onlyFor?: string;
}

export function changeOf(event: SseEvent): ChangeData {
  return JSON.parse(event.data) as ChangeData;
}
