import '@testing-library/jest-dom';
import { FakeEventSource } from './test-support/fake-event-source';

// jsdom has no fetch, and teams-js fetches its domain list at import time: fail such calls loudly instead.
globalThis.fetch = () => Promise.reject(new Error('no network in component tests'));

Object.assign(globalThis, { EventSource: FakeEventSource });

// user-event types key by key through React renders: on a busy shared machine one test takes well over Jest's
// default 5 s without anything being wrong.
jest.setTimeout(30_000);

// Fluent's MessageBar measures itself; jsdom does no layout.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(globalThis, { ResizeObserver: NoResizeObserver });

// Rendering Fluent and typing with user-event take seconds on a loaded machine: room, not speed.
jest.setTimeout(30_000);
