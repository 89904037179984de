import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Browser, Page } from 'playwright-core';
import type { FakeAppointmentConfig } from '../../outlook-addin/sandbox/fake-office';
import { demoAppointment } from '../../outlook-addin/sandbox/demo-appointment';
import { buildAppPackage } from '../../scripts/app-package';
import { GraphEmulator } from '../graph-emulator/graph-emulator';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { launchChromium, newContext } from '../support/chromium';
import { LocalIdentityProvider } from '../support/identity-provider';
import { LocalConnector, textOf } from '../support/local-connector';
import { M365_PEOPLE } from '../support/m365';
import { repoRoot, ServerProcess } from '../support/server-process';
import type { AzureSimulation } from './bicep';
import { ManagedIdentityEndpoint } from './managed-identity-endpoint';
import { installNaaBridge } from './naa-bridge';
import { provision, type Provisioned } from './provision';
import { TelemetryIngestion } from './telemetry-ingestion';
import { serveTeamsHost, TEAMS_ORIGIN } from './teams-origin';

/**
 * `npm run rehearse`: Tandem stood up as a deployment would be, from the repository's own files, and walked
 * end to end offline. Prints one line per step and `rehearsal: N of N steps passed`; exits non-zero on any
 * failure. What differs from a real tenant is listed in docs/rehearsal.md.
 */
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
const CLIENT_SECRET = 'rehearsal-only-secret';
const TEAMS_APP_ID = '7ea45000-0000-4000-8000-00000000000a';
/** The web app's system-assigned managed identity (its service principal's object id). */
const WEB_APP_PRINCIPAL_ID = '5e7f1d00-0000-4000-8000-0000000000b1';
const WEB_APP_IDENTITY_CLIENT_ID = '5e7f1d00-0000-4000-8000-0000000000b2';
/** Written during the walk; telemetry must never carry them. */
const PRIVATE_NOTE = 'Rehearsal private note: salary band talk';
const SHARED_NOTE = 'Rehearsal shared note: promotion case';
const TOPIC = 'Raised from Outlook in the rehearsal';
/** Hosts only Azure or Microsoft run, which the service's telemetry SDK tries on its own (docs/rehearsal.md). */
const EXPECTED_REFUSALS = [
  /\.applicationinsights\.azure\.com$/, // statsbeat: the SDK's own usage metrics
  /^settings\.sdk\.monitor\.azure\.com$/, // OneSettings: the SDK's remote configuration
  /^169\.254\.169\.254$/, // the Azure VM metadata endpoint (resource detection)
];

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
  let azurite!: RunningAzurite;
  let identity!: ManagedIdentityEndpoint;
  let ingestion!: TelemetryIngestion;
  let browser!: Browser;
  const connector = new LocalConnector();
  const refusedLog = path.join(work, 'refused-connections.log');
  let pair!: { id: string; chatId: string; joinUrl: string; session: { id: string; start: string } };
  const token = (person: keyof typeof M365_PEOPLE) => idp.userToken(M365_PEOPLE[person].id);
  /** The ID token Entra gives a person signing in to Tandem's client (what MSAL reads the account from). */
  const idToken = (person: keyof typeof M365_PEOPLE) =>
    idp.issuer.buildToken({
      expiresIn: 3600,
      scopesOrTransform: (_header, payload) =>
        Object.assign(payload, {
          aud: CLIENT_ID,
          tid: TENANT_ID,
          oid: M365_PEOPLE[person].id,
          sub: `sub-${M365_PEOPLE[person].id}`,
          preferred_username: M365_PEOPLE[person].mail,
          name: M365_PEOPLE[person].displayName,
          ver: '2.0',
        }),
    });
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
      name: 'Azure on loopback: Azurite over https with OAuth, App Service managed identity, Application Insights ingestion',
      run: async () => {
        const tls = path.join(root, '.data', 'test-tls');
        azurite = await startAzurite(90_000, {
          certFile: path.join(tls, 'cert.pem'),
          keyFile: path.join(tls, 'key.pem'),
        });
        cleanups.push(() => azurite.stop());
        identity = await ManagedIdentityEndpoint.start(idp, {
          tenantId: TENANT_ID,
          principalId: WEB_APP_PRINCIPAL_ID,
          clientId: WEB_APP_IDENTITY_CLIENT_ID,
        });
        ingestion = await TelemetryIngestion.start();
        await connector.start();
        cleanups.push(
          () => identity.close(),
          () => ingestion.close(),
          () => connector.stop(),
        );
        return `Blob ${azurite.blobEndpoint}, identity ${identity.url}, ingestion ${ingestion.url}, connector ${connector.serviceUrl}`;
      },
    },
    {
      name: "service started with the web app's settings from infra/",
      run: async () => {
        const settings = { ...provisioned.appSettings };
        // App Service's front end terminates TLS and forwards to the port it gives the process.
        delete settings.PORT;
        delete settings.WEBSITES_PORT;
        for (const name of ['AZURE_STORAGE_BLOB_ENDPOINT', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
          if (!settings[name]) throw new Error(`the templates do not set ${name}`);
        }
        const blobEndpoint = settings.AZURE_STORAGE_BLOB_ENDPOINT!;
        // The storage account and Application Insights, at the addresses of their loopback stand-ins.
        settings.AZURE_STORAGE_BLOB_ENDPOINT = azurite.blobEndpoint;
        settings.APPLICATIONINSIGHTS_CONNECTION_STRING = ingestion.connectionString(
          settings.APPLICATIONINSIGHTS_CONNECTION_STRING!,
        );
        service = await ServerProcess.start({
          dataDir: path.join(work, 'data'),
          env: {
            ...settings,
            HOST: '127.0.0.1',
            NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
            // What App Service gives a web app with a managed identity.
            ...identity.environment,
            // Only what a real tenant provides itself: Entra, Graph, the Bot Framework's issuer, and the
            // address Graph notifies.
            TANDEM_AUTHORITY_HOST: idp.url,
            TANDEM_GRAPH_BASE_URL: graph.url,
            TANDEM_BOT_OPENID_METADATA_URL: idp.channelOpenIdMetadataUrl,
            TANDEM_BOT_TOKEN_ISSUER: idp.channelIssuer,
            TANDEM_PUBLIC_URL: 'http://127.0.0.1:1',
            // Refuses, and lists, any connection to a host other than this machine.
            NODE_OPTIONS: `--require ${path.join(__dirname, 'loopback-only.js')}`,
            TANDEM_REHEARSAL_REFUSED_LOG: refusedLog,
          },
          timeoutMs: 60_000,
        });
        cleanups.unshift(async () => {
          await service.stop().catch(() => undefined);
        });
        const health = (await (await fetch(`${service.url}/healthz`)).json()) as { mode: string };
        if (health.mode !== 'm365') throw new Error(`the service says it runs in ${health.mode} mode`);
        return `${Object.keys(settings).length} settings (Blob ${blobEndpoint} → Azurite), mode ${health.mode}, ${service.url}`;
      },
    },
    {
      name: 'Avery starts a weekly 1:1 with Blake (a Teams meeting series in Outlook through Graph) and writes notes',
      run: async () => {
        // The first meeting begins within the hour, so that the walk can hold it.
        const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / (5 * 60_000)) * 5 * 60_000);
        const created = (await api('avery', 'POST', '/api/pairs', {
          reportId: M365_PEOPLE.blake.id,
          cadence: {
            frequency: 'weekly',
            startDate: start.toISOString().slice(0, 10),
            time: start.toISOString().slice(11, 16),
            timeZone: 'UTC',
          },
        })) as { id: string };
        const series = [...graph.series.values()];
        if (series.length !== 1) throw new Error(`expected one series in Graph, found ${series.length}`);
        const me = (await api('avery', 'GET', '/api/me')) as {
          pairs: Array<{ id: string; chatId?: string; joinUrl?: string; nextSession?: { id: string; start: string } }>;
        };
        const found = me.pairs.find((p) => p.id === created.id);
        if (!found?.chatId || !found.joinUrl || !found.nextSession)
          throw new Error(`the 1:1 has no meeting chat, join link or next session: ${JSON.stringify(found)}`);
        pair = { id: found.id, chatId: found.chatId, joinUrl: found.joinUrl, session: found.nextSession };
        // Notes in the first meeting: the shared one is for the recap, neither may reach telemetry.
        const notes = `/api/pairs/${pair.id}/sessions/${encodeURIComponent(pair.session.id)}/notes`;
        await api('avery', 'POST', notes, { text: SHARED_NOTE, private: false });
        await api('avery', 'POST', notes, { text: PRIVATE_NOTE, private: true });
        return `pair ${pair.id}, series ${String((series[0] as { id?: unknown }).id ?? '')}, first meeting ${pair.session.start}`;
      },
    },
    {
      name: "the tab in a Teams meeting (at Teams' origin) signs in with SSO and shows the agenda from Graph",
      run: async () => {
        browser = await launchChromium();
        cleanups.unshift(() => browser.close());
        const context = await newContext(browser, { width: 1280, height: 900 });
        // Teams frames a public host; here the tab is on loopback, which Chromium lets a public page frame only
        // with the local network access permission (docs/rehearsal.md).
        await context.grantPermissions(['local-network-access'], { origin: TEAMS_ORIGIN });
        const teams = await serveTeamsHost(context, (user) => token(user as keyof typeof M365_PEOPLE));
        const avery = M365_PEOPLE.avery;
        const query = new URLSearchParams({
          tab: `${service.url}/tab/`,
          user: 'avery',
          sso: 'host',
          tid: TENANT_ID,
          oid: avery.id,
          organizer: avery.id,
          chatId: pair.chatId,
          frameContext: 'sidePanel',
          meetingStart: pair.session.start,
        });
        const page = await context.newPage();
        const errors = consoleErrors(page);
        await page.goto(`${TEAMS_ORIGIN}/teams-host/index.html?${query}`);
        const tab = page.frameLocator('#frame');
        try {
          await tab.getByRole('heading', { name: /1:1 with Blake Report/ }).waitFor({ timeout: 60_000 });
        } catch (error) {
          const shown = await tab
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '(no frame)');
          const asked = await page.evaluate('window.teamsHost && window.teamsHost.requests').catch(() => undefined);
          throw new Error(
            `${String(error)}\nthe tab shows: ${shown.slice(0, 500)}\nTeams was asked: ${JSON.stringify(asked)}\n` +
              `browser console:\n${errors.join('\n')}`,
            { cause: error },
          );
        }
        const frameUrl =
          page
            .frames()
            .find((f) => f !== page.mainFrame())
            ?.url() ?? '';
        if (!frameUrl.startsWith(service.url)) throw new Error(`the frame shows ${frameUrl}`);
        if (teams.ssoRequests.length === 0) throw new Error('the tab never asked Teams for an SSO token');
        await context.close();
        return `framed by ${TEAMS_ORIGIN}, ${teams.ssoRequests.length} SSO token(s) for Avery`;
      },
    },
    {
      name: 'the add-in in Outlook (Office fake) signs in through nested app authentication; Blake adds a topic',
      run: async () => {
        const blake = M365_PEOPLE.blake;
        const oboBefore = idp.tokenRequests.filter((g) => g.endsWith('jwt-bearer')).length;
        const context = await newContext(browser, { width: 360, height: 900 });
        const fakeOffice = path.join(root, 'dist', 'web', 'outlook-addin', 'fake-office.js');
        if (!fs.existsSync(fakeOffice)) throw new Error(`${fakeOffice} is missing: run npm run build:web`);
        await context.route('**/office.js', (route) =>
          route.fulfill({ path: fakeOffice, contentType: 'text/javascript' }),
        );
        const bridge = await installNaaBridge(context, {
          tenantId: TENANT_ID,
          oid: blake.id,
          username: blake.mail,
          name: blake.displayName,
          accessToken: () => token('blake'),
          idToken: () => idToken('blake'),
        });
        const appointment: FakeAppointmentConfig = {
          ...demoAppointment({
            mode: 'read',
            role: 'attendee',
            start: pair.session.start,
            joinUrl: pair.joinUrl,
            organizer: { displayName: M365_PEOPLE.avery.displayName, emailAddress: M365_PEOPLE.avery.mail },
            attendee: { displayName: blake.displayName, emailAddress: blake.mail },
          }),
          nestedAppAuth: true,
        };
        await context.addInitScript((config) => {
          (globalThis as unknown as { __tandemFakeOffice: unknown }).__tandemFakeOffice = config;
        }, appointment);
        const page = await context.newPage();
        const errors = consoleErrors(page);
        await page.goto(`${service.url}/outlook-addin/taskpane.html`);
        try {
          await page.getByRole('heading', { name: /1:1 with Avery Manager/ }).waitFor({ timeout: 60_000 });
          await page.getByRole('textbox', { name: 'New topic' }).fill(TOPIC);
          await page.getByRole('button', { name: 'Add topic' }).click();
          await page.getByText(TOPIC).first().waitFor({ timeout: 30_000 });
        } catch (error) {
          const shown = await page
            .locator('body')
            .innerText({ timeout: 1_000 })
            .catch(() => '');
          throw new Error(
            `${String(error)}\nthe pane shows: ${shown.slice(0, 500)}\nbrowser console:\n${errors.join('\n')}`,
            { cause: error },
          );
        }
        await eventually(async () => {
          const agenda = JSON.stringify(
            await api('avery', 'GET', `/api/pairs/${pair.id}/sessions/${encodeURIComponent(pair.session.id)}`),
          );
          if (!agenda.includes(TOPIC)) throw new Error(`Avery's agenda lacks "${TOPIC}"`);
        });
        await context.close();
        const methods = bridge.requests.map((r) => r.method);
        if (!methods.includes('GetInitContext') || !methods.some((m) => m.startsWith('GetToken')))
          throw new Error(`the bridge was asked ${methods.join(', ') || 'nothing'}`);
        const obo = idp.tokenRequests.filter((g) => g.endsWith('jwt-bearer')).length - oboBefore;
        return `bridge: ${methods.join(', ')}; ${obo} on-behalf-of exchange(s) at the local authority; the topic is on Avery's agenda`;
      },
    },
    {
      name: "Blob (Azurite) holds the job state, written with the managed identity's token",
      run: async () => {
        const container = provisioned.appSettings.TANDEM_BLOB_CONTAINER ?? provisioned.env.STORAGE_BLOB_CONTAINER;
        if (!container) throw new Error('no blob container in the settings or the provision outputs');
        // Read with the account key: what the service wrote, not what it could read back through its own code.
        const blobs: string[] = [];
        const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
        for await (const blob of client.listBlobsFlat()) blobs.push(blob.name);
        const jobs = blobs.filter((name) => /(^|\/)jobs?\//.test(name));
        if (jobs.length === 0) throw new Error(`no job documents in ${container}: ${blobs.join(', ') || 'empty'}`);
        if (!identity.requests.some((r) => r.startsWith('https://storage.azure.com')))
          throw new Error(`the managed identity endpoint was asked for ${identity.requests.join(', ') || 'nothing'}`);
        if (fs.existsSync(path.join(work, 'data', 'ops')))
          throw new Error('the service also wrote operational state to its data folder');
        return `${container}: ${blobs.join(', ')}; ${identity.requests.length} managed identity token request(s)`;
      },
    },
    {
      name: 'Application Insights (loopback ingestion) gets requests and Graph dependencies, no note text, no token',
      run: async () => {
        const graphHost = new URL(graph.url).hostname;
        await eventually(async () => {
          const requests = ingestion.ofType('RequestData');
          const dependencies = ingestion.ofType('RemoteDependencyData');
          if (requests.length === 0) throw new Error('no request telemetry yet');
          if (!dependencies.some((d) => String(d.target ?? '').includes(graphHost)))
            throw new Error(`no Graph dependency yet (${dependencies.length} dependencies)`);
        }, 60_000);
        const everything = ingestion.bodies.join('\n');
        for (const secret of [PRIVATE_NOTE, SHARED_NOTE, TOPIC, CLIENT_SECRET]) {
          if (everything.includes(secret)) throw new Error(`telemetry carries "${secret}"`);
        }
        const jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.exec(everything);
        if (jwt) throw new Error(`telemetry carries a token: ${jwt[0].slice(0, 20)}…`);
        const requests = ingestion.ofType('RequestData');
        const dependencies = ingestion.ofType('RemoteDependencyData');
        return `${ingestion.envelopes.length} envelopes: ${requests.length} requests, ${dependencies.length} dependencies`;
      },
    },
    {
      name: 'the bot, with Bot Framework tokens, is added to the meeting chat; the meeting ends; the recap lands there',
      run: async () => {
        const avery = M365_PEOPLE.avery;
        const bot = { id: `28:${CLIENT_ID}`, name: 'Tandem' };
        let n = 0;
        const post = async (activity: Record<string, unknown>) => {
          const channelToken = await idp.channelToken({ audience: CLIENT_ID, serviceUrl: connector.serviceUrl });
          const response = await fetch(`${service.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${channelToken}` },
            body: JSON.stringify({
              id: `rehearsal-${++n}`,
              channelId: 'msteams',
              serviceUrl: connector.serviceUrl,
              timestamp: new Date().toISOString(),
              from: { id: '29:avery', aadObjectId: avery.id, name: avery.displayName },
              recipient: bot,
              conversation: { id: pair.chatId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
              channelData: { tenant: { id: TENANT_ID } },
              ...activity,
            }),
          });
          const text = await response.text();
          if (response.status !== 200 && response.status !== 201)
            throw new Error(`${String(activity.type)} answered ${response.status}: ${text.slice(0, 300)}`);
        };
        const meeting = { Id: 'rehearsal-meeting', MeetingType: 'Scheduled', JoinUrl: pair.joinUrl, Title: '1:1' };
        await post({ type: 'conversationUpdate', membersAdded: [bot] });
        await post({
          type: 'event',
          name: 'application/vnd.microsoft.meetingStart',
          value: { ...meeting, StartTime: new Date().toISOString() },
        });
        await post({
          type: 'event',
          name: 'application/vnd.microsoft.meetingEnd',
          value: { ...meeting, EndTime: new Date().toISOString() },
        });
        await connector
          .waitFor(
            (all) => all.some((r) => r.conversationId === pair.chatId && r.activity.summary === 'Your 1:1 recap'),
            30_000,
          )
          .catch(async (error: unknown) => {
            const session = (await api(
              'avery',
              'GET',
              `/api/pairs/${pair.id}/sessions/${encodeURIComponent(pair.session.id)}`,
            )) as { status?: string };
            throw new Error(
              `${String(error)}\nthe session is ${String(session.status)}\nthe service said:\n${serviceSaid(service, /meeting|recap|job|bot/i)}`,
              { cause: error },
            );
          });
        const recap = connector.received.find(
          (r) => r.conversationId === pair.chatId && r.activity.summary === 'Your 1:1 recap',
        )!;
        const text = textOf(recap.activity);
        for (const expected of ['Recap: Avery Manager / Blake Report 1:1', TOPIC, SHARED_NOTE]) {
          if (!text.includes(expected)) throw new Error(`the recap lacks "${expected}": ${text.slice(0, 500)}`);
        }
        if (text.includes(PRIVATE_NOTE)) throw new Error('the recap shows a private note');
        if (!recap.authorization?.startsWith('Bearer ')) throw new Error('the bot posted without its own token');
        return `${connector.received.length} activities posted; the recap in ${pair.chatId} names the topic and the shared note, not the private one`;
      },
    },
    {
      name: 'nothing left the machine',
      run: async () => {
        const refused = fs.existsSync(refusedLog)
          ? [...new Set(fs.readFileSync(refusedLog, 'utf8').split('\n').filter(Boolean))]
          : [];
        const unexpected = refused.filter((h) => !EXPECTED_REFUSALS.some((r) => r.test(h.replace(/:[^:]*$/, ''))));
        if (unexpected.length > 0) throw new Error(`the service tried to reach ${unexpected.join(', ')}`);
        return refused.length > 0
          ? `refused at the socket: ${refused.join(', ')} (the telemetry SDK's own calls)`
          : 'no connection beyond loopback was attempted';
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

/** The service's log lines that are warnings or errors, or match `about`: what to show when a step fails. */
function serviceSaid(service: ServerProcess, about: RegExp): string {
  return service.output
    .split('\n')
    .filter((line, at, all) => (/"level":(40|50|60)/.test(line) || about.test(line)) && all.indexOf(line) === at)
    .slice(-8)
    .map((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string; stack?: string } };
        const frames = (entry.err?.stack ?? '').split('\n').slice(1, 6).join(' ');
        return `${entry.msg ?? ''}: ${entry.err?.message ?? ''} ${frames}`.slice(0, 900);
      } catch {
        return line.slice(0, 400);
      }
    })
    .join('\n');
}

/** Errors the page and its frames print, and requests that failed: what to show when a step fails. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return errors;
}

/** Retries until `check` passes or the time is up (the service works asynchronously: jobs, telemetry batches). */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
