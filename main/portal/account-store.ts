import { existsSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { CONFIG_NAME, PROJECT_NAME } from '../registry/registry-store';
import { PORTAL_ACCOUNT_SCHEMA, type PortalAccount } from './portal-account';

/** The key in the data folder's `config.json` (shared with the saved instances) that holds the portal accounts. */
export const ACCOUNTS_KEY = 'portalAccounts';

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

/** The accounts in `<dir>/config.json` through `conf`, as the instance registry keeps its records. */
export function confAccountStore(dir: string): PortalAccountStore {
  const location = path.join(dir, `${CONFIG_NAME}.json`);
  let conf: Conf<Record<string, unknown>> | undefined;
  const fail = (what: string, error: unknown): AccountStoreError => {
    const detail = error instanceof Error ? error.message : String(error);
    return new AccountStoreError(`The settings file ${location} ${what} (${detail}); fix it or check that its folder is writable, then sign in again.`);
  };
  const open = (): Conf<Record<string, unknown>> => {
    try {
      conf ??= new Conf<Record<string, unknown>>({ cwd: dir, configName: CONFIG_NAME, projectName: PROJECT_NAME });
      return conf;
    } catch (error) {
      throw fail('cannot be read', error);
    }
  };
  const read = (): PortalAccount[] => {
    // Reading never creates the data folder: a run with no accounts leaves no trace.
    if (conf === undefined && !existsSync(location)) return [];
    let raw: unknown;
    try {
      raw = open().get(ACCOUNTS_KEY);
    } catch (error) {
      throw fail('cannot be read', error);
    }
    if (raw === undefined) return [];
    const parsed = PORTAL_ACCOUNT_SCHEMA.array().safeParse(raw);
    if (!parsed.success) {
      throw new AccountStoreError(`The portal accounts in ${location} are damaged ("${ACCOUNTS_KEY}": ${parsed.error.issues[0]?.message ?? 'not a list'}); remove that entry and sign in again (tokens stay in the keychain).`);
    }
    return byLastUse(parsed.data);
  };
  const write = (accounts: PortalAccount[]): void => {
    try {
      open().set(ACCOUNTS_KEY, byLastUse(accounts));
    } catch (error) {
      throw fail('cannot be written', error);
    }
  };
  return {
    location,
    list: read,
    get: (id) => read().find((account) => account.id === id),
    mostRecent: () => read()[0],
    save(account) {
      const checked = PORTAL_ACCOUNT_SCHEMA.parse(account);
      write([...read().filter((saved) => saved.id !== checked.id), checked]);
    },
    touch(id, at) {
      const accounts = read();
      if (!accounts.some((account) => account.id === id)) return;
      write(accounts.map((account) => (account.id === id ? { ...account, lastUsedAt: at.toISOString() } : account)));
    },
    remove(id) {
      const accounts = read();
      const kept = accounts.filter((account) => account.id !== id);
      if (kept.length === accounts.length) return false;
      write(kept);
      return true;
    },
  };
}
