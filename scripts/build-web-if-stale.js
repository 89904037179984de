'use strict';
// `npm start` and the browser tests need the web bundles (the Teams tab, the Outlook add-in); webpack takes
// ~40 s cold, so each runs only when a source, its config or the lock file is newer than that surface's last
// successful build's stamp (not its HTML: webpack leaves an unchanged output file untouched, so its time
// says nothing).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const shared = [
  'ui',
  'core',
  'webpack.config.js',
  'scripts/precompile-messages-loader.js',
  'scripts/precompute-theme-loader.js',
  'package-lock.json',
  'tsconfig.web.json',
];
const surfaces = [
  { name: 'Teams tab', id: 'tab', output: 'index.html', config: 'webpack.config.js', inputs: [...shared, 'tab'] },
  {
    name: 'Outlook add-in',
    id: 'outlook-addin',
    output: 'taskpane.html',
    config: 'webpack.addin.js',
    // The add-in reuses the tab's embedded-mode token source and session lookup.
    inputs: [...shared, 'tab', 'outlook-addin', 'webpack.addin.js'],
  },
];

function newest(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

for (const surface of surfaces) {
  const output = path.join(root, 'dist', 'web', surface.id, surface.output);
  const stamp = path.join(root, 'dist', 'web', `.${surface.id}-build-stamp`);
  const built = fs.existsSync(output) ? (fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0) : 0;
  const sources = Math.max(...surface.inputs.map((i) => newest(path.join(root, i))));
  if (built > sources) continue;
  console.log(`Building the ${surface.name} bundle (webpack; a minute or more the first time)…`);
  const cli = require.resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, '--config', surface.config, '--env', 'progress'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
