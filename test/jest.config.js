// Cross-service end-to-end specs: every service in its own process, real Kafka, real PostgreSQL.
module.exports = {
  ...require('../jest.preset'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 180000,
};
