/**
 * End-to-end specs: a real browser (Debian's Chromium through playwright-core) against the
 * built portal, started once for the whole run by support/global-setup.ts.
 * Run from the repository root with `npm run test:e2e` after `npm run build`.
 */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/specs/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/support/jest-setup.ts'],
  // Generous but bounded: a cold page load on a busy 2-core CI machine takes a few seconds.
  testTimeout: 60_000,
  slowTestThreshold: 15,
  maxWorkers: 1,
};
