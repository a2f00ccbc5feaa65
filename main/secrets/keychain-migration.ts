import type { SecretStore } from './secret-store';
import type { VaultAccess } from './vault-access';
import { openSealed, seal } from './vault-crypto';

/** The accounts that held tokens in the keychain before the vault: only these ever move (never a vault key, never the audit trail's head). */
const TOKEN_ACCOUNT = /^(?:instance|portal):/;

export interface MigrationDeps {
  access: VaultAccess;
  keychain: SecretStore;
  /**
   * The accounts this data folder has: its saved instances' and portal accounts'. Only their tokens move,
   * since one keychain may serve several data folders (AKLM_DATA_DIR), each moving its own.
   */
  ownedAccounts: () => readonly string[];
}

export interface Copied {
  /** The folder's tokens as the keychain holds them, by account. */
  found: Map<string, string>;
  /** The accounts this step put into the vault (the others it held already, from an earlier, interrupted move or a newer save). */
  copied: Set<string>;
}

/**
 * Step 1: the keychain's tokens of this folder that the vault lacks are sealed into it, in one write. An
 * entry that no longer opens (changed on disk) counts as lacking: the keychain's copy replaces it.
 */
export async function copyKeychainTokens(deps: MigrationDeps): Promise<Copied> {
  const owned = new Set(deps.ownedAccounts());
  const found = new Map(
    [...(await deps.keychain.entries())].filter(([account]) => TOKEN_ACCOUNT.test(account) && owned.has(account)),
  );
  const copied = await deps.access.update(({ doc, key }) => {
    const missing = [...found].filter(([account]) => {
      const entry = doc.entries.get(account);
      return entry === undefined || openSealed(key, account, entry) === null;
    });
    if (missing.length === 0) return { next: null, answer: new Set<string>() };
    const entries = new Map(doc.entries);
    for (const [account, secret] of missing) entries.set(account, seal(key, account, secret));
    return { next: { ...doc, entries }, answer: new Set(missing.map(([account]) => account)) };
  });
  return { found, copied };
}

/**
 * Step 2: the vault read back from disk. An account counts as safely in the vault when its entry opens, and
 * holds the keychain's token when this run copied it; one the vault held already may hold a newer token.
 */
export async function verifiedInVault(access: VaultAccess, { found, copied }: Copied): Promise<string[]> {
  const back = await access.reread();
  if (back === null) return [];
  return [...found].flatMap(([account, secret]) => {
    const entry = back.doc.entries.get(account);
    const opened = entry === undefined ? null : openSealed(back.key, account, entry);
    return opened !== null && (opened === secret || !copied.has(account)) ? [account] : [];
  });
}

/**
 * Moves this folder's tokens from the keychain into the vault: copy, read back, then delete from the
 * keychain only what the read-back found, and mark the move done once nothing is left. Interrupted at
 * any point, it leaves every token in the keychain, the vault or both, and the next run picks up from there.
 */
export async function moveKeychainTokens(deps: MigrationDeps): Promise<void> {
  const copy = await copyKeychainTokens(deps);
  const verified = await verifiedInVault(deps.access, copy);
  for (const account of verified) await deps.keychain.delete(account);
  if (verified.length < copy.found.size) return;
  await deps.access.update(({ doc }) => ({
    next: doc.keychainMigrated ? null : { ...doc, keychainMigrated: true },
    answer: undefined,
  }));
}
