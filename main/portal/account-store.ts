import { ConfigFileError } from '../settings/config-file';
import { DataLockError } from '../settings/data-lock';
import { settingsFile, warnOnStderr, type RecoveryNotice } from '../settings/settings-file';
import { PORTAL_ACCOUNT_SCHEMA, type PortalAccount } from './portal-account';
import { ACCOUNTS_KEY, storedAccounts } from './stored-accounts';

/** The accounts file cannot be read or written; the message says where and what to do. */
export class AccountStoreError extends Error {
  override name = 'AccountStoreError';
}

/**
 * The signed-in portal accounts (no tokens: those are in the keychain), newest use first. Every call
 * reads the file afresh, so the app's and the CLI's changes are seen.
 */
export interface PortalAccountStore {
  readonly location: string;
  /** Most recently used first. */
  list(): PortalAccount[];
  get(id: string): PortalAccount | undefined;
  /** The account used last, or undefined when none is signed in. */
  mostRecent(): PortalAccount | undefined;
  /** Adds the account or replaces the one with its id. */
  save(account: PortalAccount): void;
  /** Marks an account as just used; unknown ids are ignored. */
  touch(id: string, at: Date): void;
  /** False when there was no such account. */
  remove(id: string): boolean;
}

function byLastUse(accounts: PortalAccount[]): PortalAccount[] {
  return accounts.sort((a, b) => Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt));
}

/**
 * The accounts in `<dir>/config.json`, beside the saved instances and kept the same way: read afresh, each
 * change read and written in one hold of the data folder's lock, a damaged file recovered from its last good copy.
 */
export function confAccountStore(dir: string, onRecovered: RecoveryNotice = warnOnStderr): PortalAccountStore {
  const file = settingsFile(dir, onRecovered);
  const location = file.location;
  const failing = <T>(what: string, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof ConfigFileError || error instanceof DataLockError)) throw error;
      throw new AccountStoreError(`The portal accounts ${what}: ${error.message}`);
    }
  };
  const parse = (raw: unknown) => {
    const stored = storedAccounts(raw);
    if (typeof stored === 'string')
      throw new AccountStoreError(
        `The portal accounts in ${location} are damaged (${stored}); remove that entry and sign in again (tokens stay in the token vault).`,
      );
    return stored;
  };
  const read = (): PortalAccount[] =>
    byLastUse(parse(failing('cannot be read', () => file.read())?.[ACCOUNTS_KEY]).records);
  /** Changes the accounts as saved at this moment, so another process's change in between is never lost; `work` returns undefined to save nothing. */
  const change = (work: (accounts: PortalAccount[]) => PortalAccount[] | undefined): boolean => {
    let changed = false;
    failing('cannot be saved', () =>
      file.update((data) => {
        const stored = parse(data[ACCOUNTS_KEY]);
        const next = work(stored.records);
        if (next === undefined) return undefined;
        changed = true;
        return { ...data, [ACCOUNTS_KEY]: byLastUse(next).map((account) => stored.keep(account)) };
      }),
    );
    return changed;
  };
  return {
    location,
    list: read,
    get: (id) => read().find((account) => account.id === id),
    mostRecent: () => read()[0],
    save(account) {
      const checked = PORTAL_ACCOUNT_SCHEMA.parse(account);
      change((accounts) => [...accounts.filter((saved) => saved.id !== checked.id), checked]);
    },
    touch(id, at) {
      change((accounts) =>
        accounts.some((account) => account.id === id)
          ? accounts.map((account) => (account.id === id ? { ...account, lastUsedAt: at.toISOString() } : account))
          : undefined,
      );
    },
    remove(id) {
      return change((accounts) => {
        const kept = accounts.filter((account) => account.id !== id);
        return kept.length === accounts.length ? undefined : kept;
      });
    },
  };
}
