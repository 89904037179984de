// Unit tests sit beside the code; integration tests (real server, child processes) live in tests/.
const transform = { '^.+\\.(t|j|mj)sx?$': ['@swc/jest'] };
const transformIgnorePatterns = ['/node_modules/(?!(jose|oauth2-mock-server|is-plain-obj|strip-bom|uuid)/)'];
const common = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{core,server,graph,bot,ui}/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
  ],
};
