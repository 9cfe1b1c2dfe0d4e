// ESLint for the whole repository: typescript-eslint's strict type-checked rules on the TypeScript
// (the project's tsconfig.json gives the types), the recommended JavaScript rules on the few .js/.cjs files.
// Formatting is Prettier's job (.prettierrc), so no stylistic rules here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.cache/',
      'test-output/',
      'media/dist/',
      '.vscode-test/',
      // A file the tests read by line number: its text is data.
      'test/fixtures/files/',
      'samples/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers in messages print as written; everything else must still be a string.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess off, indexed reads look always present and caught values look non-null,
      // so this rule calls the checks for a missing entry or a thrown null unnecessary; they are needed.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `!` states an invariant the types do not carry (a ready phase has its model, a matched regex its groups);
      // about 330 of its 370 uses are tests reading what they just built, where a wrong one fails the test anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => f()` and `return f()` in a void or async function are this code's idiom for "do it and stop".
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // An async method that implements a Promise-returning interface need not await: a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // A closure written before a `let`'s one assignment may run first (the assignment's call can call back), so not const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // A name starting with _ is deliberately unused: a field left out of a rest copy, a parameter an interface fixes.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Passing on an AbortSignal's reason (any) or a caught value (unknown) keeps the original error as it was.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // The records it would flag are JSON dictionaries (by file name, by terms id) and process.env: delete is how an entry leaves.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // VS Code takes any `{ dispose() }` where its types say Disposable (ExtensionContext.subscriptions is typed so).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
    rules: {
      // CommonJS files load with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
