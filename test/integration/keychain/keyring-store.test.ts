import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { KEYCHAIN_SERVICE } from '../../../main/secrets/secret-store';
import { keychainLookup, requireKeychain, runServiceChild, tempDataDirs, type ChildInput } from './keychain-fixtures';
import { vaultJson } from './vault-reader';

requireKeychain();
const store = keyringSecretStore();
const accountsToClean: string[] = [];
afterAll(async () => {
  for (const account of accountsToClean) await store.delete(account).catch(() => false);
});
const account = (): string => {
  const name = `test-roundtrip:${randomUUID()}`;
  accountsToClean.push(name);
  return name;
};

describe(`the OS keychain (Secret Service), service "${KEYCHAIN_SERVICE}"`, () => {
  it('sets, gets, lists and deletes a secret, and the Secret Service itself holds it', async () => {
    const name = account();
    expect(await store.get(name)).toBeNull();
    expect(keychainLookup(name)).toBeNull();

    await store.set(name, 'first secret');
    expect(await store.get(name)).toBe('first secret');
    expect(keychainLookup(name)).toBe('first secret');
    expect(await store.accounts()).toContain(name);

    await store.set(name, 'second secret');
    expect(await store.get(name)).toBe('second secret');
    expect((await store.accounts()).filter((listed) => listed === name)).toEqual([name]);

    expect(await store.delete(name)).toBe(true);
    expect(await store.get(name)).toBeNull();
    expect(keychainLookup(name)).toBeNull();
    expect(await store.accounts()).not.toContain(name);
    expect(await store.delete(name)).toBe(false);
  });

  it('keeps secrets exactly, whatever characters they hold', async () => {
    const name = account();
    const secret = `ünïcødé 🔑 ${'x'.repeat(2000)} "quotes" \\ and = signs`;
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    expect(await store.delete(name)).toBe(true);
  });

  it('keeps accounts apart', async () => {
    const [one, two] = [account(), account()];
    await store.set(one, 'one');
    await store.set(two, 'two');
    expect([await store.get(one), await store.get(two)]).toEqual(['one', 'two']);
    await store.delete(one);
    expect([await store.get(one), await store.get(two)]).toEqual([null, 'two']);
    await store.delete(two);
  });
});

// The app's tokens are in the data folder's vault, whose key is in the keychain: the vault reports the keychain's own errors.
describe('when no keychain is reachable: a clear error from the token vault, never a fallback store', () => {
  const dataDir = tempDataDirs();
  const input = (dir: string): ChildInput => ({
    action: 'accounts',
    dataDir: dir,
    id: randomUUID(),
    name: 'x',
    url: 'http://127.0.0.1:1',
    token: 'x',
  });

  it('no D-Bus session: says so and how to fix it', async () => {
    const folder = await dataDir();
    const result = await runServiceChild(input(folder), {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    expect(result).toMatchObject({ ok: false, name: 'KeychainUnavailableError', problem: 'no-session-bus' });
    // No vault was made without its key.
    expect(vaultJson(folder)).toBeNull();
    expect(result.ok === false && result.message).toMatch(
      /^No D-Bus session bus is reachable.*desktop session.*dbus-run-session/,
    );
  });

  it('a D-Bus session without a Secret Service: says to install and unlock GNOME Keyring or KWallet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aklm-bare-bus-'));
    try {
      // A session bus with no service files: nothing can provide org.freedesktop.secrets.
      const config = join(dir, 'session.conf');
      await writeFile(
        config,
        '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n' +
          `<busconfig><type>session</type><listen>unix:dir=${dir}</listen><policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>\n`,
      );
      const folder = await dataDir();
      const result = await runServiceChild(input(folder), {
        wrapper: ['dbus-run-session', `--config-file=${config}`, '--'],
      });
      expect(result).toMatchObject({ ok: false, name: 'KeychainUnavailableError', problem: 'no-secret-service' });
      expect(vaultJson(folder)).toBeNull();
      expect(result.ok === false && result.message).toContain('No Secret Service is running on the D-Bus session');
      expect(result.ok === false && result.message).toContain(
        'install and unlock GNOME Keyring or KWallet, or run inside a desktop session',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
