/** Jest runs the TypeScript tests through ts-jest; every test file lives under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }]
  },
  // Only a bound for a test that hangs: the machines are shared and noisy, so no test is timed against the clock.
  testTimeout: 300000,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js']
};
