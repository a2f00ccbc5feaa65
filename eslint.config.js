import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    // Playwright's globalSetup must be a default export.
    ignores: ['**/*.d.ts', 'test/e2e/require-build.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(node:|electron$)|^(\\.\\./)+(main|renderer|preload)/', message: 'shared/ imports nothing from Node, Electron, main, renderer or preload.' }] },
      ],
    },
  },
  {
    files: ['test/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(main|shared/license)(/|$)', message: "The simulators implement authentik's rules themselves: nothing from main/ or shared/license/." }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/** and main/index.ts may import electron.' }] }],
    },
  },
);
