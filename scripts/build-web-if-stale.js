'use strict';
// `npm start` and the browser tests need the tab bundle; webpack takes ~40 s cold, so it runs only when a
// source, the config or the lock file is newer than the built index.html.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const output = path.join(root, 'dist', 'web', 'tab', 'index.html');
const inputs = ['ui', 'tab', 'core', 'webpack.config.js', 'package-lock.json', 'tsconfig.web.json'];

function newest(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

const built = fs.statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (built > sources) process.exit(0);
console.log('Building the Teams tab bundle (webpack)…');
const result = spawnSync(
  process.execPath,
  [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.config.js'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
