import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import type { BlobLocation } from '../adapters/azure-blob/blob-container';
import { setOwn } from '../core/model/own-keys';

/**
 * Configuration, parsed once at startup from the environment over `env/.env.<TANDEM_ENV>` and its
 * `.user` file (secrets, git-ignored). Nothing else in the service reads process.env.
 */
const schema = z.object({
  TANDEM_MODE: z.enum(['embedded', 'm365']).default('embedded'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Embedded mode listens on loopback only: its dev tokens must never be reachable from elsewhere. */
  HOST: z.string().default('127.0.0.1'),
  /** Embedded mode on a non-loopback HOST: refused unless this says `true` (then a loud warning at start). */
  TANDEM_ALLOW_REMOTE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Embedded mode: the Bot Connector URLs the bot may answer (comma-separated, matched by origin and path
   * prefix). The default is the local Agents Playground on its default port.
   */
  TANDEM_BOT_SERVICE_URLS: z.string().default(''),
  /** Rate limits (requests per minute; the burst is as large): per signed-in user, per client address, dev tokens. */
  TANDEM_RATE_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TANDEM_RATE_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  TANDEM_RATE_DEV_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  TANDEM_DATA_DIR: z.string().min(1).default('.data'),
  TANDEM_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built tab and add-in bundles are served from. */
  TANDEM_STATIC_DIR: z.string().default('dist/web'),
  /** The bot's Entra app registration; none in embedded mode (botbuilder then accepts unauthenticated calls). */
  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  /**
   * Where the bot finds the keys the Bot Framework signs its tokens with, and the issuer those tokens name.
   * Microsoft's public cloud by default; set for a sovereign cloud, or a local issuer in tests.
   */
  TANDEM_BOT_OPENID_METADATA_URL: z
    .url({ protocol: /^https$/, error: 'must be an https URL' })
    .default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
  TANDEM_BOT_TOKEN_ISSUER: z.url().default('https://api.botframework.com'),
  /** How long after a meeting's scheduled end the recap goes out when Teams never sent meetingEnd. */
  TANDEM_RECAP_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** Embedded mode: Teams user ids (aadObjectId or from.id) to demo users, `teamsId=tandemId,...`. */
  TANDEM_BOT_IDENTITIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const map: Record<string, string> = {};
      for (const entry of v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean)) {
        const [teamsId, tandemId, extra] = entry.split('=');
        if (!teamsId || !tandemId || extra !== undefined) {
          ctx.addIssue({ code: 'custom', message: `expected teamsId=tandemId, got ${entry}` });
          return z.NEVER;
        }
        setOwn(map, teamsId, tandemId);
      }
      return map;
    }),
  /** How often the job runner looks for due jobs and renews its lease. */
  TANDEM_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /**
   * Operational state (conversation references, leases, job marks) in Azure Blob Storage; else the file store.
   * In Azure the account's endpoint with the managed identity (set by infra/modules/web-app.bicep); locally a
   * connection string (Azurite). Not both.
   */
  AZURE_STORAGE_BLOB_ENDPOINT: z.url().optional(),
  TANDEM_BLOB_CONNECTION_STRING: z.string().optional(),
  TANDEM_BLOB_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/)
    .default('tandem-ops'),
  /** Requests, Graph dependencies and exceptions to Application Insights (set by the infrastructure). */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
});

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });

