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
  /** The environment that reaches the bridge's keychain with secret-tool (its own D-Bus session under `privateKeychain`). */
  keychainEnv: NodeJS.ProcessEnv;
  state(): Promise<BridgeState>;
  advanceClock(ms: number): Promise<void>;
  /** Starts an authentik simulator (token 'sim-admin-token') holding these keys. */
  startSim(body: {
    installId: string;
    keys?: string[];
    users?: { internal: number; external: number; internalJoinedLast30Days: number };
    latencyMs?: number;
    /** The simulator's clock ahead of the bridge's (negative: behind), for clock-skew tests; default 0. */
    clockOffsetMs?: number;
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

/** Prints the private session's D-Bus address on the first line, then runs the bridge. */
const PRINT_BUS_THEN_RUN = 'printf "%s\\n" "$DBUS_SESSION_BUS_ADDRESS"; exec "$0" "$@"';

/**
 * Starts the bridge (the app's real handlers over a WebSocket) with the test PKI's root. With
 * `privateKeychain` it runs in a D-Bus session and GNOME Keyring of its own (test/setup/with-keychain.js),
 * so a test may delete keychain entries it did not create without touching other tests' tokens.
 */
async function startBridge(rootFile: string, privateKeychain: boolean): Promise<{ bridge: Bridge; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aklm-e2e-data-'));
  const server = ['dist/test-bridge/server.js', '--renderer', 'dist/renderer', '--root', rootFile, '--data-dir', dataDir];
  const child = privateKeychain
    ? spawn(process.execPath, ['test/setup/with-keychain.js', 'sh', '-c', PRINT_BUS_THEN_RUN, process.execPath, ...server], { stdio: ['ignore', 'pipe', 'inherit'], detached: true })
    : spawn(process.execPath, server, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reader = waiting.shift();
    if (reader === undefined) lines.push(line);
    else reader(line);
  });
  const nextLine = (): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const early = lines.shift();
      if (early !== undefined) return resolve(early);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`the bridge exited with ${code} before it was ready`)));
    });
  const keychainEnv = privateKeychain ? { ...process.env, DBUS_SESSION_BUS_ADDRESS: await nextLine() } : process.env;
  const { url } = JSON.parse(await nextLine()) as { url: string };
  const bridge: Bridge = {
    url,
    dataDir,
    keychainEnv,
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
      // The private keychain's session (D-Bus, GNOME Keyring, the bridge) is one process group.
      if (privateKeychain && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      else child.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ privateKeychain: boolean; bridge: Bridge; app: Page }, { keys: Keys }>({
  privateKeychain: [false, { option: true }],
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
  bridge: async ({ keys, privateKeychain }, use) => {
    const { bridge, stop } = await startBridge(keys.rootFile, privateKeychain);
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
