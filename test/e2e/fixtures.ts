import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { AT_SECONDS, INSTALL_ID } from '../pki/key-cases';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { createTestPki, type TestPki } from '../pki/test-pki';
import { DEMO_PASSWORD, type OutboxMail, type PortalFault } from '../sim/portal';
import type { PortalSimRequestBody } from './bridge/portal-sim-control';

export { expect } from '@playwright/test';
export { INSTALL_ID };

export interface BridgeState {
  clipboard: string;
  /** Every URL the app sent to the system browser, in order. */
  openedUrls: string[];
  /** Every file the app asked the system to open (invoice PDFs, in a private temp folder), in order. */
  openedFiles: string[];
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
    /** HTTPS with a certificate from a fresh private CA (`caPem` in the answer); default plain HTTP. */
    tls?: boolean;
  }): Promise<{ url: string; installId: string; caPem: string | null }>;
  /** Stops a simulator started with startSim. */
  stopSim(url: string): Promise<void>;
  /**
   * Starts (or restarts) the customer portal simulator inside the bridge, seeded with `SEED` unless told
   * otherwise; it becomes the portal the app uses (its default for "Sign in"), and the keys it issues are
   * trusted like the test PKI's, by the app and by authentik simulators started afterwards.
   */
  startPortalSim(options?: PortalSimRequestBody): Promise<{ url: string }>;
  /** The invitation e-mails the portal simulator has sent (each with its `link`). */
  portalOutbox(): Promise<OutboxMail[]>;
  /** Queues a misbehaviour of the running portal simulator (a path given as a string) for its next matching request(s). */
  portalFault(fault: PortalFault & { path?: string }): Promise<void>;
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
 * Starts the bridge (the app's real handlers over a WebSocket) with the test PKI's root, over a fresh data
 * folder (removed when it stops) or over `existingDataDir` (left as it is). With `privateKeychain` it runs
 * in a D-Bus session and GNOME Keyring of its own (test/setup/with-keychain.js), so a test may delete
 * keychain entries it did not create without touching other tests' tokens.
 */
async function startBridge(rootFile: string, privateKeychain: boolean, existingDataDir?: string): Promise<{ bridge: Bridge; stop: () => Promise<void> }> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'aklm-e2e-data-'));
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
      return (await response.json()) as { url: string; installId: string; caPem: string | null };
    },
    stopSim: async (simUrl) => {
      const response = await fetch(`${url}/__bridge/sims/stop`, { method: 'POST', body: JSON.stringify({ url: simUrl }) });
      if (!response.ok) throw new Error(`stop sim: ${response.status}`);
    },
    startPortalSim: async (options = {}) => {
      const response = await fetch(`${url}/__bridge/portal-sim`, { method: 'POST', body: JSON.stringify(options) });
      if (!response.ok) throw new Error(`start portal sim: ${response.status} ${await response.text()}`);
      return (await response.json()) as { url: string };
    },
    portalOutbox: async () => (await (await fetch(`${url}/__bridge/portal-sim/outbox`)).json()) as OutboxMail[],
    portalFault: async (fault) => {
      const response = await fetch(`${url}/__bridge/portal-sim/fault`, { method: 'POST', body: JSON.stringify(fault) });
      if (!response.ok) throw new Error(`portal fault: ${response.status} ${await response.text()}`);
    },
    state: async () => (await (await fetch(`${url}/__bridge/state`)).json()) as BridgeState,
    advanceClock: async (ms) => {
      const response = await fetch(`${url}/__bridge/advance-clock?ms=${ms}`, { method: 'POST' });
      if (!response.ok) throw new Error(`advance-clock: ${response.status}`);
    },
  };
  return {
    bridge,
    stop: async () => {
      // The bridge may still be saving as it is told to stop: its folder goes once it has exited.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        // The private keychain's session (D-Bus, GNOME Keyring, the bridge) is one process group.
        const signal = (name: NodeJS.Signals): void => {
          if (privateKeychain && child.pid !== undefined) process.kill(-child.pid, name);
          else child.kill(name);
        };
        signal('SIGTERM');
        // A bridge that does not stop when asked (a connection held open) is killed.
        const kill = setTimeout(() => signal('SIGKILL'), 5_000);
        await exited;
        clearTimeout(kill);
      }
      if (existingDataDir === undefined) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/**
 * The app's next session: another bridge over `bridge`'s data folder (its registry file) and the same
 * keychain (the run's own, so not for a bridge with `privateKeychain`), with simulators of its own; the
 * folder stays when it stops. Stop it before the test ends.
 */
export function nextSessionBridge(keys: Keys, bridge: Bridge): Promise<{ bridge: Bridge; stop: () => Promise<void> }> {
  return startBridge(keys.rootFile, false, bridge.dataDir);
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
    await stop();
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
export async function signInAtPortal(app: Page, bridge: Bridge, email: string, options: { deny?: boolean } = {}): Promise<void> {
  const authorization = await recordedUrl(bridge, (url) => new URL(url).pathname.endsWith('/oidc/auth') && !answeredSignIns.has(url));
  answeredSignIns.add(authorization);
  const browser = app.context().browser();
  if (browser === null) throw new Error('signInAtPortal needs the test\'s browser');
  const window = await browser.newContext();
  try {
    const tab = await window.newPage();
    await tab.goto(authorization);
    await tab.getByLabel('E-mail').fill(email);
    await tab.getByLabel('Password').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: options.deny === true ? 'Deny' : 'Allow' }).click();
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(options.deny === true ? 'Sign-in declined' : 'You are signed in to the customer portal');
  } finally {
    await window.close();
  }
}

/** Saves what the screen shows, as a CI artifact under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export { AT_SECONDS };
