import * as path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Server } from 'restify';
import type { Clock } from '../core/clock';
import { createUseCases, type UseCases } from '../core/use-cases';
import { isLoopback } from './auth/authenticator';
import { DevTokenAuthenticator } from './auth/dev-token-authenticator';
import { startBot } from './bot-wiring';
import type { Config } from './config';
import { DEMO_PEOPLE, DemoDirectory } from './embedded/demo-directory';
import { FileDocumentStore, FilePersonalDocumentStores } from './embedded/file-document-store';
import { LocalCalendar } from './embedded/local-calendar';
import { seedDemo } from './embedded/seed-demo';
import { apiRoutes } from './http/api-routes';
import { createHttpServer } from './http/http-server';
import { buildOpenApi } from './http/openapi';
import { route, type AnyRoute } from './http/route';
import { closeAllEventStreams } from './http/sse';
import { mountStaticSurface } from './http/static-files';
import { ChangeHub } from './live/change-hub';
import { randomIds, systemClock } from './system-clock';

export const VERSION = '0.1.0';

export interface RunningTandem {
  readonly url: string;
  readonly port: number;
  readonly useCases: UseCases;
  readonly hub: ChangeHub;
  readonly seeded: boolean;
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
  const store = new FileDocumentStore(path.join(config.dataDir, 'shared'));
  const hub = new ChangeHub();
  const deps = {
    store,
    personalStores: new FilePersonalDocumentStores(path.join(config.dataDir, 'private')),
    calendar: new LocalCalendar(store),
    directory: new DemoDirectory(),
    clock,
    ids: randomIds,
    changes: hub,
  };
  const useCases = createUseCases(deps);
  const seeded = config.seedDemo ? await seedDemo(deps, clock.now()) : false;

  const authenticator = new DevTokenAuthenticator(new Set(DEMO_PEOPLE.map((p) => p.id)));
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
  ];
  let openApi: unknown;
  routes.push(
    ...apiRoutes({
      useCases,
      hub,
      issueDevToken: (userId) => authenticator.issue(userId),
      isLoopback: (ctx) => isLoopback(ctx.req.socket.remoteAddress),
      openApi: () => (openApi ??= buildOpenApi(routes, VERSION)),
    }),
  );
  const server: Server = createHttpServer({ routes, authenticator, logger, name: 'tandem' });
  for (const surface of ['tab', 'outlook-addin']) mountStaticSurface(server, config.staticDir, surface);
  const bot = startBot(server, { config, useCases, clock, logger });
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
    seeded,
    close: async () => {
      await bot.stop();
      closeAllEventStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
