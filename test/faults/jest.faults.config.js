// The fault tier alone (`npx jest -c test/faults/jest.faults.config.js`); jest.config.js has the same project.
// Each test starts, kills and restarts its own PostgreSQL, Temporal dev server, workers and APIs.
/** @type {import('jest').Config} */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
  maxWorkers: 1,
};
