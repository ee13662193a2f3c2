// Specs of the auth library: `npx jest -c libs/auth/jest.config.js`. The shared preset transpiles with ts-jest
// (isolatedModules set in the root tsconfig.spec.json, the ts-jest 29.4 way without deprecation warnings).
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'auth',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
