/**
 * Jest runs the SPA as CommonJS through ts-jest, transpile-only (the tsconfig has
 * isolatedModules; `npm run typecheck` does the type checking). Nothing here may use
 * `import.meta`, which only src/main.tsx (never loaded by tests) would need.
 *
 * transformIgnorePatterns: Jest skips node_modules by default. Two kinds of files need compiling:
 * - @portal/* workspace packages are TypeScript source. Jest follows their symlinks to real
 *   paths under packages/, outside node_modules, so they are compiled anyway; the entry keeps
 *   that true should they ever be installed as copies.
 * - msw 2.13+ requires a few ESM-only packages from its CommonJS build. Node 20's Jest cannot
 *   require() ES modules, so ts-jest (allowJs in tsconfig.test.json) turns them into CommonJS.
 */
const transformedPackages = [
  '@portal',
  'rettime',
  'until-async',
  'set-cookie-parser',
  '@open-draft/deferred-promise',
];

module.exports = {
  displayName: '@portal/web',
  // msw 2 needs Node's fetch, streams and TextEncoder inside the jsdom environment.
  testEnvironment: 'jest-fixed-jsdom',
  roots: ['<rootDir>/src'],
  // Page tests walk through several screens, each find waiting up to 30 s (setup-tests.ts).
  testTimeout: 120_000,
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
  transform: {
    '^.+\\.(tsx?|m?js)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${transformedPackages.join('|')})/)`],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/src/testing/style-stub.cjs',
    // The app's own translations runtime, as in the Vite build (vite.config.ts).
    '^react-i18next$': '<rootDir>/src/lib/react-i18n.tsx',
  },
  clearMocks: true,
};
