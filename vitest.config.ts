import { readFile } from 'node:fs/promises';
import { defineConfig, type Plugin } from 'vitest/config';

/** Loads `.pem` files as text, as the esbuild build does with `--loader:.pem=text`. */
function pemAsText(): Plugin {
  return {
    name: 'pem-as-text',
    async load(id) {
      if (!id.endsWith('.pem')) return null;
      return `export default ${JSON.stringify(await readFile(id, 'utf8'))};`;
    },
  };
}

export default defineConfig({
  plugins: [pemAsText()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/require-build.ts'],
    setupFiles: ['test/setup/keychain-calls-settled.ts', 'test/setup/testing-library.ts'],
    testTimeout: 20_000,
    // The JSON report is what .ci/run counts; vitest's own summary is for people.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