/** Microsoft 365 mode: the app registration and where Graph and Entra are. */
const m365Schema = z
  .object({
    TANDEM_TENANT_ID: guid,
    TANDEM_CLIENT_ID: guid,
    /** One of the two: a client secret, or a PEM file with the private key and the registered certificate. */
    TANDEM_CLIENT_SECRET: z.string().min(1).optional(),
    TANDEM_CLIENT_CERT_PATH: z.string().min(1).optional(),
    /** Entra's sign-in host; a local identity provider in tests. */
    TANDEM_AUTHORITY_HOST: httpsUrl.default('https://login.microsoftonline.com'),
    /** Graph's origin (the client adds /v1.0); the Graph emulator in tests. */
    TANDEM_GRAPH_BASE_URL: httpsUrl.default('https://graph.microsoft.com'),
    /** The document library holding pair data, reached app-only with Sites.Selected. */
    TANDEM_SITE_DRIVE_ID: z.string().min(1),
    TANDEM_BOT_ID: guid,
    /**
     * The service's public https origin, where Graph delivers change notifications. Unset: no subscriptions;
     * Outlook-side changes are then seen on the next read only.
     */
    TANDEM_PUBLIC_URL: z.url().optional(),
    /** Copy each person's own action items to their Microsoft To Do (needs Tasks.ReadWrite, delegated). */
    TANDEM_MIRROR_TODO: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Extra tenants whose users may sign in (comma-separated GUIDs); the home tenant always may. */
    TANDEM_ALLOWED_TENANTS: z.string().default(''),
    /** The Teams app's id, told to the add-in at run time for its deep links into the meeting tab. */
    TANDEM_TEAMS_APP_ID: z.string().min(1).optional(),
  })
  .refine((c) => (c.TANDEM_CLIENT_SECRET === undefined) !== (c.TANDEM_CLIENT_CERT_PATH === undefined), {
    message: 'set exactly one of TANDEM_CLIENT_SECRET and TANDEM_CLIENT_CERT_PATH',
    path: ['TANDEM_CLIENT_SECRET'],
  });

export type M365Config = Readonly<{
  tenantId: string;
  clientId: string;
  credential:
    { readonly kind: 'secret'; readonly secret: string } | { readonly kind: 'certificate'; readonly pem: string };
  authorityHost: string;
  graphBaseUrl: string;
  siteDriveId: string;
  botId: string;
  publicUrl?: string;
  mirrorToDo: boolean;
  allowedTenants: readonly string[];
  /** The scope the tab and the add-in ask Entra for: the App ID URI (on the public host if any) + access_as_user. */
  apiScope: string;
  teamsAppId?: string;
}>;

export type Config = Readonly<{
  mode: 'embedded' | 'm365';
  port: number;
  host: string;
  /** Embedded mode bound to a non-loopback address on purpose (TANDEM_ALLOW_REMOTE). */
  allowRemote: boolean;
  rateLimits: RateLimitConfig;
  dataDir: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  staticDir: string;
  /** Present exactly in Microsoft 365 mode. */
  m365?: M365Config;
  bot: BotConfig;
  /** Application Insights, when configured. */
  telemetry?: Readonly<{ connectionString: string }>;
}>;

export type RateLimitConfig = Readonly<{ userPerMinute: number; addressPerMinute: number; devTokensPerMinute: number }>;

export type BotConfig = Readonly<{
  /** Absent in embedded mode only: botbuilder then accepts unauthenticated calls, so never with a tenant. */
  app?: BotAppConfig;
  recapGraceMs: number;
  /** Teams user id → Tandem user id (embedded mode; in M365 mode the aadObjectId is the Tandem id). */
  identities: Readonly<Record<string, string>>;
  jobPollMs: number;
  /**
   * Embedded mode: the only Bot Connector URLs the bot talks to (the local Agents Playground). Absent in
   * Microsoft 365 mode, where the Bot Framework token's `serviceurl` claim vouches for the activity's.
   */
  serviceUrls?: readonly string[];
  blob?: BlobLocation;
}>;

