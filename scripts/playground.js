// `npm start` and `npm run playground`: Tandem, and in embedded mode the Microsoft 365 Agents Playground as
// the Teams client of its bot (the sandbox's chat pane). The Playground's user (user-id-0) is Blake; set
// TANDEM_BOT_IDENTITIES to map others. `npm run playground` attaches to a Tandem already running on PORT.
// With a tenant (TANDEM_MODE=m365, or TANDEM_ENV naming env files) only the service starts: Teams is real.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const port = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
// The bot answers only the Playground's connector (embedded mode's allow-list).
const env = {
  TANDEM_BOT_IDENTITIES: 'user-id-0=blake',
  TANDEM_BOT_SERVICE_URLS: `http://localhost:${playgroundPort}/_connector,http://127.0.0.1:${playgroundPort}/_connector`,
  ...process.env,
  PORT: port,
};

/** Attach to a Tandem that already runs on the port (`npm start` in another terminal), else start one. */
async function tandemRunning() {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Where everything is, printed once Tandem answers its health check. */
async function bannerWhenUp() {
  for (let i = 0; i < 600 && !(await tandemRunning()); i++) await new Promise((r) => setTimeout(r, 500));
  const base = `http://localhost:${port}`;
  const lines = [
    'Tandem is running (embedded mode: demo data, no tenant).',
    '',
    `  Sandbox: Outlook, Teams and the bot chat side by side   ${base}/`,
    `  Teams tab (pick a demo user)                            ${base}/tab/`,
    `  Outlook add-in sandbox                                  ${base}/outlook-addin/sandbox.html`,
    `  Agents Playground: the bot chat (you are Blake)         http://localhost:${playgroundPort}/`,
    '',
    'Stop with Ctrl+C.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = '='.repeat(width);
  console.log(['', rule, ...lines.map((l) => ` ${l}`), rule, ''].join('\n'));
}

const embedded = !process.env.TANDEM_ENV && (process.env.TANDEM_MODE ?? 'embedded') === 'embedded';

async function main() {
  const server = (await tandemRunning())
    ? undefined
    : spawn(process.execPath, [path.join(root, 'dist/server/main.js')], { env, stdio: 'inherit' });
  if (!embedded) {
    server?.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  const playground = spawn(
    path.join(root, 'node_modules/.bin/agentsplayground'),
    ['-e', `http://127.0.0.1:${port}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
    // The sandbox shows its chat; a browser window of its own is opened only when asked for.
    { env: { TEAMSAPPTESTER_BROWSER: 'none', ...process.env }, stdio: 'inherit' },
  );
  // The banner comes once Tandem answers, after its start-up lines, so it is the last thing on screen.
  void bannerWhenUp();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const child of [playground, server]) if (child && child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server?.on('exit', stop);
  // The chat pane is the sandbox's, not the service's: when the Playground stops, Tandem keeps running.
  playground.on('exit', (code) => {
    if (server && !stopping) console.warn(`The Agents Playground stopped (${code}); Tandem keeps running.`);
    else stop();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
