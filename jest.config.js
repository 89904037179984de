// Unit tests sit beside the code; integration tests (real server, child processes) live in tests/; browser
// tests drive Debian's Chromium against the real built server.
const transform = { '^.+\\.(t|j|mj)sx?$': ['@swc/jest'] };
const transformIgnorePatterns = [
  '/node_modules/(?!(jose|oauth2-mock-server|is-plain-obj|strip-bom|uuid|@formatjs|intl-messageformat|react-intl)/)',
];
const common = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/{adapters,core,server,bot,ui,tab,outlook-addin,scripts}/**/*.test.ts',
        '<rootDir>/tests/architecture/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/{ui,tab,outlook-addin}/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/ui/test-setup.ts'],
      transform: {
        '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
      },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/jest-integration-setup.ts'],
    },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
};
