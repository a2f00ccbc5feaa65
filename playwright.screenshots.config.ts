import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium';

/**
 * The documentation's screenshots (`npm run screenshots`): a realistic fleet set up through the test
 * bridge, photographed in the light and the dark theme into docs/images/. Not part of `npm test`.
 */
export default defineConfig({
  testDir: 'test/screenshots',
  testMatch: '**/*.shots.ts',
  outputDir: 'test-results/screenshots-artifacts',
  globalSetup: './test/e2e/require-build.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 300_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
