import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach } from 'vitest';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from '../../../main/secrets/secret-store';
import { folderVault } from './folder-vault';
import { vaultJson } from './vault-reader';

export const HARNESS_HINT =
  'These tests need a real Secret Service. Run them inside the keychain harness, which starts a private D-Bus session with an unlocked ' +
  'GNOME Keyring: node test/setup/with-keychain.js npx vitest run <files> (npm test does this). It needs: apt-get install -y gnome-keyring libsecret-tools dbus';

/**
 * Fails every test of the file (never skips it) when the OS keychain cannot be reached, saying how to run
 * them. A beforeEach, not a beforeAll: a failing beforeAll makes vitest report the tests as skipped.
 */
export function requireKeychain(store: SecretStore = keyringSecretStore()): void {
  let reachable: Promise<void> | undefined;
  beforeEach(
    () =>
      (reachable ??= store.accounts().then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof KeychainUnavailableError)) throw error;
          throw new Error(`The OS keychain is unreachable: ${error.message}\n${HARNESS_HINT}`, { cause: error });
        },
      )),
  );
}

/** What the keychain itself (libsecret's secret-tool, not our binding) holds for an account of our service; null when nothing. */
export function keychainLookup(account: string): string | null {
  const run = spawnSync('secret-tool', ['lookup', 'service', KEYCHAIN_SERVICE, 'username', account], {
    encoding: 'utf8',
  });
  if (run.error !== undefined) throw new Error(`cannot run secret-tool (${run.error.message}). ${HARNESS_HINT}`);
  if (run.status === 0) return run.stdout;
  if (run.status === 1 && run.stderr.trim() === '') return null;
  throw new Error(`secret-tool lookup failed (${run.status}): ${run.stderr.trim()}`);
}

/** A fresh data folder (AKLM_DATA_DIR) per call, removed after the file's tests. */
export function tempDataDirs(): () => Promise<string> {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aklm-data-'));
    made.push(dir);
    return dir;
  };
}

/** The keyring store, deleting every account it wrote once the file's tests are done (parallel files share the keychain). */
export function trackedKeychain(): SecretStore {
  const store = keyringSecretStore();
  const written = new Set<string>();
  afterAll(async () => {
    for (const account of written) await store.delete(account).catch(() => false);
  });
  return {
    get: (account) => store.get(account),
    set: async (account, secret) => {
      written.add(account);
      await store.set(account, secret);
    },
    delete: (account) => store.delete(account),
    accounts: () => store.accounts(),
    entries: () => store.entries(),
  };
}

/**
 * The app's token store for a data folder (dataFolderVault: the folder's vault, its key in the real
 * keychain), one per folder; each vault's key is deleted from the keychain after the file's tests.
 * `reports` collects what the vaults and settings files said about damaged files.
 */
export function trackedVaults(): { vaultOf: (dataDir: string) => SecretStore; reports: string[] } {
  const keychain = keyringSecretStore();
  const stores = new Map<string, SecretStore>();
  const keyAccounts = new Set<string>();
  const reports: string[] = [];
  afterAll(async () => {
    for (const account of keyAccounts) await keychain.delete(account).catch(() => false);
  });
  /** Notes the folder's key account once its vault exists (it may be removed before the cleanup runs). */
  const noted = <T>(dataDir: string, result: T): T => {
    const vault = vaultJson(dataDir);
    if (vault !== null) keyAccounts.add(`vault-key:${vault.folderId}`);
    return result;
  };
  const vaultOf = (dataDir: string): SecretStore => {
    const known = stores.get(dataDir);
    if (known !== undefined) return known;
    const store = folderVault(dataDir, keychain, (message) => void reports.push(message));
    const tracked: SecretStore = {
      get: async (account) => noted(dataDir, await store.get(account)),
      set: async (account, secret) => noted(dataDir, await store.set(account, secret)),
      delete: async (account) => noted(dataDir, await store.delete(account)),
      accounts: async () => noted(dataDir, await store.accounts()),
      entries: async () => noted(dataDir, await store.entries()),
    };
    stores.set(dataDir, tracked);
    return tracked;
  };
  return { vaultOf, reports };
}

/** A token no test shares, so finding it in a file proves a leak. */
export const uniqueToken = (): string => `aklm-test-token-${randomUUID()}`;

const SERVICE_CHILD = fileURLToPath(new URL('./service-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

export interface ChildInput {
  action: 'add' | 'accounts';
  dataDir: string;
  id: string;
  name: string;
  url: string;
  token: string;
}

export type ChildResult =
  { ok: true; id: string } | { ok: false; name: string; problem?: string; code?: string; message: string };

/** The private keychain of `with-keychain.js` as a wrapper: a child run under it has a fresh, empty Secret Service of its own. */
export const PRIVATE_KEYCHAIN = [
  process.execPath,
  fileURLToPath(new URL('../../setup/with-keychain.js', import.meta.url)),
];

/**
 * Runs a TypeScript child script (the app's code path with the real keychain binding) in its own Node
 * process through tsx, with `input` as JSON in argv, `env` over this process's and optionally under a
 * wrapper command (dbus-run-session …, PRIVATE_KEYCHAIN); resolves with the JSON of its last output line.
 */
export function runChild<T>(
  script: string,
  input: unknown,
  options: { env?: Record<string, string>; wrapper?: string[] } = {},
): Promise<T> {
  const node = [process.execPath, '--import', 'tsx', script, JSON.stringify(input)];
  const [program, ...args] = [...(options.wrapper ?? []), ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(program ?? process.execPath, args, { cwd: REPO, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T);
      } catch {
        reject(new Error(`the child printed no result (exit ${code}): ${stdout}\n${stderr}`));
      }
    });
  });
}

/** Runs `service-child.ts` (adding an instance through the service) in its own process; see runChild. */
export function runServiceChild(
  input: ChildInput,
  options: { env?: Record<string, string>; wrapper?: string[] } = {},
): Promise<ChildResult> {
  return runChild<ChildResult>(SERVICE_CHILD, input, options);
}
