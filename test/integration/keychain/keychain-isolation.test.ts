import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { KEYCHAIN_SERVICE } from '../../../main/secrets/secret-store';
import { startBridge, type RunningBridge } from '../../e2e/bridge/start-bridge';
import { createTestPki } from '../../pki/test-pki';
import { requireKeychain } from './keychain-fixtures';

// The E2E suite gives every bridge a D-Bus session and GNOME Keyring of its own. These tests prove that
// those keychains are isolated from the run's shared one (this process's), and that each is watched: a
// daemon that goes away stops its own session at once, with the cause, and nothing else.

const shared = keyringSecretStore();
requireKeychain(shared);

const SHARED_ACCOUNT = 'isolation:shared-probe';
const SHARED_SECRET = 'shared-keychain-secret';

/** Reads the shared keychain over and over until stopped, counting answers and keeping every failure. */
function sharedReader(): { reads: () => number; failures: string[]; stop: () => Promise<void> } {
  let reads = 0;
  let running = true;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      try {
        const secret = await shared.get(SHARED_ACCOUNT);
        if (secret === SHARED_SECRET) reads += 1;
        else failures.push(`read ${String(secret)}`);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      await sleep(5);
    }
  })();
  return { reads: () => reads, failures, stop: async () => void ((running = false), await loop) };
}

/**
 * Keeps a bridge's keychain busy: it searches its keychain, one request after another. (The app's own
 * channels reach the keychain only on the token vault's first use, so a control request does it.)
 */
function keepBusy(bridge: RunningBridge['bridge']): { answered: () => number; stop: () => void } {
  let answered = 0;
  let running = true;
  void (async () => {
    while (running) {
      try {
        await bridge.searchKeychain();
        answered += 1;
      } catch {
        // The bridge is going away under the loop: that is the point of the test, not a failure.
        running = false;
      }
    }
  })();
  return { answered: () => answered, stop: () => void (running = false) };
}

/** What secret-tool finds for an account of the app's service in the keychain `env` reaches; null when none. */
function lookup(account: string, env: NodeJS.ProcessEnv): { secret: string | null; error: string } {
  const run = spawnSync('secret-tool', ['lookup', 'service', KEYCHAIN_SERVICE, 'username', account], {
    encoding: 'utf8',
    env,
  });
  return { secret: run.status === 0 ? run.stdout : null, error: run.stderr.trim() };
}

function store(account: string, secret: string, env: NodeJS.ProcessEnv): void {
  const run = spawnSync(
    'secret-tool',
    ['store', '--label', account, 'service', KEYCHAIN_SERVICE, 'username', account],
    { input: secret, env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`secret-tool store failed: ${run.stderr}`);
}

/** Waits until `count()` has grown by at least `more` (the shared reader or a busy bridge made progress). */
async function progress(count: () => number, more: number): Promise<void> {
  const from = count();
  await expect.poll(count, { timeout: 15_000 }).toBeGreaterThanOrEqual(from + more);
}

let rootDir: string;
let rootFile: string;

beforeAll(async () => {
  rootDir = mkdtempSync(join(tmpdir(), 'aklm-isolation-'));
  rootFile = join(rootDir, 'root.pem');
  writeFileSync(rootFile, (await createTestPki()).root.pem);
  await shared.set(SHARED_ACCOUNT, SHARED_SECRET);
});

afterAll(async () => {
  await shared.delete(SHARED_ACCOUNT);
  rmSync(rootDir, { recursive: true, force: true });
});

describe('private keychains beside the shared one', () => {
  test(
    'two private-keychain bridges and the shared keychain in parallel, torn down in turn while busy; the shared reader never fails',
    { timeout: 90_000 },
    async () => {
      const reader = sharedReader();
      try {
        const [first, second] = await Promise.all([startBridge({ rootFile }), startBridge({ rootFile })]);
        expect(first.keyringDaemonPid).not.toBe(second.keyringDaemonPid);
        store('isolation:first', 'first-secret', first.bridge.keychainEnv);
        store('isolation:second', 'second-secret', second.bridge.keychainEnv);
        // Each keychain holds only its own entries.
        expect(lookup('isolation:first', first.bridge.keychainEnv).secret).toBe('first-secret');
        expect(lookup('isolation:first', second.bridge.keychainEnv).secret).toBeNull();
        expect(lookup(SHARED_ACCOUNT, first.bridge.keychainEnv).secret).toBeNull();
        expect(await shared.get('isolation:second')).toBeNull();

        const [busyFirst, busySecond] = [keepBusy(first.bridge), keepBusy(second.bridge)];
        await Promise.all([
          progress(busyFirst.answered, 5),
          progress(busySecond.answered, 5),
          progress(reader.reads, 5),
        ]);

        // Torn down in the middle of its keychain calls: it finishes them, then its daemon stops; exit 0.
        expect(await first.stop()).toBe(0);
        expect(lookup('isolation:first', first.bridge.keychainEnv).error).not.toBe('');
        await Promise.all([progress(busySecond.answered, 5), progress(reader.reads, 5)]);

        expect(await second.stop()).toBe(0);
        busyFirst.stop();
        busySecond.stop();
        await progress(reader.reads, 5);
      } finally {
        await reader.stop();
      }
      expect(reader.failures).toEqual([]);
    },
  );

  test(
    'a bridge whose keyring daemon dies is stopped at once, with the cause, and the shared keychain goes on',
    { timeout: 60_000 },
    async () => {
      const reader = sharedReader();
      try {
        const doomed = await startBridge({ rootFile });
        await progress(reader.reads, 3);
        process.kill(doomed.keyringDaemonPid ?? 0, 'SIGTRAP');
        // with-keychain.js stops the bridge itself and exits 1; nobody had to ask.
        expect(await doomed.exited).toBe(1);
        await doomed.stop();
        await progress(reader.reads, 5);
      } finally {
        await reader.stop();
      }
      expect(reader.failures).toEqual([]);
    },
  );

  test(
    'with-keychain.js names the cause when its daemon goes away, and no locked replacement is started',
    { timeout: 30_000 },
    async () => {
      const child = spawn(
        process.execPath,
        ['test/setup/with-keychain.js', 'sh', '-c', 'echo "$AKLM_KEYRING_DAEMON_PID"; exec sleep 60'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const [pid] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      process.kill(Number(pid), 'SIGTRAP');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(
          `GNOME Keyring \\(gnome-keyring-daemon, pid ${pid}\\) exited with signal SIGTRAP while "sh -c .*" was running, so the run stops now`,
        ),
      );
      expect(stderr).not.toContain('Activating service');
    },
  );
});
