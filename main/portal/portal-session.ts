import type { PortalAccountView } from '../../shared/ipc/portal-contract';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { ExternalBrowserPort } from '../ports/external-browser';
import type { Emit } from '../ports/page-events';
import type { PortalAccountStore } from './account-store';
import type { PortalAccount } from './portal-account';
import type { PortalAccounts } from './portal-accounts';
import type { PortalClient } from './portal-client';

/** What every portal handler reaches: the signed-in accounts, the browser, the events. */
export interface PortalSession {
  accounts: PortalAccounts;
  /** The account list itself (no tokens), to mark which account is active. */
  store: PortalAccountStore;
  /** The system browser; reached only through `openExternal`. */
  browser: ExternalBrowserPort;
  /** The portal a sign-in without an address goes to ($AKLM_PORTAL_URL or the vendor's), normalized. */
  defaultPortalUrl: () => string;
  emit: Emit;
  now: () => number;
  /** Changes made through the portal are recorded before they are asked for. */
  audit: AuditRecorder;
}

/** An account as the page shows it (no tokens); `active` marks the one portal screens act as. */
export function accountView(account: PortalAccount, active: boolean): PortalAccountView {
  return {
    id: account.id,
    portalUrl: account.portalUrl,
    email: account.email,
    name: account.name,
    lastUsedAt: account.lastUsedAt,
    active,
  };
}

/** A client for the active account: the most recently used one (`not_signed_in` when there is none). */
export function activeClient(session: PortalSession): PortalClient {
  return session.accounts.client();
}

/**
 * A client for a named account, which stays where it is in the order of use (installing a pairing that
 * came from another account does not switch the active one); null means the active account.
 */
export function accountClient(session: PortalSession, accountId: string | null): PortalClient {
  return accountId === null ? activeClient(session) : session.accounts.client(accountId, { markUsed: false });
}

/**
 * Makes an account the active one: used strictly later than every other, so it comes first even when the
 * clock has not moved since another account was used (the test bridge's clock stands still).
 */
export function makeActive(session: PortalSession, accountId: string): void {
  const latest = session.store.mostRecent();
  if (latest === undefined || latest.id === accountId) return;
  session.store.touch(accountId, new Date(Math.max(session.now(), Date.parse(latest.lastUsedAt) + 1)));
}

/** Screens showing portal data reload. */
export function portalChanged(session: PortalSession): void {
  session.emit('portal:did-change', {});
}
