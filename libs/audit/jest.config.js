module.exports = { ...require('../../jest.preset'), displayName: 'audit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
