// Specs of the contracts library: `npx jest -c libs/contracts/jest.config.js`. The shared preset transpiles only
// (isolatedModules in the root tsconfig.spec.json); `npm run typecheck` checks the types.
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'contracts',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
