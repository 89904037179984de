import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildAppPackage } from '../../scripts/app-package';
import { GraphEmulator } from '../graph-emulator/graph-emulator';
import { LocalIdentityProvider } from '../support/identity-provider';
import { M365_PEOPLE } from '../support/m365';
import { repoRoot, ServerProcess } from '../support/server-process';
import type { AzureSimulation } from './bicep';
import { provision, type Provisioned } from './provision';

/**
 * `npm run rehearse`: Tandem stood up as a deployment would be, from the repository's own files, and walked
 * end to end offline. Prints one line per step and `rehearsal: N of N steps passed`; exits non-zero on any
 * failure. What differs from a real tenant is listed in docs/rehearsal.md.
 */
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
const CLIENT_SECRET = 'rehearsal-only-secret';
const TEAMS_APP_ID = '7ea45000-0000-4000-8000-00000000000a';

interface Step {
  readonly name: string;
  run(): Promise<string | void>;
}

/** Azure's runtime properties for the resources infra/ declares, as a deployment would report them. */
const azure: AzureSimulation = {
  properties(type, name) {
    switch (type) {
      case 'Microsoft.Web/sites':
        return { defaultHostName: `${name}.azurewebsites.net` };
      case 'Microsoft.Storage/storageAccounts':
        return { primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/` } };
      case 'Microsoft.Insights/components':
        return {
          ConnectionString: `InstrumentationKey=00000000-0000-4000-8000-0000000000a1;IngestionEndpoint=https://${name}.in.applicationinsights.azure.com/`,
        };
      case 'Microsoft.KeyVault/vaults':
        return { vaultUri: `https://${name}.vault.azure.net/` };
      default:
        return {};
    }
  },
};

async function main(): Promise<void> {
  const root = repoRoot();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-rehearsal-'));
  const cleanups: (() => Promise<void>)[] = [];
  let graph!: GraphEmulator;
  let idp!: LocalIdentityProvider;
  let provisioned!: Provisioned;
  let service!: ServerProcess;
  const token = (person: keyof typeof M365_PEOPLE) => idp.userToken(M365_PEOPLE[person].id);
  const api = async (person: keyof typeof M365_PEOPLE, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${service.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(person)}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  const steps: Step[] = [
    {
      name: 'a tenant to deploy into: Entra (local identity provider) and Microsoft Graph (emulator)',
      run: async () => {
        graph = await GraphEmulator.start(Object.values(M365_PEOPLE));
        idp = await LocalIdentityProvider.start({
          tenantId: TENANT_ID,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        });
        cleanups.push(
          () => graph.close(),
          () => idp.close(),
        );
        return `Graph ${graph.url}, Entra ${idp.url}`;
      },
    },
    {
      name: 'provision: env file from the Toolkit steps and the outputs of infra/azure.bicep',
      run: async () => {
        provisioned = provision(
          root,
          {
            tenantId: TENANT_ID,
            clientId: CLIENT_ID,
            clientSecret: CLIENT_SECRET,
            teamsAppId: TEAMS_APP_ID,
            siteDriveId: graph.addDrive(),
            resourceSuffix: 'rehearsal',
          },
          azure,
          work,
        );
        const outputs = Object.keys(provisioned.deployment.outputs);
        return `${outputs.length} outputs (${outputs.join(', ')}), ${provisioned.deployment.resources.length} resources`;
      },
    },
    {
      name: 'app package built from that env file and valid',
      run: async () => {
        const { zipPath, manifest } = buildAppPackage({
          envName: provisioned.envName,
          envDir: provisioned.envDir,
          appPackageDir: path.join(root, 'appPackage'),
          outDir: path.join(work, 'appPackage'),
        });
        return `${path.basename(zipPath)}, manifest ${String(manifest.manifestVersion)}, id ${String(manifest.id)}`;
      },
    },
    {
      name: "service started with the web app's settings from infra/",
      run: async () => {
        const settings = { ...provisioned.appSettings };
        // App Service's front end terminates TLS and forwards to the port it gives the process.
        delete settings.PORT;
        delete settings.WEBSITES_PORT;
        // Nothing here may reach Azure: the operational store stays in the data folder and telemetry is off
        // (docs/rehearsal.md lists both among the differences).
        delete settings.AZURE_STORAGE_BLOB_ENDPOINT;
        delete settings.APPLICATIONINSIGHTS_CONNECTION_STRING;
        service = await ServerProcess.start({
          dataDir: path.join(work, 'data'),
          env: {
            ...settings,
            HOST: '127.0.0.1',
            NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
            // Only what a real tenant provides itself: Entra, Graph, and the address Graph notifies.
            TANDEM_AUTHORITY_HOST: idp.url,
            TANDEM_GRAPH_BASE_URL: graph.url,
            TANDEM_PUBLIC_URL: 'http://127.0.0.1:1',
          },
          timeoutMs: 30_000,
        });
        cleanups.unshift(async () => {
          await service.stop().catch(() => undefined);
        });
        const health = (await (await fetch(`${service.url}/healthz`)).json()) as { mode: string };
        if (health.mode !== 'm365') throw new Error(`the service says it runs in ${health.mode} mode`);
        return `${Object.keys(settings).length} settings, mode ${health.mode}, ${service.url}`;
      },
    },
    {
      name: 'Avery starts a weekly 1:1 with Blake: a Teams meeting series in Outlook through Graph',
      run: async () => {
        const pair = (await api('avery', 'POST', '/api/pairs', {
          reportId: M365_PEOPLE.blake.id,
          cadence: { frequency: 'weekly', startDate: nextMonday(), time: '10:00', timeZone: 'Europe/Berlin' },
        })) as { id: string };
        const series = [...graph.series.values()];
        if (series.length !== 1) throw new Error(`expected one series in Graph, found ${series.length}`);
        return `pair ${pair.id}, series ${String((series[0] as { id?: unknown }).id ?? '')}`;
      },
    },
  ];

  let passed = 0;
  try {
    for (const step of steps) {
      const started = Date.now();
      try {
        const detail = await step.run();
        passed += 1;
        console.log(`✓ ${step.name}${detail ? ` — ${detail}` : ''} (${Date.now() - started} ms)`);
      } catch (error) {
        console.log(
          `✗ ${step.name}\n    ${String(error instanceof Error ? error.message : error).replace(/\n/g, '\n    ')}`,
        );
        break;
      }
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`rehearsal: ${passed} of ${steps.length} steps passed`);
  process.exitCode = passed === steps.length ? 0 : 1;
}

function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
