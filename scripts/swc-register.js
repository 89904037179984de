'use strict';
// Lets a plain `node` process run TypeScript: `node --require ./scripts/swc-register.js file.ts`.
// Compiles each .ts file on first require with @swc/core (no type checking: that is tsc's job). Used by
// tests that need a real child process, e.g. to SIGKILL a writer in the middle of a burst.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx') }, target: 'es2022' },
  });
  module._compile(code, filename);
}

// require.extensions is deprecated but is still the supported way to hook CommonJS loading on Node 20.
require.extensions['.ts'] = compileTypeScript;
require.extensions['.tsx'] = compileTypeScript;
