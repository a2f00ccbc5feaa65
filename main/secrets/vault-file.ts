import { readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from '../settings/atomic-file';
import { TokenVaultError } from './secret-store';
import type { SealedEntry } from './vault-crypto';

/** The vault in the data folder, and the last good copy of it written before each change. */
export const VAULT_FILE_NAME = 'tokens.vault.json';
export const VAULT_BACKUP_NAME = `${VAULT_FILE_NAME}.bak`;
export const VAULT_VERSION = 1;

/** The vault file's content, as this version understands it. */
export interface VaultDocument {
  /** Random, made with the vault: names the keychain account of its data key, so two folders never share a key. */
  folderId: string;
  /** Tells the data key that sealed the entries from any other (see keyCheck in vault-crypto). */
  keyCheck: string;
  /** True once the tokens this folder's instances and portal accounts had in the keychain were moved in. */
  keychainMigrated: boolean;
  entries: Map<string, SealedEntry>;
  /** Fields a newer version of the same format added: written back as they were. */
  extra: Record<string, unknown>;
}

export type VaultRead =
  | { kind: 'absent' }
  | { kind: 'damaged'; problem: string }
  | { kind: 'read'; doc: VaultDocument; text: string; signature: string };

const SEALED = z.object({ nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const DOCUMENT = z.looseObject({
  version: z.literal(VAULT_VERSION),
  folderId: z.uuid(),
  keyCheck: z.string().min(1),
  keychainMigrated: z.boolean(),
  entries: z.record(z.string(), SEALED),
});

export const vaultPath = (dataDir: string): string => path.join(dataDir, VAULT_FILE_NAME);
export const vaultBackupPath = (dataDir: string): string => path.join(dataDir, VAULT_BACKUP_NAME);

/**
 * What identifies one version of the file: every write replaces it with a new file (a new inode), so a
 * changed file has a changed signature even when its size and time happen to match.
 */
export async function vaultSignature(file: string): Promise<string | null> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): TokenVaultError {
  return new TokenVaultError(
    `The token vault ${file} cannot be read (${(error as Error).message}); check that this user may read and write the data folder.`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The vault file as it is on disk now. Throws TokenVaultError for a file it must not touch (unreadable, or a newer version's). */
export async function readVaultFile(file: string): Promise<VaultRead> {
  let signature: string | null;
  let text: string;
  try {
    // Stat first: a file replaced between the two is read in its newer form and read again next time.
    signature = await vaultSignature(file);
    if (signature === null) return { kind: 'absent' };
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error instanceof TokenVaultError ? error : unreadable(file, error);
  }
  let json: unknown;
  try {
    // An editor may have saved it with a byte order mark; JSON.parse refuses one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'damaged', problem: `it is not JSON (${(error as Error).message})` };
  }
  if (!isObject(json)) return { kind: 'damaged', problem: 'it is not a JSON object' };
  if (typeof json.version === 'number' && json.version > VAULT_VERSION) {
    throw new TokenVaultError(
      `The token vault ${file} was written by a newer version of authentik License Manager (vault version ${json.version}; this version reads ${VAULT_VERSION}). Update the app and aklm; the vault is left as it is.`,
    );
  }
  const parsed = DOCUMENT.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'damaged',
      problem: `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a token vault'}`,
    };
  }
  const { folderId, keyCheck, keychainMigrated, entries } = parsed.data;
  const extra = Object.fromEntries(Object.entries(parsed.data).filter(([field]) => !(field in DOCUMENT.shape)));
  return {
    kind: 'read',
    doc: { folderId, keyCheck, keychainMigrated, entries: new Map(Object.entries(entries)), extra },
    text,
    signature,
  };
}

function vaultText(doc: VaultDocument): string {
  const { folderId, keyCheck, keychainMigrated, entries, extra } = doc;
  return `${JSON.stringify({ version: VAULT_VERSION, folderId, keyCheck, keychainMigrated, ...extra, entries: Object.fromEntries(entries) })}\n`;
}

/**
 * Writes `doc` as the data folder's vault: first `previousText` (the file as it was, read and found sound)
 * as the backup, then the vault itself. Returns what was written, with the new file's signature.
 */
export async function writeVaultFile(
  dataDir: string,
  doc: VaultDocument,
  previousText: string | null,
): Promise<{ text: string; signature: string | null }> {
  const file = vaultPath(dataDir);
  const text = vaultText(doc);
  try {
    if (previousText !== null) writeFileAtomicSync(vaultBackupPath(dataDir), previousText);
    writeFileAtomicSync(file, text);
    return { text, signature: await vaultSignature(file) };
  } catch (error) {
    throw error instanceof TokenVaultError
      ? error
      : new TokenVaultError(
          `The token vault ${file} cannot be written (${(error as Error).message}); the vault is as it was. Check that the data folder is writable and the disk not full.`,
        );
  }
}

/** Moves a damaged vault out of the way under a name that says when (as the settings file's are named); returns that path. */
export async function setAside(file: string, now: Date): Promise<string> {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return aside;
}
