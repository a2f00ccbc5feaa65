import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** One sealed secret as the vault file keeps it; each part base64. */
export interface SealedEntry {
  nonce: string;
  ciphertext: string;
  tag: string;
}

const CIPHER = 'aes-256-gcm';
/** GCM's recommended nonce size; random per write, so a nonce is never reused with the key in practice. */
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** A data key: 256 random bits. */
export const DATA_KEY_BYTES = 32;
const KEY_CHECK_LABEL = 'authentik-license-manager token vault key check';

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/**
 * Seals `secret` for `account` with a fresh nonce. The account is the associated data, so an entry copied
 * under another account no longer opens.
 */
export function seal(key: Buffer, account: string, secret: string): SealedEntry {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(account, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return {
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The secret, or null when the entry does not authenticate for `account` (changed on disk, or moved from another account). */
export function openSealed(key: Buffer, account: string, entry: SealedEntry): string | null {
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from(entry.nonce, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(account, 'utf8'));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(entry.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // A wrong nonce or tag length throws as early as a failed tag does: either way the entry is not this key's for this account.
    return null;
  }
}

/** What the vault file keeps to tell its own key from another one, without revealing either. */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('base64');
}
