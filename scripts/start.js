// `npm start`: compile the service, build the web bundles when their sources changed (scripts/build-web-if-stale.js
// shows webpack's progress), then run Tandem and, in embedded mode, the Agents Playground (scripts/playground.js).
// Each step says what it does, so a first start (several minutes on a small machine) is never silent.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const steps = [
  ['1/3 Compiling the service (TypeScript)…', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']],
  [
    '2/3 Checking the web bundles (the Teams tab, the Outlook add-in)…',
    [path.join(__dirname, 'build-web-if-stale.js')],
  ],
];
for (const [title, args] of steps) {
  console.log(title);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`    done in ${Math.round((Date.now() - started) / 1000)} s`);
}
console.log('3/3 Starting Tandem…');
require('./playground.js');
