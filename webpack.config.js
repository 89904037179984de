'use strict';
// The Teams tab bundle. swc keeps ES modules (module type es6) so webpack can tree-shake Fluent UI and its
// icons; with CommonJS output the bundle would carry all of @fluentui/react-icons (docs/toolchain.md, Bundling the browser code).
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { ProgressPlugin } = require('webpack');

/** `--env progress` (scripts/build-web-if-stale.js): one line per tenth of the build, so a first start is not silent. */
function progressLines(name) {
  let shown = -1;
  return new ProgressPlugin((fraction, message) => {
    const tenth = Math.floor(fraction * 10);
    if (tenth <= shown) return;
    shown = tenth;
    console.log(`  ${name}: ${tenth * 10}% ${tenth < 10 ? message : 'done'}`);
  });
}

const MESSAGES_LOADER = path.resolve(__dirname, 'scripts/precompile-messages-loader.js');
const THEME_LOADER = path.resolve(__dirname, 'scripts/precompute-theme-loader.js');
const GRIFFEL_LOADER = require.resolve('@griffel/webpack-loader');
/**
 * The persistent cache keeps modules' resolved requests across a changed `resolve.alias` (with the alias
 * below added, builds from a warm cache still bundled the ICU parser): its version follows this file and the
 * loaders (ours by content, Griffel's and its Babel preset by version), so a change to any starts a fresh cache.
 */
const CACHE_VERSION = createHash('sha256')
  .update(fs.readFileSync(__filename))
  .update(fs.readFileSync(MESSAGES_LOADER))
  .update(fs.readFileSync(THEME_LOADER))
  .update(fs.readFileSync(require.resolve('@griffel/webpack-loader/package.json')))
  .update(fs.readFileSync(require.resolve('@griffel/babel-preset/package.json')))
  .digest('hex')
  .slice(0, 16);

/** @param {{ entry?: string, out?: string, title?: string }} env */
module.exports = (env = {}) => {
  // The tab page: a small first script that only starts the Teams handshake and the settings request
  // (`boot`), and the app beside it (`main`), which shares its modules (`dependOn`: one copy of teams-js, one
  // module registry, so the app reads the boot's promises) and runs after it (docs/pages.md, Navigation).
  const entry = env.entry ?? {
    boot: './tab/boot.ts',
    main: { import: './tab/index.tsx', dependOn: 'boot' },
  };
  const out = env.out ?? 'dist/web/tab';
  const publicPath = env.publicPath ?? '/tab/';
  return {
    mode: 'production',
    entry,
    output: {
      path: path.resolve(__dirname, out),
      publicPath,
      filename: '[name].[contenthash:12].js',
      chunkFilename: '[name].[contenthash:12].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // The catalogs arrive parsed (the loader below), so react-intl needs no ICU parser at run time.
      alias: {
        '@formatjs/icu-messageformat-parser$': require.resolve('@formatjs/icu-messageformat-parser/no-parser.js'),
      },
    },
    module: {
      rules: [
        {
          // Before swc: the catalogs' messages as ASTs (docs/pages.md).
          test: /[\\/]core[\\/]i18n[\\/]catalogs[\\/].+\.ts$/,
          enforce: 'pre',
          use: MESSAGES_LOADER,
        },
        {
          // Fluent's themes as finished objects, not the palettes and functions that build them (docs/pages.md).
          test: /[\\/]node_modules[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]themes[\\/]\w+[\\/]\w+Theme\.js$/,
          use: THEME_LOADER,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // After swc (loaders run last to first): the app's makeStyles/makeResetStyles calls become the
            // precompiled __styles/__resetStyles Fluent's own packages ship, so no page carries Griffel's runtime
            // style compiler (docs/pages.md). Jest keeps compiling styles at run time.
            GRIFFEL_LOADER,
            {
              loader: 'swc-loader',
              options: {
                swcrc: false,
                module: { type: 'es6' },
                jsc: {
                  parser: { syntax: 'typescript', tsx: true },
                  target: 'es2020',
                  transform: { react: { runtime: 'automatic' } },
                },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        title: env.title ?? 'Tandem',
        template: path.resolve(__dirname, 'tab/index.html'),
      }),
      ...(env.progress ? [progressLines(env.progressName ?? 'Teams tab')] : []),
    ],
    // A library only one on-demand chunk uses stays in that chunk (webpack's default would split it into its
    // own script, one more request and gzip window for nothing); shared ones are still split (docs/pages.md).
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    performance: { hints: false },
    cache: { type: 'filesystem', version: CACHE_VERSION, buildDependencies: { config: [__filename] } },
    devtool: 'source-map',
  };
};
