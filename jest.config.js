// Three projects: `unit` needs nothing; `e2e` runs the built bundles through the runner contract;
// `integration` needs the sandbox (real sshd, Docker, registry, Slack endpoint), which its global
// setup brings up (idempotent) so that a missing part fails the run instead of skipping tests.
const tsJest = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testEnvironment: 'node'
}

export default {
  // One test file at a time: the integration tests share the sandbox's hosts (every test app binds
  // the host's APP_ADDR), and a 2-core machine gains nothing from more workers.
  maxWorkers: 1,
  projects: [
    { ...tsJest, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...tsJest,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.js'
    },
    {
      ...tsJest,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/sandbox/global-setup.js'
    }
  ]
}
