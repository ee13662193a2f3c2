// Specs of the runtime library: `npx jest -c libs/runtime/jest.config.js`.
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'runtime',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
