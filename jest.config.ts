import type { Config } from 'jest';

// ESM throughout: TypeScript is compiled by SWC, `.js` import specifiers map back to `.ts` sources.
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/{actions,packages}/*/tests/**/*.test.ts', '<rootDir>/scripts/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
  // Tests spawn bundles and servers; two workers match the machine's two cores.
  maxWorkers: 2,
  setupFilesAfterEnv: ['<rootDir>/scripts/jest-setup.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.mjs'],
};

export default config;
