import { storedRecords, type StoredRecords } from '../settings/stored-records';
import { PORTAL_ACCOUNT_SCHEMA, type PortalAccount } from './portal-account';

/** The key in the data folder's `config.json` (shared with the saved instances) that holds the portal accounts. */
export const ACCOUNTS_KEY = 'portalAccounts';

/** The portal accounts in the raw `portalAccounts` value (fields a newer version added are kept for writing back); the problem in words when they do not fit. */
export function storedAccounts(raw: unknown): StoredRecords<PortalAccount> | string {
  return storedRecords(raw, PORTAL_ACCOUNT_SCHEMA, ACCOUNTS_KEY);
}
