import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { AT_SECONDS, INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { createTestPki, type TestPki } from '../pki/test-pki';
import { DEMO_PASSWORD } from '../sim/portal';
import { startBridge, type Bridge, type RunningBridge } from './bridge/start-bridge';

export { expect } from '@playwright/test';
export { INSTALL_ID };
export type { Bridge, BridgeState } from './bridge/start-bridge';

export interface Keys {
  pki: TestPki;
  rootFile: string;
  /** Valid for a year from now, for INSTALL_ID, flagged trial. */
  valid: string;
  key(claims: Record<string, unknown>): string;
}

const YEAR = 365 * 24 * 3600;

/**
 * The app's next session: another bridge over `bridge`'s data folder (its registry file) and the same
 * keychain, with simulators of its own; the folder stays when it stops. Stop it before the test ends.
 */
export function nextSessionBridge(keys: Keys, bridge: Bridge): Promise<RunningBridge> {
  return startBridge({ rootFile: keys.rootFile, dataDir: bridge.dataDir, joinKeychain: bridge.keychainEnv });
}

export const test = base.extend<{ bridge: Bridge; app: Page }, { keys: Keys }>({
  keys: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const pki = await createTestPki();
      const dir = mkdtempSync(join(tmpdir(), 'aklm-e2e-'));
      const rootFile = join(dir, 'test-root.pem');
      writeFileSync(rootFile, pki.root.pem);
      const now = Math.floor(Date.now() / 1000);
      const key = (claims: Record<string, unknown>): string =>
        mintKey({
          signer: pki.signerP384,
          intermediate: pki.intermediate,
          claims: { ...licenseClaims(INSTALL_ID, now + YEAR), ...claims },
        });
      await use({ pki, rootFile, key, valid: key({ license_flags: ['trial'] }) });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  bridge: async ({ keys }, use) => {
    const { bridge, stop } = await startBridge({ rootFile: keys.rootFile });
    await use(bridge);
    // 1: its keyring daemon failed under it (with-keychain.js said why above); null: it had to be killed.
    const code = await stop();
    if (code !== 0)
      throw new Error(
        `the bridge and its keychain ended with exit code ${code}, not 0: see the with-keychain message above`,
      );
  },
  app: async ({ page, bridge }, use) => {
    await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
    await page.goto(`${bridge.url}/`);
    await use(page);
  },
});

/** The last URL the app sent to the system browser that `matches`, once it has sent one. */
async function recordedUrl(bridge: Bridge, matches: (url: string) => boolean): Promise<string> {
  let recorded: string | undefined;
  await expect.poll(async () => (recorded = (await bridge.state()).openedUrls.findLast(matches))).toBeDefined();
  return recorded ?? '';
}

/**
 * Opens, in a new tab of the test's browser, the last URL the app sent to the system browser that
 * `matches` (a checkout page, a payment-method page…), waiting until the app has sent one.
 */
export async function openRecordedUrl(app: Page, bridge: Bridge, matches: (url: string) => boolean): Promise<Page> {
  const url = await recordedUrl(bridge, matches);
  const tab = await app.context().newPage();
  await tab.goto(url);
  return tab;
}

/** Sign-in pages already answered: each sign-in opens a new authorization URL (fresh state and PKCE). */
const answeredSignIns = new Set<string>();

/**
 * Completes the portal sign-in the app started (after "Sign in", the bridge has recorded the portal's
 * authorization URL) the way a person does: opens that URL in a fresh browser window (no portal session
 * from an earlier sign-in), fills in the simulator's sign-in form as `email` (password `DEMO_PASSWORD`)
 * and clicks Allow (or Deny); the browser is then redirected to the app's loopback server on 127.0.0.1,
 * whose page says the sign-in arrived. The window is closed after.
 */
export async function signInAtPortal(
  app: Page,
  bridge: Bridge,
  email: string,
  options: { deny?: boolean } = {},
): Promise<void> {
  const authorization = await recordedUrl(
    bridge,
    (url) => new URL(url).pathname.endsWith('/oidc/auth') && !answeredSignIns.has(url),
  );
  answeredSignIns.add(authorization);
  const browser = app.context().browser();
  if (browser === null) throw new Error("signInAtPortal needs the test's browser");
  const window = await browser.newContext();
  try {
    const tab = await window.newPage();
    await tab.goto(authorization);
    await tab.getByLabel('E-mail').fill(email);
    await tab.getByLabel('Password').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: options.deny === true ? 'Deny' : 'Allow' }).click();
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(
      options.deny === true ? 'Sign-in declined' : 'You are signed in to the customer portal',
    );
  } finally {
    await window.close();
  }
}

/**
 * Waits until the portal screen's sign-in offers the portal simulator (on 127.0.0.1). The page lists the
 * accounts, and learns the default portal, as it opens, which is before a test starts its simulator; a
 * Sign in pressed before the page has listed them again would go to the real portal's address.
 */
export async function portalAddressReady(app: Page): Promise<void> {
  await expect(app.getByLabel('Portal address')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/?$/);
}

/** Saves what the screen shows, as a CI artifact under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export { AT_SECONDS };