export type BotAppConfig = Readonly<{
  id: string;
  password: string;
  tenantId?: string;
  /** Where the bot gets its own token for the connector: Entra (TANDEM_AUTHORITY_HOST in M365 mode). */
  authorityHost: string;
  /** How the bot checks the tokens the Bot Framework sends with each activity. */
  channel: Readonly<{ openIdMetadataUrl: string; issuer: string }>;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function parseWith<S extends z.ZodType>(schema: S, values: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(values);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return result.data;
}

function parseM365(values: Record<string, string | undefined>, root: string): M365Config {
  const c = parseWith(m365Schema, values);
  let credential: M365Config['credential'];
  if (c.TANDEM_CLIENT_SECRET !== undefined) credential = { kind: 'secret', secret: c.TANDEM_CLIENT_SECRET };
  else {
    const file = path.resolve(root, c.TANDEM_CLIENT_CERT_PATH!);
    if (!fs.existsSync(file))
      throw new ConfigError(`invalid configuration:\n  TANDEM_CLIENT_CERT_PATH: no file ${file}`);
    credential = { kind: 'certificate', pem: fs.readFileSync(file, 'utf8') };
  }
  const extra = c.TANDEM_ALLOWED_TENANTS.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const bad = extra.find((t) => !guid.safeParse(t).success);
  if (bad) throw new ConfigError(`invalid configuration:\n  TANDEM_ALLOWED_TENANTS: ${bad} is not a GUID`);
  return {
    tenantId: c.TANDEM_TENANT_ID.toLowerCase(),
    clientId: c.TANDEM_CLIENT_ID.toLowerCase(),
    credential,
    authorityHost: new URL(c.TANDEM_AUTHORITY_HOST).origin,
    graphBaseUrl: new URL(c.TANDEM_GRAPH_BASE_URL).origin,
    siteDriveId: c.TANDEM_SITE_DRIVE_ID,
    botId: c.TANDEM_BOT_ID,
    mirrorToDo: c.TANDEM_MIRROR_TODO,
    ...(c.TANDEM_PUBLIC_URL && { publicUrl: new URL(c.TANDEM_PUBLIC_URL).origin }),
    ...(c.TANDEM_TEAMS_APP_ID && { teamsAppId: c.TANDEM_TEAMS_APP_ID }),
    apiScope: apiScopeOf(c.TANDEM_CLIENT_ID.toLowerCase(), c.TANDEM_PUBLIC_URL),
    allowedTenants: [c.TANDEM_TENANT_ID.toLowerCase(), ...extra.map((t) => t.toLowerCase())],
  };
}

/** As infra/aad.manifest.json registers it: `api://<public host>/<client id>` (Teams SSO needs the host). */
function apiScopeOf(clientId: string, publicUrl: string | undefined): string {
  const host = publicUrl ? `${new URL(publicUrl).host}/` : '';
  return `api://${host}${clientId}/access_as_user`;
}

/**
 * With a tenant the bot always authenticates: by default it is the app registration itself (TANDEM_BOT_ID
 * with the client secret); MICROSOFT_APP_ID / _PASSWORD name a separate bot registration.
 */
function botAppFrom(m365: M365Config): Pick<BotAppConfig, 'id' | 'password' | 'tenantId'> {
  if (m365.credential.kind !== 'secret') {
    throw new ConfigError(
      'invalid configuration:\n  MICROSOFT_APP_PASSWORD: required for the bot when the app signs in with a certificate',
    );
  }
  return { id: m365.botId, password: m365.credential.secret, tenantId: m365.tenantId };
}

export function readEnvFiles(root: string, envName: string | undefined): Record<string, string> {
  if (!envName) return {};
  if (!/^[a-z0-9-]+$/.test(envName)) throw new ConfigError(`TANDEM_ENV must be a simple name, got ${envName}`);
  const values: Record<string, string> = {};
  for (const file of [`.env.${envName}`, `.env.${envName}.user`]) {
    const full = path.join(root, 'env', file);
    if (fs.existsSync(full)) Object.assign(values, parseDotenv(fs.readFileSync(full)));
  }
  return values;
}

export function parseConfig(env: Record<string, string | undefined>, root = process.cwd()): Config {
  const merged = { ...readEnvFiles(root, env.TANDEM_ENV), ...env };
  const c = parseWith(schema, merged);
  if (c.AZURE_STORAGE_BLOB_ENDPOINT && c.TANDEM_BLOB_CONNECTION_STRING) {
    throw new ConfigError(
      'invalid configuration:\n  TANDEM_BLOB_CONNECTION_STRING: set either it or AZURE_STORAGE_BLOB_ENDPOINT, not both',
    );
  }
  if (c.MICROSOFT_APP_ID && !c.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
  }
  const m365 = c.TANDEM_MODE === 'm365' ? parseM365(merged, root) : undefined;
  if (c.TANDEM_MODE === 'embedded' && !isLoopbackHost(c.HOST) && !c.TANDEM_ALLOW_REMOTE) {
    throw new ConfigError(
      `invalid configuration:\n  HOST: embedded mode listens on this machine only (127.0.0.1, ::1 or localhost), got ${c.HOST}; ` +
        'set TANDEM_ALLOW_REMOTE=true to expose it anyway, or use Microsoft 365 mode',
    );
  }
  const botApp = c.MICROSOFT_APP_ID
    ? {
        id: c.MICROSOFT_APP_ID,
        password: c.MICROSOFT_APP_PASSWORD ?? '',
        ...(c.MICROSOFT_APP_TENANT_ID && { tenantId: c.MICROSOFT_APP_TENANT_ID }),
      }
    : m365 && botAppFrom(m365);
  const app: BotAppConfig | undefined = botApp && {
    ...botApp,
    // A bot registration of its own outside Microsoft 365 mode signs in at Entra.
    authorityHost: m365?.authorityHost ?? 'https://login.microsoftonline.com',
    channel: { openIdMetadataUrl: c.TANDEM_BOT_OPENID_METADATA_URL, issuer: c.TANDEM_BOT_TOKEN_ISSUER },
  };
  return {
    ...(m365 && { m365 }),
    mode: c.TANDEM_MODE,
    port: c.PORT,
    host: c.HOST,
    allowRemote: c.TANDEM_ALLOW_REMOTE && !isLoopbackHost(c.HOST),
    rateLimits: {
      userPerMinute: c.TANDEM_RATE_USER_PER_MINUTE,
      addressPerMinute: c.TANDEM_RATE_ADDRESS_PER_MINUTE,
      devTokensPerMinute: c.TANDEM_RATE_DEV_TOKENS_PER_MINUTE,
    },
    dataDir: path.resolve(root, c.TANDEM_DATA_DIR),
    seedDemo: c.TANDEM_SEED_DEMO,
    logLevel: c.LOG_LEVEL,
    staticDir: path.resolve(root, c.TANDEM_STATIC_DIR),
    bot: {
      ...(app && { app }),
      recapGraceMs: c.TANDEM_RECAP_GRACE_MINUTES * 60_000,
      identities:
        c.TANDEM_MODE === 'embedded' && Object.keys(c.TANDEM_BOT_IDENTITIES).length === 0
          ? // The Agents Playground's default user is Blake, so `npm run playground` works against `npm start`.
            { 'user-id-0': 'blake' }
          : c.TANDEM_BOT_IDENTITIES,
      jobPollMs: c.TANDEM_JOB_POLL_MS,
      ...(c.TANDEM_MODE === 'embedded' && { serviceUrls: serviceUrlsFrom(c.TANDEM_BOT_SERVICE_URLS) }),
      ...(c.TANDEM_BLOB_CONNECTION_STRING && {
        blob: { connectionString: c.TANDEM_BLOB_CONNECTION_STRING, container: c.TANDEM_BLOB_CONTAINER },
      }),
      ...(c.AZURE_STORAGE_BLOB_ENDPOINT && {
        blob: { endpoint: c.AZURE_STORAGE_BLOB_ENDPOINT, container: c.TANDEM_BLOB_CONTAINER },
      }),
    },
    ...(c.APPLICATIONINSIGHTS_CONNECTION_STRING && {
      telemetry: { connectionString: c.APPLICATIONINSIGHTS_CONNECTION_STRING },
    }),
  };
}

/** Every setting this module reads, for the check that the infrastructure sets what the code needs. */
export const SETTING_NAMES: readonly string[] = [...Object.keys(schema.shape), ...Object.keys(m365Schema.shape)];

/** The Agents Playground's connector on its default port (`npm run playground`, PLAYGROUND_PORT to change). */
export const DEFAULT_PLAYGROUND_SERVICE_URLS = [
  'http://localhost:56150/_connector',
  'http://127.0.0.1:56150/_connector',
];

function serviceUrlsFrom(value: string): string[] {
  const urls = value
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of urls) {
    if (!URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol)) {
      throw new ConfigError(`invalid configuration:\n  TANDEM_BOT_SERVICE_URLS: ${u} is not an http(s) URL`);
    }
  }
  return urls.length > 0 ? urls : DEFAULT_PLAYGROUND_SERVICE_URLS;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
