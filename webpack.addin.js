'use strict';
// The Outlook add-in bundles, on the tab's webpack setup (swc, ES modules kept for tree-shaking): the task
// pane (production HTML loads Office.js from Microsoft's CDN), the embedded-mode sandbox page, and the fake
// Office.js the sandbox and the browser tests use. Output: dist/web/outlook-addin, served at /outlook-addin/.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const tabConfig = require('./webpack.config.js');

module.exports = (env = {}) => {
  const base = tabConfig({
    ...env,
    out: 'dist/web/outlook-addin',
    publicPath: '/outlook-addin/',
    progressName: 'Outlook add-in',
  });
  // The sandbox page plays Outlook itself (the fake Office.js is in its bundle): no CDN script there.
  const page = (filename, chunk, title, officeJs) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: path.resolve(__dirname, 'outlook-addin', 'taskpane.html'),
      // Nothing deployment-specific: the page asks the service for its settings (GET /api/client-config).
      templateParameters: { title, officeJs },
    });
  return {
    ...base,
    entry: {
      taskpane: './outlook-addin/index.tsx',
      sandbox: './outlook-addin/sandbox/sandbox.tsx',
      'fake-office': './outlook-addin/sandbox/fake-office-script.ts',
      // Event-based activation: one self-contained script (classic Outlook on Windows loads it without a page).
      launch: './outlook-addin/launch-events.ts',
    },
    output: {
      ...base.output,
      // Fixed names: browser tests route office.js to the fake; the manifests name launch.js.
      filename: (data) =>
        data.chunk.name === 'fake-office' || data.chunk.name === 'launch' ? '[name].js' : '[name].[contenthash:12].js',
    },
    plugins: [
      ...base.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin)),
      page('taskpane.html', 'taskpane', 'Tandem', true),
      page('sandbox.html', 'sandbox', 'Tandem for Outlook: sandbox', false),
      page('launch.html', 'launch', 'Tandem', true),
    ],
    cache: {
      ...base.cache,
      name: 'outlook-addin',
      buildDependencies: { config: [__filename, require.resolve('./webpack.config.js')] },
    },
  };
};
