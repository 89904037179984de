import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('defaults to embedded mode on loopback port 3978 with a .data folder', () => {
    const config = parseConfig({}, root);
    expect(config).toMatchObject({ mode: 'embedded', port: 3978, host: '127.0.0.1', seedDemo: true });
    expect(config.dataDir).toBe(path.join(root, '.data'));
  });

  it('honours PORT and TANDEM_DATA_DIR', () => {
    const config = parseConfig({ PORT: '4100', TANDEM_DATA_DIR: '/tmp/elsewhere' }, root);
    expect(config.port).toBe(4100);
    expect(config.dataDir).toBe('/tmp/elsewhere');
  });

  it('names the variable at fault', () => {
    expect(() => parseConfig({ PORT: 'eighty' }, root)).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' }, root)).toThrow(/PORT/);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' }, root)).toThrow(/LOG_LEVEL/);
  });

  it('reads env/.env.<name> and its .user file, the environment winning', () => {
    fs.mkdirSync(path.join(root, 'env'));
    fs.writeFileSync(path.join(root, 'env', '.env.dev'), 'PORT=4200\nLOG_LEVEL=warn\n');
    fs.writeFileSync(path.join(root, 'env', '.env.dev.user'), 'LOG_LEVEL=error\n');
    expect(parseConfig({ TANDEM_ENV: 'dev' }, root)).toMatchObject({ port: 4200, logLevel: 'error' });
    expect(parseConfig({ TANDEM_ENV: 'dev', PORT: '4300' }, root).port).toBe(4300);
  });

  it('refuses an environment name that could reach outside env/', () => {
    expect(() => parseConfig({ TANDEM_ENV: '../secrets' }, root)).toThrow(/TANDEM_ENV/);
  });

  it("gives the bot embedded defaults: no app, 15 minutes of grace, the Playground's user as Blake, the file store", () => {
    const { bot } = parseConfig({}, root);
    expect(bot).toEqual({
      recapGraceMs: 15 * 60_000,
      identities: { 'user-id-0': 'blake' },
      jobPollMs: 1000,
      serviceUrls: ['http://localhost:56150/_connector', 'http://127.0.0.1:56150/_connector'],
    });
  });

  it('refuses a non-loopback HOST in embedded mode unless told so, and then says it is remote', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' }, root)).toThrow(/HOST: embedded mode listens on this machine only/);
    expect(() => parseConfig({ HOST: '192.168.1.20' }, root)).toThrow(/TANDEM_ALLOW_REMOTE/);
    expect(parseConfig({ HOST: '0.0.0.0', TANDEM_ALLOW_REMOTE: 'true' }, root).allowRemote).toBe(true);
    expect(parseConfig({ HOST: '::1' }, root).allowRemote).toBe(false);
    expect(parseConfig({ HOST: 'localhost', TANDEM_ALLOW_REMOTE: 'true' }, root).allowRemote).toBe(false);
  });

  it('takes the bot connector allow-list as http(s) URLs only', () => {
    const { bot } = parseConfig({ TANDEM_BOT_SERVICE_URLS: 'http://127.0.0.1:4000/' }, root);
    expect(bot.serviceUrls).toEqual(['http://127.0.0.1:4000/']);
    expect(() => parseConfig({ TANDEM_BOT_SERVICE_URLS: 'file:///etc' }, root)).toThrow(/TANDEM_BOT_SERVICE_URLS/);
  });

  it('parses the bot identity mapping and refuses a malformed entry by name', () => {
    const { bot } = parseConfig({ TANDEM_BOT_IDENTITIES: 'user-id-0=blake, user-id-1=avery' }, root);
    expect(bot.identities).toEqual({ 'user-id-0': 'blake', 'user-id-1': 'avery' });
    expect(() => parseConfig({ TANDEM_BOT_IDENTITIES: 'user-id-0' }, root)).toThrow(/TANDEM_BOT_IDENTITIES/);
  });

  it('wants the app password with an app id, and a valid container name with the blob store', () => {
    expect(() => parseConfig({ MICROSOFT_APP_ID: 'app' }, root)).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => parseConfig({ TANDEM_BLOB_CONTAINER: 'Bad_Name' }, root)).toThrow(/TANDEM_BLOB_CONTAINER/);
    const { bot } = parseConfig({ TANDEM_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, root);
    expect(bot.blob).toEqual({ connectionString: 'UseDevelopmentStorage=true', container: 'tandem-ops' });
  });

  it('reaches Blob by the endpoint the infrastructure sets, and refuses an endpoint with a connection string', () => {
    const endpoint = 'https://sttandemdev.blob.core.windows.net';
    expect(parseConfig({ AZURE_STORAGE_BLOB_ENDPOINT: endpoint }, root).bot.blob).toEqual({
      endpoint,
      container: 'tandem-ops',
    });
    expect(() =>
      parseConfig(
        { AZURE_STORAGE_BLOB_ENDPOINT: endpoint, TANDEM_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
        root,
      ),
    ).toThrow(/not both/);
  });

  it('sends telemetry only with an Application Insights connection string', () => {
    expect(parseConfig({}, root).telemetry).toBeUndefined();
    expect(parseConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=k' }, root).telemetry).toEqual({
      connectionString: 'InstrumentationKey=k',
    });
  });
});

