import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Type-aware rules. Every .ts/.tsx file belongs to one of the tsconfig
    // projects except the root *.config.ts files, which get the default project.
    files: ['**/*.{ts,tsx}'],
    // A declaration file next to its .ts source is in no project: TypeScript reads the .ts.
    ignores: ['preload/create-api.d.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    rules: {
      // Physical lines: blank lines and comments count.
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Every rule of the plugin's recommended set, each an error (the set warns for some).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: reactHooks.configs.flat['recommended-latest'].plugins,
    rules: Object.fromEntries(
      Object.keys(reactHooks.configs.flat['recommended-latest'].rules).map((rule) => [rule, 'error']),
    ),
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    // Playwright's globalSetup must be a default export.
    ignores: ['**/*.d.ts', 'test/e2e/require-build.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|electron$)|^(\\.\\./)+(main|renderer|preload)/',
              message: 'shared/ imports nothing from Node, Electron, main, renderer or preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(main|shared/license)(/|$)',
              message: "The simulators implement authentik's rules themselves: nothing from main/ or shared/license/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron/** and main/index.ts may import electron.' }] },
      ],
    },
  },
);
