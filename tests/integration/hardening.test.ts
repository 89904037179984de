import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { encodeChatId } from '../../core/model/ids';
import { settleFileStoresUnder } from '../../adapters/embedded/file-document-store';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { LocalConnector } from '../support/local-connector';
import { TandemClient } from '../support/tandem-client';

jest.setTimeout(60_000);

const bot = { id: 'bot-tandem', name: 'Tandem' };

/** Issue 12's findings on the HTTP surface and the bot endpoint, each as the review's probe. */
describe('hardening of the HTTP surface (issue 12)', () => {
  const connector = new LocalConnector();
  let server: InProcessTandem;
  /** Signed in before the dev-token test spends this address's allowance. */
  let blake: TandemClient;

  beforeAll(async () => {
    await connector.start();
    server = await startInProcess('hardening', {
      env: {
        TANDEM_BOT_IDENTITIES: 'teams-avery=avery,teams-blake=blake',
        TANDEM_BOT_SERVICE_URLS: connector.serviceUrl,
        TANDEM_RATE_DEV_TOKENS_PER_MINUTE: '12',
      },
    });
    blake = await TandemClient.signIn(server.url, 'blake');
  });

  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  const postActivity = (activity: Record<string, unknown>, contentType = 'application/json') =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: JSON.stringify({ channelId: 'msteams', recipient: bot, id: `a-${Date.now()}`, ...activity }),
    });

  test('§1 a cross-origin text/plain "simple" POST to the bot is refused with 415 and changes nothing', async () => {
    const res = await postActivity(
      {
        type: 'message',
        text: 'add Injected',
        serviceUrl: connector.serviceUrl,
        from: { id: 'user-id-0' },
        conversation: { id: 'personal-x', conversationType: 'personal' },
      },
      'text/plain',
    );
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(connector.received).toEqual([]);
  });

  test('§1 embedded mode replies only to allowed connectors: any other serviceUrl is refused with 403', async () => {
    const elsewhere = new LocalConnector();
    await elsewhere.start();
    try {
      const res = await postActivity({
        type: 'message',
        text: 'actions',
        serviceUrl: elsewhere.serviceUrl,
        from: { id: 'teams-blake' },
        conversation: { id: 'personal-blake', conversationType: 'personal' },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('serviceUrl');
      expect(elsewhere.received).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
  });

  test('§1 a meeting chat reference is kept only from a member of that 1:1', async () => {
    const chatId = (await server.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
    const refFile = path.join(server.dataDir, 'ops', 'bot', 'refs', 'chats', `${encodeChatId(chatId)}.json`);
    const inChat = (from: { id: string }) =>
      postActivity({
        type: 'conversationUpdate',
        membersAdded: [bot],
        serviceUrl: connector.serviceUrl,
        from,
        conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
      });
    // The file store answers once a write is journaled; its file follows (settled: every answered write is in it).
    expect((await inChat({ id: 'stranger' })).status).toBe(200);
    await settleFileStoresUnder(server.dataDir);
    expect(fs.existsSync(refFile)).toBe(false);
    expect((await inChat({ id: 'teams-avery' })).status).toBe(200);
    await settleFileStoresUnder(server.dataDir);
    expect(fs.existsSync(refFile)).toBe(true);
  });

  test('§1 only a member of that 1:1 can remove the meeting chat reference (uninstall)', async () => {
    const chatId = (await server.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
    const refFile = path.join(server.dataDir, 'ops', 'bot', 'refs', 'chats', `${encodeChatId(chatId)}.json`);
    const removedBy = (from: { id: string }) =>
      postActivity({
        type: 'installationUpdate',
        action: 'remove',
        serviceUrl: connector.serviceUrl,
        from,
        conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
      });
    const added = await postActivity({
      type: 'installationUpdate',
      action: 'add',
      serviceUrl: connector.serviceUrl,
      from: { id: 'teams-avery' },
      conversation: { id: chatId, conversationType: 'groupChat', isGroup: true },
    });
    expect(added.status).toBe(200);
    await settleFileStoresUnder(server.dataDir);
    expect(fs.existsSync(refFile)).toBe(true);
    expect((await removedBy({ id: 'stranger' })).status).toBe(200);
    await settleFileStoresUnder(server.dataDir);
    expect(fs.existsSync(refFile)).toBe(true);
    expect((await removedBy({ id: 'teams-blake' })).status).toBe(200);
    await settleFileStoresUnder(server.dataDir);
    expect(fs.existsSync(refFile)).toBe(false);
  });

  test('§1 a meeting chat id cannot be derived from the pair id', async () => {
    const other = await startInProcess('hardening-chat-id');
    try {
      const a = (await server.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
      const b = (await other.tandem.useCases.pairs.summary('avery', 'avery-blake'))!.chatId!;
      expect(a).toMatch(/^19:meeting_[A-Za-z0-9_-]{32}@thread\.v2$/);
      expect(b).not.toBe(a);
    } finally {
      await other.close();
    }
  });

  test('§1 a connector that never answers does not hold the request for long', async () => {
    // Accepts connections and never answers: what an unreachable internal address looks like.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/`;
    const slow = await startInProcess('hardening-slow', {
      env: { TANDEM_BOT_IDENTITIES: 'teams-blake=blake', TANDEM_BOT_SERVICE_URLS: silentUrl },
    });
    try {
      const started = Date.now();
      const res = await fetch(`${slow.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channelId: 'msteams',
          type: 'message',
          text: 'help',
          id: 'slow-1',
          recipient: bot,
          serviceUrl: silentUrl,
          from: { id: 'teams-blake' },
          conversation: { id: 'personal-blake', conversationType: 'personal' },
        }),
      });
      await res.text();
      // One bounded attempt (5 s), never botbuilder's retries (about 11 s before).
      expect(Date.now() - started).toBeLessThan(9_000);
    } finally {
      await slow.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  test('§5 each surface has its CSP with frame-ancestors; nosniff and Referrer-Policy everywhere', async () => {
    const head = async (p: string) => (await fetch(`${server.url}${p}`, { redirect: 'manual' })).headers;
    for (const p of ['/tab/', '/outlook-addin/taskpane.html']) {
      const csp = (await head(p)).get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.cloud\.microsoft https:\/\/teams\.microsoft\.com/);
      expect(csp).toContain("object-src 'none'");
    }
    expect((await head('/sandbox/')).get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect((await head('/healthz')).get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const p of ['/healthz', '/api/openapi.json', '/tab/', '/sandbox/', '/no-such-route', '/api/me']) {
      const h = await head(p);
      expect({ p, nosniff: h.get('x-content-type-options'), referrer: h.get('referrer-policy') }).toEqual({
        p,
        nosniff: 'nosniff',
        referrer: 'no-referrer',
      });
    }
    expect((await head('/healthz')).get('strict-transport-security')).toBeNull();
  });

  test('§5 dev tokens are limited per address: 429 with Retry-After as problem+json', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 20 && !limited; i++) {
      const res = await fetch(`${server.url}/api/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'casey' }),
      });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.text();
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await limited!.json()) as { status: number }).status).toBe(429);
  });

  test('§5 one person may hold a bounded number of live streams', async () => {
    const controllers: AbortController[] = [];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const controller = new AbortController();
        controllers.push(controller);
        const res = await fetch(`${server.url}/api/pairs/avery-blake/events`, {
          headers: { authorization: `Bearer ${blake.token}` },
          signal: controller.signal,
        });
        statuses.push(res.status);
        if (res.status !== 200) expect(res.headers.get('retry-after')).not.toBeNull();
      }
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    } finally {
      for (const c of controllers) c.abort();
    }
  });

  test('§5 a 1 MB body on a keep-alive connection gets a readable 413, and the connection still serves', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: Buffer) =>
      new Promise<{ status: number; text: string; socket: unknown }>((resolve, reject) => {
        const req = http.request(
          `${server.url}/api/pairs/avery-blake/goals`,
          {
            method: 'POST',
            agent,
            headers: {
              authorization: `Bearer ${blake.token}`,
              'content-type': 'application/json',
              'content-length': body.length,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), socket: req.socket }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const first = await send(Buffer.from(JSON.stringify({ kind: 'goal', title: 'x'.repeat(1024 * 1024) })));
      expect(first.status).toBe(413);
      expect(JSON.parse(first.text)).toMatchObject({ status: 413, errors: [{ field: 'body' }] });
      const second = await send(Buffer.from(JSON.stringify({ kind: 'goal' })));
      expect(second.status).toBe(400);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});

describe('embedded mode binds to loopback only', () => {
  test('a non-loopback HOST is refused at start unless TANDEM_ALLOW_REMOTE=true', async () => {
    await expect(startInProcess('hardening-remote', { env: { HOST: '0.0.0.0' } })).rejects.toThrow(
      /HOST: embedded mode listens on this machine only/,
    );
  });
});
