/**
 * Starts the end-to-end test bridge (the app's real handlers over a WebSocket) as its own process, for
 * Playwright's fixtures and for plain Node tests alike.
 *
 * Every bridge runs in a D-Bus session and GNOME Keyring of its own (test/setup/with-keychain.js), unless
 * it joins another bridge's (the app's next session over the same data folder). No two tests share a
 * keyring daemon, so a daemon that fails takes down one test, loudly, and never the tests beside it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { OutboxMail, PortalFault } from '../../sim/portal';
import type { PortalSimRequestBody } from './portal-sim-control';
import type { SimRequestBody } from './sim-control';

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
  /** The environment that reaches the bridge's keychain (its own D-Bus session and GNOME Keyring) with secret-tool. */
  keychainEnv: NodeJS.ProcessEnv;
  state(): Promise<BridgeState>;
  advanceClock(ms: number): Promise<void>;
  /** Starts an authentik simulator (token 'sim-admin-token') holding these keys. */
  startSim(body: SimRequestBody): Promise<{ url: string; installId: string; caPem: string | null }>;
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
  /** Puts a token into the bridge's token vault, or deletes it (null), as another process sharing the data folder would. */
  vaultEntry(account: string, secret: string | null): Promise<void>;
  /** Has the bridge search its own keychain once (a real Secret Service call). */
  searchKeychain(): Promise<void>;
}

/** Prints the private session's D-Bus address and its keyring daemon's pid on the first line, then runs the bridge. */
const PRINT_BUS_THEN_RUN = 'printf "%s %s\\n" "$DBUS_SESSION_BUS_ADDRESS" "$AKLM_KEYRING_DAEMON_PID"; exec "$0" "$@"';

/** How long a bridge has to stop after SIGTERM (it lets its keychain calls finish first) before it is killed. */
const STOP_GRACE_MS = 15_000;

export interface BridgeOptions {
  /** The trusted root certificate (PEM file). */
  rootFile: string;
  /** An existing data folder, left as it is when the bridge stops; default a fresh one, removed after. */
  dataDir?: string;
  /** Joins this keychain (another bridge's `keychainEnv`) instead of starting one of its own. */
  joinKeychain?: NodeJS.ProcessEnv;
}

export interface RunningBridge {
  bridge: Bridge;
  /**
   * Stops the bridge (SIGTERM: it finishes its keychain calls), then its keychain, and removes a fresh data
   * folder. Resolves to the exit code: 0, or 1 when its keyring daemon failed under it (with-keychain.js).
   */
  stop: () => Promise<number | null>;
  /** The keyring daemon's pid (its own keychain), or null when it joined another bridge's. */
  keyringDaemonPid: number | null;
  /** Resolves to the exit code once the bridge's process has ended, whoever ended it. */
  exited: Promise<number | null>;
}

/** Starts a bridge over a fresh data folder (or `dataDir`), with a keychain of its own (or the one it joins). */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const { rootFile, joinKeychain } = options;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'aklm-e2e-data-'));
  const server = [
    'dist/test-bridge/server.js',
    '--renderer',
    'dist/renderer',
    '--root',
    rootFile,
    '--data-dir',
    dataDir,
  ];
  const child =
    joinKeychain === undefined
      ? spawn(
          process.execPath,
          [
            'test/setup/with-keychain.js',
            '--exit-with-parent',
            'sh',
            '-c',
            PRINT_BUS_THEN_RUN,
            process.execPath,
            ...server,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        )
      : spawn(process.execPath, server, { stdio: ['ignore', 'pipe', 'inherit'], env: joinKeychain });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
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
  const [busAddress, daemonPid] = joinKeychain === undefined ? (await nextLine()).split(' ') : [];
  const keychainEnv = joinKeychain ?? { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress };
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
      const response = await fetch(`${url}/__bridge/sims/stop`, {
        method: 'POST',
        body: JSON.stringify({ url: simUrl }),
      });
      if (!response.ok) throw new Error(`stop sim: ${response.status}`);
    },
    startPortalSim: async (portalOptions = {}) => {
      const response = await fetch(`${url}/__bridge/portal-sim`, {
        method: 'POST',
        body: JSON.stringify(portalOptions),
      });
      if (!response.ok) throw new Error(`start portal sim: ${response.status} ${await response.text()}`);
      return (await response.json()) as { url: string };
    },
    portalOutbox: async () => (await (await fetch(`${url}/__bridge/portal-sim/outbox`)).json()) as OutboxMail[],
    portalFault: async (fault) => {
      const response = await fetch(`${url}/__bridge/portal-sim/fault`, { method: 'POST', body: JSON.stringify(fault) });
      if (!response.ok) throw new Error(`portal fault: ${response.status} ${await response.text()}`);
    },
    vaultEntry: async (account, secret) => {
      const response = await fetch(`${url}/__bridge/vault`, {
        method: 'POST',
        body: JSON.stringify({ account, secret }),
      });
      if (!response.ok) throw new Error(`vault entry: ${response.status} ${await response.text()}`);
    },
    searchKeychain: async () => {
      const response = await fetch(`${url}/__bridge/keychain-search`, { method: 'POST' });
      if (!response.ok) throw new Error(`keychain search: ${response.status} ${await response.text()}`);
    },
    state: async () => (await (await fetch(`${url}/__bridge/state`)).json()) as BridgeState,
    advanceClock: async (ms) => {
      const response = await fetch(`${url}/__bridge/advance-clock?ms=${ms}`, { method: 'POST' });
      if (!response.ok) throw new Error(`advance-clock: ${response.status}`);
    },
  };
  return {
    bridge,
    keyringDaemonPid: daemonPid === undefined ? null : Number(daemonPid),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM to the bridge, or to with-keychain.js, which passes it on to the bridge and stops the
        // keyring daemon only once the bridge has exited: the bridge first lets its keychain calls finish.
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(kill);
      }
      const code = await exited;
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
      return code;
    },
  };
}
