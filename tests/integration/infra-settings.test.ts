import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { parseConfig, SETTING_NAMES } from '../../server/config';

/**
 * The web app's settings in the bicep and the settings server/config.ts reads agree, both ways: everything
 * the infrastructure sets is read (by the service or by App Service itself), and everything the service
 * reads is either set by the infrastructure or deliberately left to its default here.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const bicep = fs.readFileSync(path.join(ROOT, 'infra', 'modules', 'web-app.bicep'), 'utf8');
const set = [...bicep.matchAll(/\{ name: '([A-Z0-9_]+)', value: /g)].map((m) => m[1]!);

/** Read by App Service, not by Tandem. */
const PLATFORM = new Set(['WEBSITES_PORT', 'SCM_DO_BUILD_DURING_DEPLOYMENT']);

/** What Tandem reads and Azure need not set, and why. */
const NOT_SET_IN_AZURE: Record<string, string> = {
  TANDEM_DATA_DIR: 'only the file store uses it; in Azure the operational store is Blob',
  TANDEM_SEED_DEMO: 'embedded mode only',
  LOG_LEVEL: 'default info',
  TANDEM_STATIC_DIR: 'default dist/web, deployed with the service',
  MICROSOFT_APP_ID: 'the bot is the app registration itself (TANDEM_BOT_ID)',
  MICROSOFT_APP_PASSWORD: 'the bot is the app registration itself (TANDEM_CLIENT_SECRET)',
  MICROSOFT_APP_TENANT_ID: 'the bot is the app registration itself (TANDEM_TENANT_ID)',
  TANDEM_RECAP_GRACE_MINUTES: 'default 15',
  TANDEM_BOT_IDENTITIES: 'embedded mode only; with a tenant the Entra object id is the user',
  TANDEM_JOB_POLL_MS: 'default 1 s',
  TANDEM_BLOB_CONNECTION_STRING: 'local only; Azure uses the endpoint and the managed identity',
  TANDEM_AUTHORITY_HOST: 'default Entra (tests override it)',
  TANDEM_GRAPH_BASE_URL: 'default Graph (tests override it)',
  TANDEM_CLIENT_CERT_PATH: 'the alternative to TANDEM_CLIENT_SECRET, which Key Vault holds',
  TANDEM_MIRROR_TODO: 'optional feature, off by default',
  TANDEM_ALLOWED_TENANTS: 'only the home tenant by default',
  TANDEM_ALLOW_REMOTE: 'embedded mode only',
  TANDEM_BOT_SERVICE_URLS: 'embedded mode only; with a tenant the Bot Framework token vouches for the connector',
  TANDEM_RATE_USER_PER_MINUTE: 'default 600',
  TANDEM_RATE_ADDRESS_PER_MINUTE: 'default 1200',
  TANDEM_RATE_DEV_TOKENS_PER_MINUTE: 'embedded mode only',
  TANDEM_BOT_OPENID_METADATA_URL: "default the Bot Framework's (a sovereign cloud or tests override it)",
  TANDEM_BOT_TOKEN_ISSUER: "default the Bot Framework's (as above)",
};

describe('web app settings (infra/modules/web-app.bicep) against server/config.ts', () => {
  it('sets nothing the service does not read', () => {
    expect(set.filter((name) => !PLATFORM.has(name) && !SETTING_NAMES.includes(name))).toEqual([]);
  });

  it('sets everything the service reads, unless deliberately left to its default', () => {
    expect(SETTING_NAMES.filter((name) => !set.includes(name) && !(name in NOT_SET_IN_AZURE))).toEqual([]);
    // The list of exceptions names only settings that exist.
    expect(Object.keys(NOT_SET_IN_AZURE).filter((name) => !SETTING_NAMES.includes(name))).toEqual([]);
  });

  it('gives a configuration the service starts with: Microsoft 365 mode, Blob by endpoint, telemetry on', () => {
    const values: Record<string, string> = {};
    for (const m of bicep.matchAll(/\{ name: '([A-Z0-9_]+)', value: ('[^']*'|\w+) \}/g)) {
      // Parameters and interpolations become plausible values of their kind.
      const raw = m[2]!.startsWith("'") ? m[2]!.slice(1, -1) : 'c0ffee00-1111-4222-8333-444455556666';
      values[m[1]!] = raw.replace(/\$\{[^}]+\}/g, 'x');
    }
    values.TANDEM_TENANT_ID = values.TANDEM_CLIENT_ID = values.TANDEM_BOT_ID = 'c0ffee00-1111-4222-8333-444455556666';
    values.TANDEM_BLOB_CONTAINER = 'tandem-ops';
    values.APPLICATIONINSIGHTS_CONNECTION_STRING = 'InstrumentationKey=x';
    const config = parseConfig(values, ROOT);
    expect(config.mode).toBe('m365');
    expect(config.bot.blob).toEqual({ endpoint: expect.stringMatching(/^https:\/\//), container: 'tandem-ops' });
    expect(config.telemetry).toBeDefined();
    expect(config.m365?.teamsAppId).toBeDefined();
  });
});

describe('F5: m365agents.local.yml against server/config.ts', () => {
  interface Step {
    uses: string;
    with?: { target?: string; envs?: Record<string, string | number> };
  }
  const yml = load(fs.readFileSync(path.join(ROOT, 'm365agents.local.yml'), 'utf8')) as { deploy: Step[] };
  const written = yml.deploy
    .filter((s) => s.uses === 'file/createOrUpdateEnvironmentFile' && s.with?.target === './env/.env.local.user')
    .reduce<Record<string, string>>(
      (all, s) => ({ ...all, ...Object.fromEntries(Object.entries(s.with!.envs!).map(([k, v]) => [k, String(v)])) }),
      {},
    );

  it('writes only settings the service reads', () => {
    expect(Object.keys(written).filter((name) => !SETTING_NAMES.includes(name))).toEqual([]);
  });

  it('writes every setting Microsoft 365 mode requires, so `TANDEM_ENV=local` starts the service', () => {
    // The provision outputs, as the Toolkit would substitute them.
    const outputs: Record<string, string> = {
      AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      AAD_APP_CLIENT_ID: 'c0ffee00-1111-4222-8333-444455556666',
      BOT_ID: 'c0ffee00-1111-4222-8333-444455556666',
      SECRET_AAD_APP_CLIENT_SECRET: 'secret',
      SITE_DRIVE_ID: 'b!drive',
      TAB_ENDPOINT: 'https://abc123-3978.euw.devtunnels.ms',
      TEAMS_APP_ID: '0c5e7f0a-1d2b-4c3d-9e8f-0a1b2c3d4e5f',
    };
    const values = Object.fromEntries(
      Object.entries(written).map(([k, v]) => [
        k,
        v.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
          if (!(name in outputs)) throw new Error(`${k} uses \${{${name}}}, which no provision step writes`);
          return outputs[name]!;
        }),
      ]),
    );
    const config = parseConfig(values, ROOT);
    expect(config.mode).toBe('m365');
    expect(config.m365).toMatchObject({
      publicUrl: outputs.TAB_ENDPOINT,
      apiScope: `api://abc123-3978.euw.devtunnels.ms/${outputs.AAD_APP_CLIENT_ID}/access_as_user`,
      teamsAppId: outputs.TEAMS_APP_ID,
    });
    expect(config.port).toBe(3978);
  });
});
