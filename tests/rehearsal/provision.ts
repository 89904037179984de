import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { deployBicep, type AzureSimulation, type Deployment } from './bicep';

/** What an administrator types or the Toolkit's `aadApp/create` and `teamsApp/create` steps write. */
export interface TenantValues {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly teamsAppId: string;
  readonly siteDriveId: string;
  readonly resourceSuffix: string;
}

export interface Provisioned {
  /** env/.env.<name> as `provision` leaves it (secrets in the .user file beside it). */
  readonly envDir: string;
  readonly envName: string;
  readonly env: Readonly<Record<string, string>>;
  readonly deployment: Deployment;
  /** The web app's settings as App Service hands them to the process, Key Vault references resolved. */
  readonly appSettings: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;
const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(VaultName=([^;]+);SecretName=([^)]+)\)$/;

/**
 * `m365agents.yml` provision, on paper: the Toolkit's values into a copy of env/.env.dev, then `arm/deploy`
 * of infra/azure.bicep with infra/azure.parameters.json (its ${{VARS}} filled from that env), its outputs
 * written back to the env file as the Toolkit does. Every file read is the repository's own.
 */
export function provision(root: string, values: TenantValues, azure: AzureSimulation, outDir: string): Provisioned {
  const envName = 'rehearsal';
  const base = parseDotenv(fs.readFileSync(path.join(root, 'env', '.env.dev')));
  const env: Record<string, string> = {
    ...base,
    TEAMSFX_ENV: envName,
    AZURE_SUBSCRIPTION_ID: '00000000-0000-4000-8000-000000000000',
    AZURE_RESOURCE_GROUP_NAME: `rg-tandem-${values.resourceSuffix}`,
    RESOURCE_SUFFIX: values.resourceSuffix,
    SITE_DRIVE_ID: values.siteDriveId,
    // aadApp/create, teamsApp/create and the scope-id script.
    AAD_APP_CLIENT_ID: values.clientId,
    AAD_APP_TENANT_ID: values.tenantId,
    AAD_APP_OBJECT_ID: '0b1ec700-0000-4000-8000-000000000001',
    AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '5c09e000-0000-4000-8000-000000000002',
    BOT_ID: values.clientId,
    TEAMS_APP_ID: values.teamsAppId,
  };
  const secrets = { SECRET_AAD_APP_CLIENT_SECRET: values.clientSecret };
  const parametersFile = JSON.parse(fs.readFileSync(path.join(root, 'infra', 'azure.parameters.json'), 'utf8')) as {
    parameters: Record<string, { value: unknown }>;
  };
  const missing = new Set<string>();
  const params = Object.fromEntries(
    Object.entries(parametersFile.parameters).map(([name, { value }]) => [
      name,
      typeof value === 'string'
        ? value.replace(PLACEHOLDER, (_, key: string) => {
            const found = { ...env, ...secrets }[key];
            if (!found) missing.add(key);
            return found ?? '';
          })
        : value,
    ]),
  );
  if (missing.size > 0) throw new Error(`azure.parameters.json needs ${[...missing].join(', ')}`);
  const deployment = deployBicep(path.join(root, 'infra', 'azure.bicep'), params, azure);
  for (const [name, value] of Object.entries(deployment.outputs)) env[name] = String(value);
  // teamsApp/extendToM365.
  env.M365_TITLE_ID = 'U_rehearsal';
  env.M365_APP_ID = values.teamsAppId;

  const envDir = path.join(outDir, 'env');
  fs.mkdirSync(envDir, { recursive: true });
  fs.writeFileSync(path.join(envDir, `.env.${envName}`), dotenv(env));
  fs.writeFileSync(path.join(envDir, `.env.${envName}.user`), dotenv(secrets), { mode: 0o600 });
  return { envDir, envName, env, deployment, appSettings: webAppSettings(deployment) };
}

/** The one web app's `siteConfig.appSettings`, with `@Microsoft.KeyVault(…)` references read from the vault. */
function webAppSettings(deployment: Deployment): Record<string, string> {
  const sites = deployment.resources.filter((r) => r.type === 'Microsoft.Web/sites');
  if (sites.length !== 1) throw new Error(`expected one web app, the templates deploy ${sites.length}`);
  const siteConfig = (sites[0]!.body.properties as { siteConfig: { appSettings: { name: string; value: unknown }[] } })
    .siteConfig;
  const secret = (vault: string, name: string) => {
    const found = deployment.resources.find(
      (r) => r.type === 'Microsoft.KeyVault/vaults/secrets' && r.parentName === vault && r.name === name,
    );
    if (!found) throw new Error(`app setting refers to secret ${name} in ${vault}, which the templates never create`);
    return String((found.body.properties as { value: unknown }).value);
  };
  return Object.fromEntries(
    siteConfig.appSettings.map(({ name, value }) => {
      const reference = KEY_VAULT_REFERENCE.exec(String(value));
      return [name, reference ? secret(reference[1]!, reference[2]!) : String(value)];
    }),
  );
}

function dotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${/[\s"'#]/.test(v) ? JSON.stringify(v) : v}`)
    .join('\n')
    .concat('\n');
}
