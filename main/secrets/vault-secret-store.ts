import { moveKeychainTokens } from './keychain-migration';
import type { SecretStore } from './secret-store';
import { vaultAccess, type OpenVault, type VaultAccess } from './vault-access';
import { openSealed, seal } from './vault-crypto';

export interface VaultSecretStoreOptions {
  /** The data folder: the vault is its `tokens.vault.json`, written under its lock. */
  dataDir: string;
  /** The OS keychain: holds the vault's data key, and before the vault held the tokens themselves. */
  keychain: SecretStore;
  /** This folder's instance and portal accounts, whose keychain tokens move into the vault on first use. */
  ownedAccounts: () => readonly string[];
  /** Told, in words, when a damaged vault was set aside and what took its place. */
  report: (message: string) => void;
}

interface Change {
  account: string;
  /** The new secret, or null to delete. */
  secret: string | null;
  done: (existed: boolean) => void;
  failed: (error: unknown) => void;
}

/**
 * Writes changes to the vault file. Changes made while a write is under way (or in the same turn) go
 * into the next write together, so storing the tokens of many instances at once costs a few rewrites of
 * the file, not one per token.
 */
function groupedWrites(access: VaultAccess): (account: string, secret: string | null) => Promise<boolean> {
  let pending: Change[] = [];
  let writing: Promise<void> | undefined;

  const writeBatch = (batch: readonly Change[]): Promise<boolean[]> =>
    access.update(({ doc, key }) => {
      const entries = new Map(doc.entries);
      const existed = batch.map(({ account, secret }) => {
        const had = entries.has(account);
        if (secret === null) entries.delete(account);
        else entries.set(account, seal(key, account, secret));
        return had;
      });
      const changed = batch.some(({ secret }, index) => secret !== null || existed[index]);
      return { next: changed ? { ...doc, entries } : null, answer: existed };
    });

  async function writeAll(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const existed = await writeBatch(batch);
        batch.forEach((change, index) => change.done(existed[index] ?? false));
      } catch (error) {
        for (const change of batch) change.failed(error);
      }
    }
    writing = undefined;
  }

  return (account, secret) =>
    new Promise<boolean>((done, failed) => {
      pending.push({ account, secret, done, failed });
      writing ??= writeAll();
    });
}

/**
 * The instance and portal tokens of one data folder, sealed with AES-256-GCM under a data key that the OS
 * keychain holds (service `authentik-license-manager`, account `vault-key:<folder id>`), in the folder's
 * `tokens.vault.json`. One keychain entry however many tokens: the keychain's per-entry costs (GNOME
 * Keyring slowing down and hanging in the thousands, a macOS prompt per item) no longer grow with the fleet.
 * The app and the CLI share the file: every call sees the other's writes, which go through the data lock.
 */
export function vaultSecretStore(options: VaultSecretStoreOptions): SecretStore {
  const { keychain, ownedAccounts } = options;
  const access = vaultAccess({ dataDir: options.dataDir, keychain, report: options.report });
  const write = groupedWrites(access);
  let firstUse: Promise<void> | undefined;

  /** On first use the vault is made if need be, and takes in the tokens this folder had in the keychain. */
  const ready = (): Promise<void> =>
    (firstUse ??= (async () => {
      const { doc } = await access.open();
      if (!doc.keychainMigrated) await moveKeychainTokens({ access, keychain, ownedAccounts });
    })().catch((error: unknown) => {
      firstUse = undefined;
      throw error;
    }));
  const opened = async (): Promise<OpenVault> => {
    await ready();
    return access.open();
  };

  /** Every entry that opens; one changed on disk reads as absent, so the audit lists its instance as having no token. */
  const entries = async (): Promise<Map<string, string>> => {
    const { doc, key } = await opened();
    return new Map(
      [...doc.entries].flatMap(([account, entry]) => {
        const secret = openSealed(key, account, entry);
        return secret === null ? [] : [[account, secret] as const];
      }),
    );
  };

  return {
    async get(account) {
      const { doc, key } = await opened();
      const entry = doc.entries.get(account);
      return entry === undefined ? null : openSealed(key, account, entry);
    },
    async set(account, secret) {
      await ready();
      await write(account, secret);
    },
    async delete(account) {
      await ready();
      return write(account, null);
    },
    accounts: async () => [...(await entries()).keys()].sort(),
    entries,
  };
}
