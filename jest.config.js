/** Jest runs the TypeScript tests through ts-jest; every test file lives under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js']
};
