import type { SecretRedactor } from '../logging/secret-redactor';
import type { SecretStore } from './secret-store';

/** The keychain, telling `redactor` every secret that passes through it, so the log can never show one. */
export function rememberingSecretStore(store: SecretStore, redactor: SecretRedactor): SecretStore {
  return {
    async get(account) {
      const secret = await store.get(account);
      if (secret !== null) redactor.remember(secret);
      return secret;
    },
    async set(account, secret) {
      redactor.remember(secret);
      await store.set(account, secret);
    },
    delete: (account) => store.delete(account),
    accounts: () => store.accounts(),
    async entries() {
      const entries = await store.entries();
      for (const secret of entries.values()) redactor.remember(secret);
      return entries;
    },
  };
}
