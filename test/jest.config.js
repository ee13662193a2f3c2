// Cross-service end-to-end specs: every service in its own process, real Kafka, real PostgreSQL; the fault suite.
module.exports = {
  ...require('../jest.preset'),
  displayName: 'platform',
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/e2e/**/*.e2e-spec.ts',
    '<rootDir>/browser/**/*.e2e-spec.ts',
    '<rootDir>/fault/**/*.e2e-spec.ts',
    '<rootDir>/lint/**/*.spec.ts',
    '<rootDir>/deploy/**/*.spec.ts',
    '<rootDir>/deploy/**/*.e2e-spec.ts',
  ],
  testTimeout: 180000,
};