describe('parseConfig in Microsoft 365 mode', () => {
  const tenant = '11111111-2222-3333-4444-555555555555';
  const base = {
    TANDEM_MODE: 'm365',
    TANDEM_TENANT_ID: tenant,
    TANDEM_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
    TANDEM_CLIENT_SECRET: 's3cret',
    TANDEM_SITE_DRIVE_ID: 'b!drive',
    TANDEM_BOT_ID: '66666666-7777-8888-9999-000000000001',
  };

  it('reads the app registration with Entra and Graph as defaults', () => {
    expect(parseConfig(base, os.tmpdir()).m365).toEqual({
      tenantId: tenant,
      clientId: base.TANDEM_CLIENT_ID,
      credential: { kind: 'secret', secret: 's3cret' },
      authorityHost: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      siteDriveId: 'b!drive',
      botId: base.TANDEM_BOT_ID,
      mirrorToDo: false,
      allowedTenants: [tenant],
      apiScope: `api://${base.TANDEM_CLIENT_ID}/access_as_user`,
    });
  });

  it("names the API scope on the public host (as the app registration's App ID URI has it) and the Teams app", () => {
    const m365 = parseConfig(
      { ...base, TANDEM_PUBLIC_URL: 'https://tandem.contoso.com', TANDEM_TEAMS_APP_ID: 'teams-app' },
      os.tmpdir(),
    ).m365;
    expect(m365).toMatchObject({
      apiScope: `api://tandem.contoso.com/${base.TANDEM_CLIENT_ID}/access_as_user`,
      teamsAppId: 'teams-app',
    });
  });

  it('signs the bot in as the app registration, never leaving it unauthenticated with a tenant', () => {
    expect(parseConfig(base, os.tmpdir()).bot.app).toEqual({
      id: base.TANDEM_BOT_ID,
      password: 's3cret',
      tenantId: tenant,
      authorityHost: 'https://login.microsoftonline.com',
      channel: {
        openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
        issuer: 'https://api.botframework.com',
      },
    });
    expect(parseConfig({}, os.tmpdir()).bot.app).toBeUndefined();
  });

  it("checks the Bot Framework's tokens and signs the bot in where configured (a sovereign cloud, tests)", () => {
    const app = parseConfig(
      {
        ...base,
        TANDEM_AUTHORITY_HOST: 'https://login.example.test',
        TANDEM_BOT_OPENID_METADATA_URL: 'https://channel.example.test/v1/.well-known/openidconfiguration',
        TANDEM_BOT_TOKEN_ISSUER: 'https://channel.example.test',
      },
      os.tmpdir(),
    ).bot.app;
    expect(app).toMatchObject({
      authorityHost: 'https://login.example.test',
      channel: {
        openIdMetadataUrl: 'https://channel.example.test/v1/.well-known/openidconfiguration',
        issuer: 'https://channel.example.test',
      },
    });
    expect(() => parseConfig({ ...base, TANDEM_BOT_OPENID_METADATA_URL: 'http://channel.example.test/' })).toThrow(
      /TANDEM_BOT_OPENID_METADATA_URL: must be an https URL/,
    );
  });

  it('has no Microsoft 365 settings in embedded mode', () => {
    expect(parseConfig({}, os.tmpdir()).m365).toBeUndefined();
  });

  it.each([
    ['TANDEM_TENANT_ID', { TANDEM_TENANT_ID: 'contoso' }, /TANDEM_TENANT_ID: must be a GUID/],
    ['TANDEM_SITE_DRIVE_ID', { TANDEM_SITE_DRIVE_ID: undefined }, /TANDEM_SITE_DRIVE_ID/],
    [
      'TANDEM_GRAPH_BASE_URL',
      { TANDEM_GRAPH_BASE_URL: 'http://localhost:1' },
      /TANDEM_GRAPH_BASE_URL: must be an https URL/,
    ],
    [
      'a credential',
      { TANDEM_CLIENT_SECRET: undefined },
      /exactly one of TANDEM_CLIENT_SECRET and TANDEM_CLIENT_CERT_PATH/,
    ],
    ['TANDEM_ALLOWED_TENANTS', { TANDEM_ALLOWED_TENANTS: 'x' }, /TANDEM_ALLOWED_TENANTS: x is not a GUID/],
  ])('names %s when it is wrong', (_name, change, message) => {
    expect(() => parseConfig({ ...base, ...change }, os.tmpdir())).toThrow(message);
  });

  it('reads a certificate file instead of a secret', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cert-'));
    fs.writeFileSync(path.join(dir, 'app.pem'), 'PEM');
    const withCert = { ...base, TANDEM_CLIENT_SECRET: undefined, TANDEM_CLIENT_CERT_PATH: 'app.pem' };
    const config = parseConfig({ ...withCert, MICROSOFT_APP_ID: 'bot-app', MICROSOFT_APP_PASSWORD: 'bot-secret' }, dir);
    expect(config.m365?.credential).toEqual({ kind: 'certificate', pem: 'PEM' });
    expect(config.bot.app).toMatchObject({ id: 'bot-app', password: 'bot-secret' });
    expect(config.bot.app?.tenantId).toBeUndefined();
    // The bot cannot sign in with the certificate: without its own password the service refuses to start.
    expect(() => parseConfig(withCert, dir)).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() =>
      parseConfig({ ...base, TANDEM_CLIENT_SECRET: undefined, TANDEM_CLIENT_CERT_PATH: 'missing.pem' }, dir),
    ).toThrow(ConfigError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('bot identities', () => {
  it("map the Agents Playground's default user to Blake in embedded mode only", () => {
    expect(parseConfig({}, os.tmpdir()).bot.identities).toEqual({ 'user-id-0': 'blake' });
    expect(parseConfig({ TANDEM_BOT_IDENTITIES: 'u1=casey' }, os.tmpdir()).bot.identities).toEqual({ u1: 'casey' });
  });
});
