import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CalendarSubscriptions } from '../../../adapters/graph/calendar/calendar-subscriptions';
import { TokenGraphPrincipals } from '../../../adapters/graph/client/graph-principals';
import { unsignedToken } from '../../graph-emulator/emulator-tokens';
import { GraphEmulator } from '../../graph-emulator/graph-emulator';
import { MemoryDocumentStore } from '../../../adapters/memory/memory-document-store';

const DAY = 86_400_000;
let emulator: GraphEmulator;
let receiver: http.Server;
let url: string;

beforeAll(async () => {
  emulator = await GraphEmulator.start();
  // Answers Graph's validation handshake as Tandem's route does.
  receiver = http.createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    res.writeHead(token === null ? 202 : 200, { 'content-type': 'text/plain' });
    res.end(token ?? '');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/graph/notifications`;
});

afterAll(async () => {
  await emulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

afterEach(() => expect(emulator.violations).toEqual([]));

function subscriptionsAt(now: { value: Date }) {
  const principals = new TokenGraphPrincipals({
    baseUrl: emulator.url,
    tokens: { appToken: async () => unsignedToken({ roles: ['Calendars.ReadBasic.All'] }), onBehalfOf: async () => '' },
    currentCaller: () => undefined,
  });
  return new CalendarSubscriptions(principals, new MemoryDocumentStore(), url, () => now.value);
}

describe('CalendarSubscriptions against the Graph emulator', () => {
  it('subscribes once per organizer within the events lifetime, and renews before expiry', async () => {
    const now = { value: new Date() };
    const subscriptions = subscriptionsAt(now);

    await subscriptions.ensure('org-1');
    await subscriptions.ensure('org-1');
    expect([...emulator.subscriptions.values()].filter((s) => s.resource === '/users/org-1/events')).toHaveLength(1);
    const [sub] = [...emulator.subscriptions.values()];
    const firstExpiry = Date.parse(sub!.expirationDateTime);
    expect(firstExpiry - now.value.getTime()).toBeLessThanOrEqual(10_080 * 60_000);

    expect(await subscriptions.renewDue()).toBe(0);
    const mark = emulator.requests.length;
    // Six days on, a renewal run extends it in place (Graph's lifetime is counted from the renewal).
    now.value = new Date(now.value.getTime() + 6 * DAY);
    jest.useFakeTimers({ now: now.value, doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      expect(await subscriptions.renewDue()).toBe(1);
    } finally {
      jest.useRealTimers();
    }
    expect(emulator.since(mark).map((r) => r.method)).toEqual(['PATCH']);
    expect(Date.parse(sub!.expirationDateTime)).toBeGreaterThan(firstExpiry);
  });

  it('accepts only notifications carrying the subscription and its clientState', async () => {
    const subscriptions = subscriptionsAt({ value: new Date() });
    await subscriptions.ensure('org-2');
    const sub = [...emulator.subscriptions.values()].find((s) => s.resource === '/users/org-2/events')!;

    await expect(subscriptions.verify({ subscriptionId: sub.id, clientState: sub.clientState! })).resolves.toBe(
      'org-2',
    );
    await expect(subscriptions.verify({ subscriptionId: sub.id, clientState: 'nope' })).resolves.toBeUndefined();
    await expect(
      subscriptions.verify({ subscriptionId: 'other', clientState: sub.clientState! }),
    ).resolves.toBeUndefined();
  });
});
