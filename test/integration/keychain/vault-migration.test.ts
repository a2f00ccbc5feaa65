import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { confAccountStore } from '../../../main/portal/account-store';
import { portalKeychainAccount } from '../../../main/portal/portal-tokens';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { folderAccounts } from '../../../main/secrets/data-folder-vault';
import { copyKeychainTokens, verifiedInVault, type MigrationDeps } from '../../../main/secrets/keychain-migration';
import { instanceAccount, type SecretStore } from '../../../main/secrets/secret-store';
import { vaultAccess } from '../../../main/secrets/vault-access';
import { seal } from '../../../main/secrets/vault-crypto';
import { vaultSecretStore } from '../../../main/secrets/vault-secret-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import {
  PRIVATE_KEYCHAIN,
  requireKeychain,
  runChild,
  tempDataDirs,
  trackedKeychain,
  trackedVaults,
  uniqueToken,
} from './keychain-fixtures';
import type { MigrationChildResult } from './migration-child';
import { secretToolLookup, vaultJson, vaultSecrets, VAULT_FILE } from './vault-reader';

requireKeychain();
// The keychain entries an older version left; whatever a failed test leaves is deleted after the file.
const keychain = trackedKeychain();
const dataDir = tempDataDirs();
const { vaultOf, reports } = trackedVaults();
const CHILD = fileURLToPath(new URL('./migration-child.ts', import.meta.url));

const report = (message: string): void => void reports.push(message);

/** A data folder as an older version left it: three instances and a portal account saved, their tokens keychain entries. */
async function olderInstall(): Promise<{ dir: string; tokens: Map<string, string> }> {
  const dir = await dataDir();
  const registry = createInstanceRegistry(confRegistryStore(dir, report));
  const records = [record({ name: 'A' }), record({ name: 'B' }), record({ name: 'C' })];
  for (const saved of records) registry.add(saved);
  const portalId = `${randomUUID()}@portal.example.com`;
  confAccountStore(dir, report).save({
    id: portalId,
    portalUrl: 'https://portal.example.com',
    userId: 'u',
    email: 'ada@example.com',
    name: 'Ada',
    lastUsedAt: '2026-11-29T08:00:00.000Z',
  });
  const tokens = new Map([
    ...records.map((saved) => [instanceAccount(saved.id), uniqueToken()] as const),
    [
      portalKeychainAccount(portalId),
      JSON.stringify({ access_token: uniqueToken(), refresh_token: uniqueToken(), expires_at: null }),
    ],
  ]);
  for (const [account, token] of tokens) await keychain.set(account, token);
  return { dir, tokens };
}

/** The migration's parts for a folder, over `over` (the real keychain unless a test wraps it). */
const deps = (dir: string, over: SecretStore = keychain): MigrationDeps => ({
  access: vaultAccess({ dataDir: dir, keychain: over, report }),
  keychain: over,
  ownedAccounts: () => folderAccounts(confRegistryStore(dir, report), confAccountStore(dir, report)),
});

/** Where each token is now: `both` (keychain and vault), `vault`, `keychain`, or `lost`. */
function places(dir: string, tokens: Map<string, string>): Record<string, string> {
  const inVault = vaultSecrets(dir);
  return Object.fromEntries(
    [...tokens].map(([account, token]) => {
      const [vault, kept] = [inVault.get(account) === token, secretToolLookup(account) === token];
      return [account, vault && kept ? 'both' : vault ? 'vault' : kept ? 'keychain' : 'lost'];
    }),
  );
}

const everywhere = (tokens: Map<string, string>, place: string): Record<string, string> =>
  Object.fromEntries([...tokens.keys()].map((account) => [account, place]));

/** The next start: every token reachable exactly once, in the vault (read independently), none left in the keychain, the move marked done. */
async function expectMovedOnce(dir: string, tokens: Map<string, string>): Promise<void> {
  expect(await vaultOf(dir).entries()).toEqual(tokens);
  expect(places(dir, tokens)).toEqual(everywhere(tokens, 'vault'));
  expect(vaultJson(dir)?.keychainMigrated).toBe(true);
}

