import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium';

/** E2E drives the built renderer and bridge; `npm test` builds first, a bare `playwright test` must too. */
export default function requireBuild(): void {
  for (const file of ['dist/renderer/index.html', 'dist/test-bridge/server.js', 'dist/test-bridge/page-api.js']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      "Chromium is missing: install Debian's chromium (`apt-get install chromium`) or set CHROMIUM_PATH; bash .ci/run installs it.",
    );
  }
}
