/** The OS keychain's service name for every secret the app keeps there (the token vault's data keys, and before the vault the tokens themselves). */
export const KEYCHAIN_SERVICE = 'authentik-license-manager';

const INSTANCE_ACCOUNT_PREFIX = 'instance:';

/** The account (in the token vault) holding a saved instance's API token. */
export function instanceAccount(id: string): string {
  return `${INSTANCE_ACCOUNT_PREFIX}${id}`;
}

/** The instance id of an `instance:<id>` account, or null for any other account. */
export function instanceIdOf(account: string): string | null {
  return account.startsWith(INSTANCE_ACCOUNT_PREFIX) ? account.slice(INSTANCE_ACCOUNT_PREFIX.length) : null;
}

/**
 * Secrets by account: the OS keychain itself (under KEYCHAIN_SERVICE), or the data folder's token vault,
 * whose key the keychain holds. Every method rejects with KeychainUnavailableError when the secrets cannot
 * be reached (no keychain, or a vault that cannot be opened: TokenVaultError).
 */
export interface SecretStore {
  /** The secret, or null when there is none for this account. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when a secret was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Every account that holds a secret under the service. */
  accounts(): Promise<string[]>;
  /** Every account's secret in one call (for reading many instances at once). */
  entries(): Promise<Map<string, string>>;
}

/**
 * Why the keychain cannot be used: `no-session-bus` (Linux: no D-Bus session), `no-secret-service`
 * (Linux: nothing provides org.freedesktop.secrets), `locked` (the keyring is locked or has no default
 * collection), `failure` (anything else the platform reported), `vault` (the keychain answers, but the
 * token vault it keeps the key of cannot be opened).
 */
export type KeychainProblem = 'no-session-bus' | 'no-secret-service' | 'locked' | 'failure' | 'vault';

/** No OS keychain is reachable; the message says what is missing and how to fix it. Secrets are never kept elsewhere instead. */
export class KeychainUnavailableError extends Error {
  override name = 'KeychainUnavailableError';

  constructor(
    readonly problem: KeychainProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The token vault cannot be opened as it is: the keychain lacks its key or holds another one, or a newer
 * version of the app wrote it. A KeychainUnavailableError, since for every caller it means the same: the
 * tokens cannot be had, and the message says what to do.
 */
export class TokenVaultError extends KeychainUnavailableError {
  override name = 'TokenVaultError';

  constructor(message: string) {
    super('vault', message);
  }
}
