import { existsSync } from 'node:fs';

/** CLI tests drive the built `aklm`; `npm test` builds first, a bare `vitest` run must too. */
export function setup(): void {
  if (!existsSync('dist/cli/aklm.js'))
    throw new Error('dist/cli/aklm.js is missing: run `npm run build` first (npm test does).');
}
