import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { instanceAccount, TokenVaultError, type SecretStore } from '../../../main/secrets/secret-store';
import { requireKeychain, runChild, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';
import { folderVault } from './folder-vault';
import type { VaultChildInput } from './vault-child';
import { filesHolding, secretToolLookup, tokenPlaces, vaultJson, vaultSecrets, VAULT_FILE } from './vault-reader';

requireKeychain();
const keychain = keyringSecretStore();
const dataDir = tempDataDirs();
const { vaultOf } = trackedVaults();
const CHILD = fileURLToPath(new URL('./vault-child.ts', import.meta.url));

/** Another process's view of the same folder and keychain (nothing in memory shared with `vaultOf`'s). */
const anotherStore = (dir: string, told: string[] = []): SecretStore =>
  folderVault(dir, keychain, (message) => void told.push(message));

const vaultText = (dir: string): string => readFileSync(join(dir, VAULT_FILE), 'utf8');
const writeVault = (dir: string, change: (json: Record<string, unknown>) => unknown): void =>
  writeFileSync(join(dir, VAULT_FILE), JSON.stringify(change(JSON.parse(vaultText(dir)) as Record<string, unknown>)));

describe('the token vault: tokens sealed in the data folder, one data key in the OS keychain', () => {
  it('keeps, lists and deletes tokens; the keychain holds only the data key, and no file holds a token in the clear', async () => {
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const [instance, portal] = [instanceAccount(randomUUID()), `portal:${randomUUID()}@portal.example.com`];
    const [token, portalTokens] = [
      uniqueToken(),
      JSON.stringify({ access_token: uniqueToken(), refresh_token: uniqueToken(), expires_at: null }),
    ];

    await vault.set(instance, token);
    await vault.set(portal, portalTokens);

    expect(await vault.get(instance)).toBe(token);
    expect(await vault.accounts()).toEqual([instance, portal].sort());
    expect(await vault.entries()).toEqual(
      new Map([
        [instance, token],
        [portal, portalTokens],
      ]),
    );
    expect(tokenPlaces(dir, instance, token)).toEqual({ vault: token, keychain: null, inClear: [] });
    expect(tokenPlaces(dir, portal, portalTokens)).toEqual({ vault: portalTokens, keychain: null, inClear: [] });
    for (const part of Object.values(JSON.parse(portalTokens) as Record<string, string | null>))
      if (part !== null) expect(filesHolding(dir, part)).toEqual([]);

    const file = vaultJson(dir);
    expect(file).toMatchObject({
      version: 1,
      folderId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      keychainMigrated: true,
    });
    expect(Object.keys(file?.entries ?? {}).sort()).toEqual([instance, portal].sort());
    for (const entry of Object.values(file?.entries ?? {})) {
      expect(Buffer.from(entry.nonce, 'base64')).toHaveLength(12);
      expect(Buffer.from(entry.tag, 'base64')).toHaveLength(16);
    }
    expect(Buffer.from(secretToolLookup(`vault-key:${file?.folderId}`) ?? '', 'base64')).toHaveLength(32);
    expect(statSync(join(dir, VAULT_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    expect(await vault.delete(instance)).toBe(true);
    expect(await vault.delete(instance)).toBe(false);
    expect(await vault.get(instance)).toBeNull();
    expect(vaultSecrets(dir)).toEqual(new Map([[portal, portalTokens]]));
  });

  it('seals every write with a fresh nonce, so equal tokens never look equal on disk', async () => {
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const [one, two] = [instanceAccount(randomUUID()), instanceAccount(randomUUID())];
    await vault.set(one, 'the-same-token');
    const first = vaultJson(dir)?.entries[one];
    await vault.set(one, 'the-same-token');
    await vault.set(two, 'the-same-token');
    const entries = vaultJson(dir)?.entries ?? {};
    expect(entries[one]?.nonce).not.toBe(first?.nonce);
    expect(entries[one]?.ciphertext).not.toBe(first?.ciphertext);
    expect(entries[two]?.nonce).not.toBe(entries[one]?.nonce);
    expect(entries[two]?.ciphertext).not.toBe(entries[one]?.ciphertext);
  });

  it('binds each entry to its account, and reads a changed entry as no token at all', async () => {
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const [one, two, three] = [
      instanceAccount(randomUUID()),
      instanceAccount(randomUUID()),
      instanceAccount(randomUUID()),
    ];
    await Promise.all([vault.set(one, uniqueToken()), vault.set(two, uniqueToken()), vault.set(three, 'kept')]);
    writeVault(dir, (json) => {
      // Each entry moved under the other's account: sealed for its own account, it opens for no other.
      const entries = json.entries as Record<string, unknown>;
      const moved = entries[one];
      entries[one] = entries[two];
      entries[two] = moved;
      return json;
    });
    expect(await vault.get(one)).toBeNull();
    expect(await vault.get(two)).toBeNull();
    expect(await vault.accounts()).toEqual([three]);

    writeVault(dir, (json) => {
      const entry = (json.entries as Record<string, { ciphertext: string }>)[three];
      const bytes = Buffer.from(entry?.ciphertext ?? '', 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      if (entry !== undefined) entry.ciphertext = bytes.toString('base64');
      return json;
    });
    expect(await vault.get(three)).toBeNull();
    // Saving the token again is how it is repaired.
    await vault.set(three, 'entered again');
    expect(await vault.get(three)).toBe('entered again');
  });

  it('gives two data folders two vaults with two keys', async () => {
    const [a, b] = [await dataDir(), await dataDir()];
    const account = instanceAccount(randomUUID());
    await vaultOf(a).set(account, 'token-of-a');
    await vaultOf(b).set(account, 'token-of-b');
    const [first, second] = [vaultJson(a), vaultJson(b)];
    expect(first?.folderId).not.toBe(second?.folderId);
    expect(secretToolLookup(`vault-key:${first?.folderId}`)).not.toBe(
      secretToolLookup(`vault-key:${second?.folderId}`),
    );
    expect([await vaultOf(a).get(account), await vaultOf(b).get(account)]).toEqual(['token-of-a', 'token-of-b']);
  });

  it('keeps the last good file as a backup, written before each change', async () => {
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const [one, two] = [instanceAccount(randomUUID()), instanceAccount(randomUUID())];
    await vault.set(one, 'first');
    const afterFirst = vaultText(dir);
    await vault.set(two, 'second');
    const backup = join(dir, 'tokens.vault.json.bak');
    expect(readFileSync(backup, 'utf8')).toBe(afterFirst);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('sets a damaged vault aside, puts its backup in its place and says so', async () => {
    const dir = await dataDir();
    const [one, two] = [instanceAccount(randomUUID()), instanceAccount(randomUUID())];
    await vaultOf(dir).set(one, 'in the backup');
    await vaultOf(dir).set(two, 'only in the lost file');
    writeFileSync(join(dir, VAULT_FILE), '{"version":1,"folderId":');

    const told: string[] = [];
    const next = anotherStore(dir, told);
    expect(await next.get(one)).toBe('in the backup');
    expect(await next.get(two)).toBeNull();
    const aside = readdirSync(dir).filter((name) => name.startsWith('tokens.vault.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version":1,"folderId":');
    expect(told).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The token vault .*${VAULT_FILE} was damaged \\(it is not JSON .*\\) and was moved to .*${aside[0]}\\. Its backup .*tokens\\.vault\\.json\\.bak, one change older, took its place`,
        ),
      ),
    ]);
  });

  it('starts a new vault when a damaged one has no sound backup, and says the tokens must be entered again', async () => {
    const dir = await dataDir();
    const account = instanceAccount(randomUUID());
    await vaultOf(dir).set(account, 'lost');
    writeFileSync(join(dir, VAULT_FILE), '[]');
    rmSync(join(dir, 'tokens.vault.json.bak'));
    const told: string[] = [];
    const next = anotherStore(dir, told);
    expect(await next.get(account)).toBeNull();
    await next.set(account, 'entered again');
    expect(vaultSecrets(dir)).toEqual(new Map([[account, 'entered again']]));
    expect(told).toEqual([expect.stringContaining('was damaged (it is not a JSON object) and was moved to')]);
    expect(told[0]).toContain('It had no sound backup, so a new, empty vault starts: enter the API tokens again');
    await keychain.delete(`vault-key:${vaultJson(dir)?.folderId}`);
  });

  it('reads a file saved with a byte order mark, and keeps the fields a newer version of the format added', async () => {
    const dir = await dataDir();
    const account = instanceAccount(randomUUID());
    await vaultOf(dir).set(account, 'token');
    const text = vaultText(dir);
    writeFileSync(
      join(dir, VAULT_FILE),
      `\uFEFF${JSON.stringify({ ...JSON.parse(text), rotation: { due: '2030-01-01' } })}`,
    );
    const next = anotherStore(dir);
    expect(await next.get(account)).toBe('token');
    await next.set(instanceAccount(randomUUID()), 'another');
    expect(vaultJson(dir)).toMatchObject({ rotation: { due: '2030-01-01' } });
  });

  it('leaves a vault a newer version wrote as it is, and says to update', async () => {
    const dir = await dataDir();
    await vaultOf(dir).set(instanceAccount(randomUUID()), 'token');
    writeVault(dir, (json) => ({ ...json, version: 2 }));
    const before = vaultText(dir);
    const error = await anotherStore(dir)
      .set(instanceAccount(randomUUID()), 'refused')
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(TokenVaultError);
    expect((error as Error).message).toMatch(
      /was written by a newer version of authentik License Manager \(vault version 2; this version reads 1\)\. Update the app and aklm/,
    );
    expect(vaultText(dir)).toBe(before);
  });

  it('refuses, and changes nothing, when the keychain lacks the data key or holds another one', async () => {
    const dir = await dataDir();
    const account = instanceAccount(randomUUID());
    await vaultOf(dir).set(account, 'sealed');
    const keyAccount = `vault-key:${vaultJson(dir)?.folderId}`;
    const key = secretToolLookup(keyAccount) ?? '';
    const before = vaultText(dir);
    try {
      await keychain.set(keyAccount, randomBytes(32).toString('base64'));
      await expect(anotherStore(dir).get(account)).rejects.toThrow(
        /^The key the OS keychain holds for the token vault .* is not the one its tokens were sealed with/,
      );
      await keychain.delete(keyAccount);
      const missing = await anotherStore(dir)
        .set(account, 'not written')
        .catch((failure: unknown) => failure);
      expect(missing).toBeInstanceOf(TokenVaultError);
      expect(missing).toMatchObject({
        name: 'TokenVaultError',
        problem: 'vault',
        message: expect.stringMatching(/^The OS keychain holds no key for the token vault .*vault-key:/),
      });
      expect(vaultText(dir)).toBe(before);
    } finally {
      await keychain.set(keyAccount, key);
    }
    expect(await anotherStore(dir).get(account)).toBe('sealed');
  });

  it("is shared by processes: writes of three processes interleaved all stay, and each sees the others'", async () => {
    const dir = await dataDir();
    const vault = vaultOf(dir);
    const tokens = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, () => [instanceAccount(randomUUID()), uniqueToken()]));
    const [mine, first, second] = [tokens(100), tokens(100), tokens(100)];
    await vault.set(instanceAccount(randomUUID()), 'made first');
    const children = [first, second].map((batch) =>
      runChild<{ ok: boolean; read: Record<string, string> }>(CHILD, {
        dataDir: dir,
        tokens: batch,
      } satisfies VaultChildInput),
    );
    for (const [account, token] of Object.entries(mine)) await vault.set(account, token);
    expect(await Promise.all(children)).toEqual([
      { ok: true, read: first },
      { ok: true, read: second },
    ]);

    const all = { ...mine, ...first, ...second };
    expect(Object.fromEntries([...(await vault.entries())].filter(([account]) => account in all))).toEqual(all);
    const onDisk = vaultSecrets(dir);
    expect(onDisk.size).toBe(301);
    for (const [account, token] of Object.entries(all)) expect(onDisk.get(account)).toBe(token);
  }, 60_000);
});