describe('moving the tokens from the keychain into the vault', () => {
  // Run in a keychain of its own: it holds another folder's entries and an `audit:head`, which the shared one must not get.
  it("moves a data folder's tokens on its first use, and leaves every other entry of the service where it is", async () => {
    const result = await runChild<MigrationChildResult>(
      CHILD,
      { dataDir: await dataDir() },
      { wrapper: PRIVATE_KEYCHAIN },
    );
    expect(result).toMatchObject({ ok: true, migrated: true });
    expect(result.listed).toEqual(Object.keys(result.owned).sort());
    expect(result.vaultAfter).toEqual(result.owned);
    expect(result.keychainAfter).toEqual({ ...result.others, [`vault-key:${result.folderId}`]: expect.any(String) });
  }, 60_000);

  it('interrupted after the vault was written, before its read-back: the next start finishes the move', async () => {
    const { dir, tokens } = await olderInstall();
    await copyKeychainTokens(deps(dir));
    expect(places(dir, tokens)).toEqual(everywhere(tokens, 'both'));
    expect(vaultJson(dir)?.keychainMigrated).toBe(false);
    await expectMovedOnce(dir, tokens);
  });

  it('interrupted after the read-back, before any deletion: the next start finishes the move', async () => {
    const { dir, tokens } = await olderInstall();
    const steps = deps(dir);
    expect((await verifiedInVault(steps.access, await copyKeychainTokens(steps))).sort()).toEqual(
      [...tokens.keys()].sort(),
    );
    expect(places(dir, tokens)).toEqual(everywhere(tokens, 'both'));
    await expectMovedOnce(dir, tokens);
  });

  it('interrupted in the middle of the deletions: the next start deletes the rest', async () => {
    const { dir, tokens } = await olderInstall();
    let deletions = 0;
    const failing: SecretStore = {
      ...keychain,
      delete: async (account) => {
        if (++deletions > 2) throw new Error('interrupted while deleting');
        return keychain.delete(account);
      },
    };
    const first = vaultSecretStore({ ...deps(dir, failing), dataDir: dir, report });
    await expect(first.accounts()).rejects.toThrow('interrupted while deleting');
    expect(Object.values(places(dir, tokens)).sort()).toEqual(['both', 'both', 'vault', 'vault']);
    expect(vaultJson(dir)?.keychainMigrated).toBe(false);
    await expectMovedOnce(dir, tokens);
  });

  it('interrupted after the deletions, before the move was marked done: the next start only marks it', async () => {
    const { dir, tokens } = await olderInstall();
    const steps = deps(dir);
    for (const account of await verifiedInVault(steps.access, await copyKeychainTokens(steps)))
      await keychain.delete(account);
    expect(vaultJson(dir)?.keychainMigrated).toBe(false);
    await expectMovedOnce(dir, tokens);
  });

  it("keeps a token saved in the vault after an interrupted copy, and deletes the keychain's older one", async () => {
    const { dir, tokens } = await olderInstall();
    const steps = deps(dir);
    await copyKeychainTokens(steps);
    const [account] = [...tokens.keys()];
    const newer = uniqueToken();
    await steps.access.update(({ doc, key }) => ({
      next: { ...doc, entries: new Map(doc.entries).set(account ?? '', seal(key, account ?? '', newer)) },
      answer: undefined,
    }));
    await expectMovedOnce(dir, new Map(tokens).set(account ?? '', newer));
    expect(secretToolLookup(account ?? '')).toBeNull();
  });

  it("replaces a copied entry that no longer opens with the keychain's token", async () => {
    const { dir, tokens } = await olderInstall();
    await copyKeychainTokens(deps(dir));
    const [account] = [...tokens.keys()];
    const file = join(dir, VAULT_FILE);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { tag: string }> };
    const entry = json.entries[account ?? ''];
    if (entry !== undefined) entry.tag = Buffer.alloc(16).toString('base64');
    writeFileSync(file, JSON.stringify(json));
    await expectMovedOnce(dir, tokens);
  });
});
