import type { SecretRedactor } from '../logging/secret-redactor';
import type { SecretStore } from './secret-store';

/** A field of a stored JSON object that holds a token: `access_token`, `refresh_token`, `id_token`. */
const TOKEN_FIELD = /token$/i;

/**
 * The secrets an entry holds: the entry as stored and, for one stored as a JSON object (a portal
 * account's tokens), each token in it, since an error may quote a token alone.
 */
function secretsIn(entry: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(entry);
  } catch {
    return [entry];
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return [entry];
  const tokens = Object.entries(json).flatMap(([field, value]) =>
    TOKEN_FIELD.test(field) && typeof value === 'string' ? [value] : [],
  );
  return [entry, ...tokens];
}

/** The keychain, telling `redactor` every secret that passes through it, so the log can never show one. */
export function rememberingSecretStore(store: SecretStore, redactor: SecretRedactor): SecretStore {
  const remember = (entry: string): void => {
    for (const secret of secretsIn(entry)) redactor.remember(secret);
  };
  return {
    async get(account) {
      const secret = await store.get(account);
      if (secret !== null) remember(secret);
      return secret;
    },
    async set(account, secret) {
      remember(secret);
      await store.set(account, secret);
    },
    delete: (account) => store.delete(account),
    accounts: () => store.accounts(),
    async entries() {
      const entries = await store.entries();
      for (const secret of entries.values()) remember(secret);
      return entries;
    },
  };
}
