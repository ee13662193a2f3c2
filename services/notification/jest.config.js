module.exports = {
  ...require('../../jest.preset'),
  displayName: 'notification',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 180000,
};
