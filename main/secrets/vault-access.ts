import { randomUUID } from 'node:crypto';
import { DataLockError, withDataLock } from '../settings/data-lock';
import { TokenVaultError, type SecretStore } from './secret-store';
import { DATA_KEY_BYTES, keyCheck, newDataKey } from './vault-crypto';
import { writeFileAtomicSync } from '../settings/atomic-file';
import {
  readVaultFile,
  setAside,
  vaultBackupPath,
  vaultPath,
  vaultSignature,
  writeVaultFile,
  type VaultDocument,
} from './vault-file';

/** The keychain account holding a vault's data key: one per data folder, named by the vault's folder id. */
export function vaultKeyAccount(folderId: string): string {
  return `vault-key:${folderId}`;
}

/** A vault as read, with the data key that opens its entries. */
export interface OpenVault {
  doc: VaultDocument;
  key: Buffer;
}

/** The data folder's vault file and its key: reading, making, repairing and changing it. */
export interface VaultAccess {
  readonly file: string;
  /** The vault as on disk (kept in memory while the file is unchanged), made with a new data key on first use. */
  open(): Promise<OpenVault>;
  /** The vault read from disk again, never from memory (what a write really left there); null when there is none. */
  reread(): Promise<OpenVault | null>;
  /**
   * Under the data folder's lock: `change` gets the vault as it is on disk and returns the document to
   * write (null: nothing to write) and its answer.
   */
  update<T>(change: (vault: OpenVault) => { next: VaultDocument | null; answer: T }): Promise<T>;
}

export interface VaultAccessOptions {
  dataDir: string;
  /** The OS keychain: holds the data key. */
  keychain: SecretStore;
  /** Told, in words, when a damaged vault was set aside and what took its place. */
  report: (message: string) => void;
}

interface Snapshot {
  signature: string | null;
  text: string;
  doc: VaultDocument;
}

export function vaultAccess(options: VaultAccessOptions): VaultAccess {
  const { dataDir, keychain } = options;
  /** Under the data folder's lock; a lock that cannot be had is told in words, as a vault that cannot be used now. */
  const locked = <T>(work: () => Promise<T>): Promise<T> =>
    withDataLock(dataDir, work).catch((error: unknown) => {
      throw error instanceof DataLockError ? new TokenVaultError(error.message) : error;
    });
  const file = vaultPath(dataDir);
  let cached: Snapshot | undefined;
  /** Data keys by folder id: read from the keychain once per process, like Chromium's and VS Code's secret storage. */
  const keys = new Map<string, Buffer>();

  async function keyOf(doc: VaultDocument): Promise<Buffer> {
    const known = keys.get(doc.folderId);
    if (known !== undefined) return known;
    const account = vaultKeyAccount(doc.folderId);
    // A locked or missing keychain rejects here with its own KeychainUnavailableError, as before the vault.
    const stored = await keychain.get(account);
    const where = `the token vault ${file} (keychain account ${account} of service authentik-license-manager)`;
    if (stored === null) {
      throw new TokenVaultError(
        `The OS keychain holds no key for ${where}, so its tokens cannot be opened: the vault was made under another user or keychain, or the key was deleted. Use the keychain it was made with; or, to start over, move the file away and enter the tokens again.`,
      );
    }
    const key = Buffer.from(stored, 'base64');
    if (key.length !== DATA_KEY_BYTES || keyCheck(key) !== doc.keyCheck) {
      throw new TokenVaultError(
        `The key the OS keychain holds for ${where} is not the one its tokens were sealed with, so they cannot be opened. Use the keychain the vault was made with; or, to start over, move the file away and enter the tokens again.`,
      );
    }
    keys.set(doc.folderId, key);
    return key;
  }

  /** After a damaged read, under the lock: sets the file aside and puts the backup back when it is sound. */
  async function repaired(): Promise<Snapshot | null> {
    const again = await readVaultFile(file);
    if (again.kind !== 'damaged') return again.kind === 'read' ? (cached = again) : null;
    const aside = await setAside(file, new Date());
    const backup = await readVaultFile(vaultBackupPath(dataDir));
    const damaged = `The token vault ${file} was damaged (${again.problem}) and was moved to ${aside}`;
    if (backup.kind !== 'read') {
      options.report(
        `${damaged}. It had no sound backup, so a new, empty vault starts: enter the API tokens again (the dashboard lists the instances without one) and sign in to the portal again.`,
      );
      return null;
    }
    writeFileAtomicSync(file, backup.text);
    options.report(
      `${damaged}. Its backup ${vaultBackupPath(dataDir)}, one change older, took its place: a token saved in the last change may have to be entered again.`,
    );
    return snapshot(true);
  }

  /** The sound vault on disk, or null when there is none yet. */
  async function snapshot(fresh: boolean): Promise<Snapshot | null> {
    const signature = await vaultSignature(file);
    if (signature === null) return null;
    if (!fresh && cached?.signature === signature) return cached;
    const read = await readVaultFile(file);
    if (read.kind === 'absent') return null;
    if (read.kind === 'damaged') return locked(repaired);
    return (cached = read);
  }

  /** Makes the vault (under the lock, unless another process just did): a new folder id, its data key in the keychain first. */
  function create(): Promise<Snapshot> {
    return locked(async () => {
      const existing = await snapshot(true);
      if (existing !== null) return existing;
      const folderId = randomUUID();
      const key = newDataKey();
      await keychain.set(vaultKeyAccount(folderId), key.toString('base64'));
      const doc: VaultDocument = {
        folderId,
        keyCheck: keyCheck(key),
        keychainMigrated: false,
        entries: new Map(),
        extra: {},
      };
      keys.set(folderId, key);
      return (cached = { ...(await writeVaultFile(dataDir, doc, null)), doc });
    });
  }

  const opened = async (found: Snapshot): Promise<OpenVault> => ({ doc: found.doc, key: await keyOf(found.doc) });

  return {
    file,
    open: async () => opened((await snapshot(false)) ?? (await create())),
    async reread() {
      const found = await snapshot(true);
      return found === null ? null : opened(found);
    },
    update: (change) =>
      locked(async () => {
        const found = (await snapshot(false)) ?? (await create());
        const { next, answer } = change(await opened(found));
        if (next !== null) cached = { ...(await writeVaultFile(dataDir, next, found.text)), doc: next };
        return answer;
      }),
  };
}
