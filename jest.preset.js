// Shared Jest settings. ts-jest transpiles only (isolatedModules in tsconfig.spec.json); `npm run typecheck` checks
// types for the whole workspace in one pass, which is much faster than type-checking per test file.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools', 'test', 'jest.per-file-database.js')],
};
