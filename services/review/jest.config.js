module.exports = {
  ...require('../../jest.preset'),
  displayName: 'review',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 180000,
};
