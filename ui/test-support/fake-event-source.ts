/** jsdom has no EventSource either: a stand-in the tests drive by hand (`FakeEventSource.last.emit(…)`). */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static get last(): FakeEventSource | undefined {
    return FakeEventSource.instances.at(-1);
  }
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    this.listeners.get(type)?.forEach((l) => l(event));
  }
  close(): void {
    this.closed = true;
  }
}
