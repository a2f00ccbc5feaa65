import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type Page } from '@playwright/test';
import { AT_SECONDS, INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { createTestPki, type TestPki } from '../pki/test-pki';

export { expect } from '@playwright/test';
export { INSTALL_ID };

export interface BridgeState {
  clipboard: string;
  openedUrls: string[];
  now: number;
}

export interface Bridge {
  url: string;
  /** The bridge's data folder: the registry file (`config.json`) the app writes. */
  dataDir: string;
  state(): Promise<BridgeState>;
  advanceClock(ms: number): Promise<void>;
  /** Starts an authentik simulator (token 'sim-admin-token') holding these keys. */
  startSim(body: {
    installId: string;
    keys?: string[];
    users?: { internal: number; external: number; internalJoinedLast30Days: number };
    latencyMs?: number;
  }): Promise<{ url: string; installId: string }>;
  /** Stops a simulator started with startSim. */
  stopSim(url: string): Promise<void>;
}

export interface Keys {
  pki: TestPki;
  rootFile: string;
  /** Valid for a year from now, for INSTALL_ID, flagged trial. */
  valid: string;
  key(claims: Record<string, unknown>): string;
}

const YEAR = 365 * 24 * 3600;

/** Starts the bridge (the app's real handlers over a WebSocket) with the test PKI's root. */
async function startBridge(rootFile: string): Promise<{ bridge: Bridge; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aklm-e2e-data-'));
  const child = spawn(process.execPath, ['dist/test-bridge/server.js', '--renderer', 'dist/renderer', '--root', rootFile, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bridge exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  const bridge: Bridge = {
    url,
    dataDir,
    startSim: async (body) => {
      const response = await fetch(`${url}/__bridge/sims`, { method: 'POST', body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`start sim: ${response.status} ${await response.text()}`);
      return (await response.json()) as { url: string; installId: string };
    },
    stopSim: async (simUrl) => {
      const response = await fetch(`${url}/__bridge/sims/stop`, { method: 'POST', body: JSON.stringify({ url: simUrl }) });
      if (!response.ok) throw new Error(`stop sim: ${response.status}`);
    },
    state: async () => (await (await fetch(`${url}/__bridge/state`)).json()) as BridgeState,
    advanceClock: async (ms) => {
      const response = await fetch(`${url}/__bridge/advance-clock?ms=${ms}`, { method: 'POST' });
      if (!response.ok) throw new Error(`advance-clock: ${response.status}`);
    },
  };
  return {
    bridge,
    stop: () => {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
        mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims: { ...licenseClaims(INSTALL_ID, now + YEAR), ...claims } });
      await use({ pki, rootFile, key, valid: key({ license_flags: ['trial'] }) });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  bridge: async ({ keys }, use) => {
    const { bridge, stop } = await startBridge(keys.rootFile);
    await use(bridge);
    stop();
  },
  app: async ({ page, bridge }, use) => {
    await page.addInitScript({ path: 'dist/test-bridge/page-api.js' });
    await page.goto(`${bridge.url}/`);
    await use(page);
  },
});

/** Saves what the screen shows, as a CI artifact under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export { AT_SECONDS };
