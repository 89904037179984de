import * as path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Next, Request, Response, Server } from 'restify';
import type { Clock } from '../core/clock';
import { createUseCases, type UseCases } from '../core/use-cases';
import { isLoopback } from './auth/authenticator';
import { closeFileStoresUnder, prepareDataFolder } from '../adapters/embedded/file-document-store';
import { DemoDirectory } from '../adapters/embedded/demo-directory';
import { createAdapters } from './adapters';
import { startBot } from './bot-wiring';
import type { JobRunner } from './jobs/job-runner';
import type { Config } from './config';
import { ChangeNotificationInbox } from './calendar-notifications/change-notifications';
import { seedDemo } from './seed-demo';
import { apiRoutes } from './http/routes';
import { createHttpServer } from './http/http-server';
import { clientConfigRoute } from './http/client-config';
import { installRequestGuards, type RequestGuards } from './http/request-guards';
import { buildOpenApi } from './http/openapi';
import { route, type AnyRoute } from './http/route';
import { closeAllEventStreams } from './http/sse';
import { mountLegalPages } from './http/legal-pages';
import { mountStaticSurface } from './http/static-files';
import { ChangeHub } from './live/change-hub';
import { randomIds, systemClock } from './system-clock';

export const VERSION = '0.1.0';

export interface RunningTandem {
  readonly url: string;
  readonly port: number;
  readonly useCases: UseCases;
  readonly hub: ChangeHub;
  /** The route table (the OpenAPI document is generated from it). */
  readonly routes: readonly AnyRoute[];
  readonly seeded: boolean;
  /** Microsoft 365 mode with a public URL. */
  readonly notifications?: ChangeNotificationInbox;
  /** The bot's job runner: prompts, recaps and nudges. */
  readonly jobs: Pick<JobRunner, 'nextTick'>;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/** The one place that wires config, adapters, use-cases and HTTP routes together. */
export async function startTandem(config: Config, options: StartOptions = {}): Promise<RunningTandem> {
  const logger = options.logger ?? pino({ level: config.logLevel, redact: ['req.headers.authorization'] });
  const clock = options.clock ?? systemClock;
  // The data folder holds private notes and ratings whenever it is used: private, and clean of dead temp files.
  if (config.mode === 'embedded' || !config.bot.blob) await prepareDataFolder(config.dataDir);
  const adapters = createAdapters(config, logger);
  const hub = new ChangeHub();
  const deps = {
    store: adapters.store,
    personalStores: adapters.personalStores,
    calendar: adapters.calendar,
    directory: adapters.directory,
    clock,
    ids: randomIds,
    changes: hub,
    ...(adapters.taskMirror && { taskMirror: adapters.taskMirror }),
  };
  const useCases = createUseCases(deps);
  // The demo organisation exists only in embedded mode.
  const seeded = config.seedDemo && config.mode === 'embedded' ? await seedDemo(deps, clock.now()) : false;
  const { authenticator } = adapters;
  const routes: AnyRoute[] = [
    route({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness',
      tag: 'service',
      auth: 'none',
      success: 200,
      handle: async () => ({ json: { status: 'ok', mode: config.mode, version: VERSION } }),
    }),
    clientConfigRoute(config),
  ];
  let openApi: unknown;
  routes.push(
    ...apiRoutes({
      useCases,
      hub,
      clock,
      ...(adapters.issueDevToken && { issueDevToken: adapters.issueDevToken }),
      isLoopback: (ctx) => isLoopback(ctx.req.socket.remoteAddress),
      openApi: () => (openApi ??= buildOpenApi(routes, VERSION)),
      ...(adapters.directory instanceof DemoDirectory && { demoDirectory: adapters.directory }),
    }),
  );
  const inbox = adapters.subscriptions && new ChangeNotificationInbox(adapters.subscriptions, useCases, logger);
  if (inbox) routes.push(inbox.route(), inbox.syncRoute());
  // The directory's changes (a report's new manager, a leaver) are found by an hourly reconciliation.
  const reconciliation = setInterval(() => {
    useCases.lifecycle
      .reconcile()
      .then((changes) => changes.length > 0 && logger.info({ changes }, 'the directory changed 1:1s'))
      .catch((error: unknown) => logger.error({ err: error }, 'reconciliation with the directory failed'));
  }, 3_600_000).unref();
  // Subscriptions last under 7 days: look for ones to renew every hour.
  const renewal =
    adapters.subscriptions &&
    setInterval(() => {
      adapters.subscriptions!.renewDue().catch((error: unknown) => logger.error({ err: error }, 'renewal failed'));
    }, 3_600_000).unref();
  const server: Server = createHttpServer({
    routes,
    authenticator,
    logger,
    name: 'tandem',
    onAuthenticated: (caller) => guards.authenticated(caller),
  });
  // Rate limits run on real time even when the domain runs on a simulated clock (tests).
  const guards: RequestGuards = installRequestGuards(server, {
    mode: config.mode,
    checkHost: config.mode === 'embedded' && !config.allowRemote,
    limits: config.rateLimits,
    clock: systemClock,
  });
  for (const surface of ['tab', 'outlook-addin']) mountStaticSurface(server, config.staticDir, surface);
  const repo = path.resolve(__dirname, '..', '..');
  // The Outlook ribbon's button icons, referenced by absolute URL from the app manifest.
  mountStaticSurface(server, path.join(repo, 'appPackage'), 'icons');
  mountLegalPages(server);
  if (config.mode === 'embedded') {
    // The local sandbox: Outlook, the Teams meeting (a fake Teams host framing the real tab) and the bot chat.
    mountStaticSurface(server, repo, 'sandbox');
    server.get('/', (req: Request, res: Response, next: Next) => {
      const query = new URL(req.url ?? '/', 'http://localhost').search;
      res.writeHead(302, { location: `/sandbox/${query}` });
      res.end();
      next();
    });
  }
  const bot = startBot(server, { config, ops: adapters.operational, useCases, clock, logger, hub });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  bot.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    useCases,
    hub,
    routes,
    seeded,
    ...(inbox && { notifications: inbox }),
    jobs: bot.runner,
    close: async () => {
      if (renewal) clearInterval(renewal);
      clearInterval(reconciliation);
      await inbox?.idle();
      await bot.stop();
      closeAllEventStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Every acknowledged write in its file and fsynced, the journals empty and the data folder unlocked.
      await closeFileStoresUnder(config.dataDir);
    },
  };
}
