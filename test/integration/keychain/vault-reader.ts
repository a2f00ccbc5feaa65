import { spawnSync } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Reads a data folder's token vault the way a person with the file and the keychain could: the data key
// from the keychain with libsecret's secret-tool, the entry opened with node:crypto as docs/data-folder.md describes
// the format. Nothing here is the app's code, so a test using it checks the vault, not the vault's own reader.

const SERVICE = 'authentik-license-manager';
export const VAULT_FILE = 'tokens.vault.json';

interface VaultFileJson {
  version: number;
  folderId: string;
  keyCheck: string;
  keychainMigrated: boolean;
  entries: Record<string, { nonce: string; ciphertext: string; tag: string }>;
}

/** The vault file of `dataDir` as JSON; null when there is none. */
export function vaultJson(dataDir: string): VaultFileJson | null {
  const file = join(dataDir, VAULT_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VaultFileJson) : null;
}

/** What the keychain `env` reaches holds for an account of the app's service, read with secret-tool; null when nothing. */
export function secretToolLookup(account: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const run = spawnSync('secret-tool', ['lookup', 'service', SERVICE, 'username', account], { encoding: 'utf8', env });
  if (run.error !== undefined) throw new Error(`cannot run secret-tool (${run.error.message})`);
  if (run.status === 0) return run.stdout;
  if (run.status === 1 && run.stderr.trim() === '') return null;
  throw new Error(`secret-tool lookup failed (${run.status}): ${run.stderr.trim()}`);
}

/**
 * Every secret the vault of `dataDir` holds, by account, opened with the data key of the keychain `env`
 * reaches; empty when the folder has no vault. Throws when the key is missing or an entry does not open:
 * either is a broken vault, never "no token".
 */
export function vaultSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Map<string, string> {
  const vault = vaultJson(dataDir);
  if (vault === null) return new Map();
  const key = secretToolLookup(`vault-key:${vault.folderId}`, env);
  if (key === null) throw new Error(`the keychain holds no data key for the vault of ${dataDir}`);
  return new Map(
    Object.entries(vault.entries).map(([account, entry]) => {
      const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), Buffer.from(entry.nonce, 'base64'));
      decipher.setAAD(Buffer.from(account, 'utf8'));
      decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
      return [
        account,
        Buffer.concat([decipher.update(Buffer.from(entry.ciphertext, 'base64')), decipher.final()]).toString('utf8'),
      ];
    }),
  );
}

/** The secret the vault of `dataDir` holds for `account` (see vaultSecrets); null when none. */
export function vaultSecret(dataDir: string, account: string, env: NodeJS.ProcessEnv = process.env): string | null {
  return vaultSecrets(dataDir, env).get(account) ?? null;
}

/** Every file under `dir` whose bytes hold `text` (a token must be in none of them in the clear). */
export function filesHolding(dir: string, text: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) return filesHolding(path, text);
      return readFileSync(path).includes(text) ? [path] : [];
    } catch (error) {
      // A lock or temporary file the app removed while this looked: it held nothing then.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  });
}

/**
 * Where a token is kept: in the vault (opened independently), in the keychain as an entry of its own, and
 * whether any file of the data folder holds it in the clear. A token saved by the app is
 * `{ vault: token, keychain: null, inClear: [] }`.
 */
export function tokenPlaces(dataDir: string, account: string, token: string, env: NodeJS.ProcessEnv = process.env) {
  return {
    vault: vaultSecret(dataDir, account, env),
    keychain: secretToolLookup(account, env),
    inClear: filesHolding(dataDir, token),
  };
}
