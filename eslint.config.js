import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';

// Imports flow one way: components/lib → features → app; stack/ never imports src/.
const noUpward = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-artifacts', '.atrium', 'supabase/functions', 'src/lib/database.types.ts'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  {
    files: ['src/components/**', 'src/lib/**', 'src/config/**'],
    rules: noUpward(['@/features/*', '@/app/*', '**/features/**', '**/app/**'], 'components/ and lib/ are shared: they must not import features/ or app/.'),
  },
  {
    files: ['src/features/**'],
    rules: noUpward(['@/app/*', '**/app/**', '@/features/*'], 'features/ import neither app/ nor another feature (use relative paths inside a feature); move shared code to lib/ or components/.'),
  },
  {
    files: ['stack/**'],
    rules: noUpward(['@/*', '**/src/**'], 'stack/ is the local Supabase stand-in and never imports the SPA (src/).'),
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
);
