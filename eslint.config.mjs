import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-artifacts/', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is pure: no I/O, no SDKs, no environment, no wall clock.
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fs', 'node:*', 'http', 'restify', '../server/*', '../graph/*', '../bot/*', '../tests/*'] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a Clock.' },
        { object: 'process', property: 'env', message: 'core/ reads no environment.' },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout'],
    },
  },
  {
    // React components never reach a host SDK directly: tab/host/ (and later the add-in's host module) does.
    files: ['ui/**/*.{ts,tsx}', 'tab/**/*.{ts,tsx}'],
    ignores: ['tab/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@microsoft/teams-js', '@azure/msal-browser', '@microsoft/office-js'],
              message: 'Host SDKs live in tab/host/.',
            },
            { group: ['**/server/*', '**/tests/*', 'node:*'], message: 'Browser code imports core/ and ui/ only.' },
          ],
        },
      ],
    },
  },
  {
    // The add-in's views and logic never touch Office.js or MSAL: outlook-addin/office/ and auth/ do.
    files: ['outlook-addin/**/*.{ts,tsx}'],
    ignores: ['outlook-addin/office/**', 'outlook-addin/auth/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Use the host module in outlook-addin/office/.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@microsoft/teams-js', '@azure/msal-browser', '@microsoft/office-js'],
              message: 'Host SDKs live in outlook-addin/office/ and outlook-addin/auth/.',
            },
            { group: ['**/server/*', '**/tests/*', 'node:*'], message: 'Browser code imports core/ and ui/ only.' },
          ],
        },
      ],
    },
  },
);
