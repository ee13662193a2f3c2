module.exports = { ...require('../../jest.preset'), displayName: 'calendar', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
