// Lint rules that keep the architecture honest: no floating promises anywhere, no `any` outside
// migrations, and workflow code that stays deterministic (no Node built-ins, no value imports from src/
// or activities/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'data/**', 'web/dist/**', 'web/legacy/**', 'coverage/**', 'src/platform/graphql/graphql.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The board (web/): hooks used by the rules of hooks; no Node built-ins in browser code.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/src/**/*.module', '../../src/**', '../../../src/**'], message: 'The board talks to the API over HTTP only.' }] }],
    },
  },
  {
    // NestJS injects by the emitted constructor parameter types: those imports must stay value imports.
    files: ['src/**/*.resolver.ts', 'src/**/*.service.ts', 'src/**/*.controller.ts', 'src/**/*.repository.ts', 'src/**/*.module.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['src/platform/database/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'util'], message: 'Workflow code must be deterministic: no Node built-ins.' },
            { group: ['**/src/**', '**/activities/**'], allowTypeImports: true, message: 'Workflows import only types from src/ and activities/.' },
            { group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'], allowTypeImports: true, message: 'Workflows import only @temporalio/workflow.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
