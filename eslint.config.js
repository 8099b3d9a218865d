import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.anomstack/', 'coverage/', 'metrics/**/data*'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['metrics/**/*.js', 'metrics/**/*.mjs'],
    languageOptions: { globals: { fetch: 'readonly', process: 'readonly', AbortSignal: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
