import pino from 'pino';
import { ConfigError, parseConfig } from './config';

/** `npm start`: parse the config once, start, and shut down gracefully on SIGINT / SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // Loaded only when configured: the Azure Monitor distribution is large.
  if (config.telemetry) (await import('./telemetry')).startTelemetry(config.telemetry.connectionString);
  // Loaded after telemetry starts, so its HTTP server is instrumented.
  const { startTandem } = await import('./app');
  const logger = pino({ level: config.logLevel });
  const tandem = await startTandem(config, { logger });
  // One machine-readable line with the port actually bound (PORT=0 picks a free one): scripts and tests wait for it.
  logger.info(
    { url: tandem.url, port: tandem.port, mode: config.mode, dataDir: config.dataDir, seeded: tandem.seeded },
    'listening',
  );
  if (config.allowRemote) {
    const warning = `WARNING: embedded mode listens on ${config.host}, reachable from other machines (TANDEM_ALLOW_REMOTE=true). It has no real sign-in and does not check the Host header. Use Microsoft 365 mode to serve anyone but yourself.`;
    logger.warn({ host: config.host }, warning);
    console.error(['!'.repeat(78), warning, '!'.repeat(78)].join('\n'));
  }
  if (config.mode === 'embedded') {
    const line = '='.repeat(78);
    console.log(
      [
        line,
        ' TANDEM IN EMBEDDED MODE: no Microsoft 365 tenant. Demo data, local calendar, dev tokens.',
        ' Dev tokens are signed by this process and accepted from this machine only. Not for production.',
        line,
        ` Service       ${tandem.url}/healthz`,
        ` API           ${tandem.url}/api/openapi.json`,
        ` Demo users    avery (manager of blake, casey and emery), blake, casey, emery, devon`,
        ` Try it        curl -s -XPOST ${tandem.url}/api/dev/token -H 'content-type: application/json' -d '{"user":"blake"}'`,
        ` Data folder   ${config.dataDir}${tandem.seeded ? ' (demo data seeded)' : ''}`,
        line,
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    tandem.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // A second service on the same data folder is a person's mistake, said in one line (adapters/embedded).
  if (error instanceof Error && error.name === 'DataFolderInUseError') {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
