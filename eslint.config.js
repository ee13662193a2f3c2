// Lint for the whole workspace. The module-boundary rule is the one that matters most: a service may depend on
// shared libraries only, never on another service (architecture §2), and libs/contracts depends on nothing.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

module.exports = [
  { ignores: ['**/node_modules/**', 'dist/**', '.local/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
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
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
