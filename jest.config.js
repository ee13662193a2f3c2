// All tests: `npm test` (or `npx jest <path>` for some). Integration and end-to-end specs talk to a real Kafka
// broker (started here on port 19092 unless KAFKA_BROKERS is set) and a fresh PostgreSQL database.
const fs = require('node:fs');
const path = require('node:path');

const projects = ['libs', 'services']
  .flatMap((dir) => fs.readdirSync(path.join(__dirname, dir)).map((p) => path.join(__dirname, dir, p, 'jest.config.js')))
  .concat([path.join(__dirname, 'test', 'jest.config.js')])
  .filter((p) => fs.existsSync(p));

module.exports = {
  projects,
  // Integration and end-to-end specs start real processes; testTimeout is a global option in multi-project runs.
  testTimeout: 180000,
  globalSetup: '<rootDir>/tools/test/jest.global-setup.js',
  globalTeardown: '<rootDir>/tools/test/jest.global-teardown.js',
};
