// Lint for the whole workspace. The module-boundary rule is the one that matters most: a service may depend on
// shared libraries only, never on another service (docs/architecture.md §2), the console on shared libraries only, and
// libs/contracts depends on nothing.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

module.exports = [
  { ignores: ['**/node_modules/**', 'dist/**', '.local/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:review', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:expert-pool', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:assessment', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:publication', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The console talks to the services over HTTP only: no service code in its bundle or its server.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // A service's domain/ is its rules in plain TypeScript: no framework, no database, no broker, no other layer of
    // the service. Entities and SQL live in infrastructure/ (a repository per module), Nest wiring in the slices.
    files: ['services/*/src/**/domain/**/*.ts'],
    ignores: [
      // Being rebuilt to the handler/repository pattern separately.
      'services/publication/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'express', 'jose'],
              message: 'domain/ imports no framework: keep entities and SQL in infrastructure/, wiring in the slice.',
            },
            {
              group: ['@filing/messaging', '@filing/runtime', '@filing/audit', '@filing/auth'],
              message: 'domain/ imports no framework: pass what the rule needs as plain values.',
            },
            { group: ['**/infrastructure/**', '**/commands/**', '**/queries/**'], message: 'domain/ depends on nothing else in the service.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
