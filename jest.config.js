// Test tiers, recognisable by suffix (see docs/testing.md): pure rules, workflows on the time-skipping server,
// integration against real PostgreSQL and the real Temporal dev server, faults (processes killed under load).
// `npm test` runs them all.
/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  testTimeout: 180_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  maxWorkers: 1,
  // The tests run one file at a time in one worker process, which is started afresh once it holds more than this after
  // a file: run in the main process instead, the whole suite's leftovers (each file's modules, servers' buffers) grew
  // past Node's 4 GB heap two thirds of the way through `npm test`.
  workerIdleMemoryLimit: '1500MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'], setupFiles: ['<rootDir>/test/support/property-setup.ts'] },
    { ...common, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.workflow-spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/support/property-setup.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // Each fault test starts its own PostgreSQL, Temporal server, workers and APIs as processes it can kill.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'], globalSetup: '<rootDir>/test/faults/support/global-setup.ts' },
    // Faults only a cluster has (one Temporal service killed or restarted): `npm run test:cluster` alone runs them.
    ...(process.env.TEST_TEMPORAL === 'cluster'
      ? [{ ...common, displayName: 'cluster-faults', testMatch: ['<rootDir>/test/faults/cluster/**/*.cluster-fault-spec.ts'], globalSetup: '<rootDir>/test/faults/support/global-setup.ts' }]
      : []),
  ],
};
