import { createLocalJWKSet, jwtVerify } from 'jose';
import pino from 'pino';
import { LocalConnector } from '../../support/local-connector';
import { BOT_ID, CLIENT_ID, M365_PEOPLE, TENANT_ID, startM365, type M365Tandem } from '../../support/m365';

jest.setTimeout(60_000);

const BLAKE = M365_PEOPLE.blake.id;
const CONVERSATION = 'a:personal-blake';

/** Issue 12 in Microsoft 365 mode: the bot trusts the Bot Framework's token, the API Entra's keys. */
describe("the bot in Microsoft 365 mode trusts the Bot Framework's token, not the activity", () => {
  const connector = new LocalConnector();
  let m365: M365Tandem;
  let n = 0;

  beforeAll(async () => {
    // botbuilder prints every refused token with console.error; the answers below are what matters.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await connector.start();
    m365 = await startM365();
  });

  afterAll(async () => {
    await m365?.close();
    await connector.stop();
    jest.restoreAllMocks();
  });

  const activity = (overrides: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `m-${++n}`,
    text: 'help',
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:blake', aadObjectId: BLAKE },
    recipient: { id: `28:${BOT_ID}`, name: 'Tandem' },
    conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...overrides,
  });

  const post = (body: unknown, token?: string) =>
    fetch(`${m365.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  test('§1 an activity whose token vouches for its serviceUrl is answered there, with a token from Entra', async () => {
    const token = await m365.idp.channelToken({ audience: BOT_ID, serviceUrl: connector.serviceUrl });
    const res = await post(activity(), token);
    expect(res.status).toBe(200);
    await connector.waitFor((all) => all.some((r) => r.conversationId === CONVERSATION), 20_000);
    const reply = connector.received.find((r) => r.conversationId === CONVERSATION)!;
    expect(reply.authorization).toMatch(/^Bearer /);
    // The bot's own token, issued by the (local) Entra to the bot's registration for the Bot Framework.
    const { payload } = await jwtVerify(
      reply.authorization!.slice('Bearer '.length),
      createLocalJWKSet(m365.idp.jwks()),
      {
        issuer: m365.idp.v2Issuer,
        audience: 'https://api.botframework.com',
      },
    );
    expect(payload.appid).toBe(BOT_ID);
  });

  test.each<[string, () => Promise<{ token?: string; activity?: Record<string, unknown> }>]>([
    [
      'a serviceurl claim naming another connector than the activity',
      async () => ({
        token: await m365.idp.channelToken({ audience: BOT_ID, serviceUrl: 'https://smba.trafficmanager.net/amer/' }),
      }),
    ],
    ['no token', async () => ({})],
    [
      'a token for another app',
      async () => ({ token: await m365.idp.channelToken({ audience: CLIENT_ID, serviceUrl: connector.serviceUrl }) }),
    ],
    [
      'a token from another issuer',
      async () => ({
        token: await m365.idp.channelToken({
          audience: BOT_ID,
          serviceUrl: connector.serviceUrl,
          issuer: 'https://api.botframework.com',
        }),
      }),
    ],
    [
      "a token signed by a key the channel's metadata does not list",
      async () => ({
        token: await m365.idp.channelToken({ audience: BOT_ID, serviceUrl: connector.serviceUrl, signedBy: 'entra' }),
      }),
    ],
    [
      'a channel the signing key is not endorsed for',
      async () => ({
        token: await m365.idp.channelToken({ audience: BOT_ID, serviceUrl: connector.serviceUrl }),
        activity: { channelId: 'directline' },
      }),
    ],
  ])('§1 %s: 401 and nothing is sent', async (_what, make) => {
    const before = connector.received.length;
    const { token, activity: overrides } = await make();
    const res = await post(activity(overrides), token);
    await res.text();
    expect(res.status).toBe(401);
    expect(connector.received.length).toBe(before);
  });
});

describe("Microsoft 365 mode with Entra's keys out of reach", () => {
  const logs: Array<Record<string, unknown>> = [];
  let m365: M365Tandem;

  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    m365 = await startM365({ logger });
  });

  afterAll(async () => {
    await m365?.close();
  });

  test('§6 a request with a token gets 503 sign-in-unavailable with Retry-After, logged as a warning without a stack', async () => {
    const token = await m365.idp.userToken(BLAKE);
    // The keys were never fetched: with the identity provider gone, they cannot be.
    await m365.idp.close();
    logs.length = 0;
    const res = await fetch(`${m365.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ status: 503, type: expect.stringMatching(/\/sign-in-unavailable$/) });
    expect(logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(JSON.stringify(logs)).not.toMatch(/"stack"|\\n\s+at /);
    expect(logs.some((l) => l.level === 40 && /unavailable/.test(String(l.msg)))).toBe(true);
    // Without a token nothing needs the keys: still a plain 401.
    expect((await fetch(`${m365.url}/api/me`)).status).toBe(401);
  });
});
