import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

/**
 * Configuration, parsed once at startup from the environment over `env/.env.<TANDEM_ENV>` and its
 * `.user` file (secrets, git-ignored). Nothing else in the service reads process.env.
 */
const schema = z.object({
  TANDEM_MODE: z.enum(['embedded', 'm365']).default('embedded'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Embedded mode listens on loopback only: its dev tokens must never be reachable from elsewhere. */
  HOST: z.string().default('127.0.0.1'),
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
        map[teamsId] = tandemId;
      }
      return map;
    }),
  /** How often the job runner looks for due jobs and renews its lease. */
  TANDEM_JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Operational state (conversation references, leases, job marks) in Azure Blob Storage; else the file store. */
  TANDEM_BLOB_CONNECTION_STRING: z.string().optional(),
  TANDEM_BLOB_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/)
    .default('tandem-ops'),
});

export type Config = Readonly<{
  mode: 'embedded' | 'm365';
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  staticDir: string;
  bot: BotConfig;
}>;

export type BotConfig = Readonly<{
  /** Absent in embedded mode. */
  app?: Readonly<{ id: string; password: string; tenantId?: string }>;
  recapGraceMs: number;
  /** Teams user id → Tandem user id (embedded mode; in M365 mode the aadObjectId is the Tandem id). */
  identities: Readonly<Record<string, string>>;
  jobPollMs: number;
  blob?: Readonly<{ connectionString: string; container: string }>;
}>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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
  const result = schema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = result.data;
  if (c.MICROSOFT_APP_ID && !c.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
  }
  if (c.TANDEM_MODE === 'm365') {
    throw new ConfigError('TANDEM_MODE=m365 is not available yet: the Microsoft 365 adapters are still being built');
  }
  return {
    mode: c.TANDEM_MODE,
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(root, c.TANDEM_DATA_DIR),
    seedDemo: c.TANDEM_SEED_DEMO,
    logLevel: c.LOG_LEVEL,
    staticDir: path.resolve(root, c.TANDEM_STATIC_DIR),
    bot: {
      ...(c.MICROSOFT_APP_ID && {
        app: {
          id: c.MICROSOFT_APP_ID,
          password: c.MICROSOFT_APP_PASSWORD ?? '',
          ...(c.MICROSOFT_APP_TENANT_ID && { tenantId: c.MICROSOFT_APP_TENANT_ID }),
        },
      }),
      recapGraceMs: c.TANDEM_RECAP_GRACE_MINUTES * 60_000,
      identities: c.TANDEM_BOT_IDENTITIES,
      jobPollMs: c.TANDEM_JOB_POLL_MS,
      ...(c.TANDEM_BLOB_CONNECTION_STRING && {
        blob: { connectionString: c.TANDEM_BLOB_CONNECTION_STRING, container: c.TANDEM_BLOB_CONTAINER },
      }),
    },
  };
}
