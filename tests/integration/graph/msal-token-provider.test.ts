import { decodeJwt } from 'jose';
import * as selfsigned from 'selfsigned';
import { MsalTokenProvider } from '../../../adapters/graph/auth/msal-token-provider';
import { LocalIdentityProvider } from '../../support/identity-provider';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '66666666-7777-4888-8999-000000000000';
let idp: LocalIdentityProvider;
let pem: string;

beforeAll(async () => {
  const cert = await selfsigned.generate([{ name: 'commonName', value: 'tandem-app' }], { keySize: 2048 });
  pem = `${cert.private}\n${cert.cert}`;
  idp = await LocalIdentityProvider.start({
    tenantId: TENANT,
    clientId: CLIENT,
    clientSecret: 'right',
    clientCertificatePem: cert.cert,
  });
});

afterAll(async () => {
  await idp.close();
});

function withSecret(secret: string): MsalTokenProvider {
  return new MsalTokenProvider({
    tenantId: TENANT,
    clientId: CLIENT,
    credential: { kind: 'secret', secret },
    authorityHost: idp.url,
  });
}

describe('MsalTokenProvider against a local identity provider over https', () => {
  it('gets an app token with a certificate (a signed client assertion, no secret)', async () => {
    const tokens = new MsalTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT,
      credential: { kind: 'certificate', pem },
      authorityHost: idp.url,
    });

    const token = await tokens.appToken();

    expect(decodeJwt(token)).toMatchObject({ aud: 'https://graph.microsoft.com', appid: CLIENT });
  });

  it('exchanges a user token on behalf of that user, once, then serves it from the cache', async () => {
    const tokens = withSecret('right');
    const userToken = await idp.userToken('user-1');
    const before = idp.tokenRequests.length;

    const first = await tokens.onBehalfOf(userToken);
    const second = await tokens.onBehalfOf(userToken);

    expect(decodeJwt(first)).toMatchObject({ oid: 'user-1', aud: 'https://graph.microsoft.com' });
    expect(second).toBe(first);
    expect(idp.tokenRequests.length - before).toBe(1);
  });

  it('fails clearly with a wrong secret', async () => {
    const tokens = withSecret('wrong');

    await expect(tokens.appToken()).rejects.toThrow(/invalid_client|AADSTS7000215/);
  });
});
