import { CLIENT_ID, M365_PEOPLE, startM365, type M365Tandem } from '../../support/m365';
import { jsonOf, problemOf } from '../../support/tandem-client';

let m365: M365Tandem;

beforeAll(async () => {
  m365 = await startM365();
});

afterAll(async () => {
  await m365.close();
});

afterEach(() => {
  expect(m365.graph.violations).toEqual([]);
});

async function me(token: string | null) {
  const client = await m365.client('blake');
  return client.request('GET', '/api/me', { token });
}

describe('sign-in in Microsoft 365 mode', () => {
  it.each([1, 2] as const)(
    'accepts a v%s Entra access token for the API and reads the user from Graph',
    async (version) => {
      const response = await me(await m365.idp.userToken(M365_PEOPLE.blake.id, { version }));

      expect(response.status).toBe(200);
      expect(jsonOf<{ user: { id: string; displayName: string } }>(response).user).toMatchObject({
        id: M365_PEOPLE.blake.id,
        displayName: 'Blake Report',
      });
    },
  );

  it.each([
    ['no token', async () => null, /missing bearer token/],
    [
      'another audience',
      async () => m365.idp.userToken(M365_PEOPLE.blake.id, { aud: 'api://someone-else' }),
      /invalid token/,
    ],
    [
      'another tenant',
      async () => m365.idp.userToken(M365_PEOPLE.blake.id, { tid: '00000000-0000-4000-8000-000000000000' }),
      /invalid token|tenant not allowed/,
    ],
    [
      'no access_as_user scope',
      async () => m365.idp.userToken(M365_PEOPLE.blake.id, { scp: 'User.Read' }),
      /access_as_user/,
    ],
    ['an expired token', async () => m365.idp.userToken(M365_PEOPLE.blake.id, { expiresIn: -600 }), /expired/],
    ['a dev-style token', async () => 'not.a.jwt', /invalid token/],
  ])('refuses %s with 401', async (_name, token, reason) => {
    const response = await me(await token());

    expect(response.status).toBe(401);
    expect(problemOf(response).detail).toMatch(reason);
  });

  it('tells the tab and the add-in how to sign in, without a token and without anything secret', async () => {
    const client = await m365.client('blake');
    const response = await client.request('GET', '/api/client-config', { token: null });
    expect(response.status).toBe(200);
    const port = new URL(client.baseUrl).port;
    expect(jsonOf(response)).toEqual({
      mode: 'm365',
      clientId: CLIENT_ID,
      apiScope: `api://127.0.0.1:${port}/${CLIENT_ID}/access_as_user`,
    });
  });

  it.each(['/privacy', '/terms'])(
    'serves %s, which the app manifest points at, in Microsoft 365 mode too',
    async (page) => {
      const client = await m365.client('blake');
      const response = await client.request('GET', page, { token: null });
      expect(response.status).toBe(200);
      expect(response.contentType).toMatch(/^text\/html/);
    },
  );

  it('has no dev tokens', async () => {
    const client = await m365.client('blake');
    const response = await client.request('POST', '/api/dev/token', { body: { user: 'blake' }, token: null });
    expect(response.status).toBe(404);
  });

  it('gets Graph tokens on behalf of the caller through MSAL, and reuses them from its cache', async () => {
    const before = m365.idp.tokenRequests.filter((g) => g.includes('jwt-bearer')).length;
    const client = await m365.client('casey');

    for (let i = 0; i < 3; i++) expect((await client.request('GET', '/api/me')).status).toBe(200);

    expect(m365.idp.tokenRequests.filter((g) => g.includes('jwt-bearer')).length - before).toBe(1);
    const graphCalls = m365.graph.requests.filter((r) => r.principal === M365_PEOPLE.casey.id);
    expect(graphCalls.length).toBeGreaterThanOrEqual(3);
  });
});
