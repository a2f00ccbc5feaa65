import { parseInvitationLink } from './invitation-link';
import type { PortalAccount } from './portal-account';
import { PortalError } from './portal-error';
import type { PortalSession } from './portal-session';
import { hostOf } from './portal-url';

const originOf = (account: PortalAccount): string => new URL(account.portalUrl).origin;

/**
 * The account that reads an invitation link on this computer, and the token the link carries: the active
 * account when the link is from its portal (or names none: a deep link, a bare token), else the most
 * recently used account signed in at the link's portal. Nothing is marked used: reading switches nothing.
 * With no account at the link's portal it refuses, before anything is sent: another portal's account
 * would carry the invitation's token, with its own sign-in, to a portal that never issued it.
 */
export function invitationReader(
  session: PortalSession,
  link: string,
): { token: string; reader: PortalAccount; active: PortalAccount } {
  const { token, portalOrigin } = parseInvitationLink(link);
  const active = session.accounts.resolve();
  if (portalOrigin === null || originOf(active) === portalOrigin) return { token, reader: active, active };
  const reader = session.accounts.list().find((account) => originOf(account) === portalOrigin);
  if (reader === undefined) {
    const host = new URL(portalOrigin).host;
    throw new PortalError(
      'not_signed_in',
      `This invitation is from the portal at ${host}, where no account is signed in here. Sign in at ${host} to read it; nothing was sent to any portal.`,
    );
  }
  return { token, reader, active };
}

/** The signed-in account the invitation was sent to (same portal, same e-mail address ignoring case), if any. */
export function inviteeAccount(
  session: PortalSession,
  reader: PortalAccount,
  email: string,
): PortalAccount | undefined {
  const wanted = email.toLowerCase();
  return session.accounts
    .list()
    .find((account) => originOf(account) === originOf(reader) && account.email.toLowerCase() === wanted);
}

/**
 * The account that accepts an invitation, and the link's token: the chosen account, which must be signed
 * in at the link's portal (when the link names one), since it carries the token there with its own sign-in.
 */
export function invitationAcceptor(
  session: PortalSession,
  link: string,
  accountId: string,
): { token: string; account: PortalAccount } {
  const { token, portalOrigin } = parseInvitationLink(link);
  const account = session.accounts.resolve(accountId);
  if (portalOrigin !== null && originOf(account) !== portalOrigin) {
    throw new PortalError(
      'validation',
      `This invitation is from the portal at ${new URL(portalOrigin).host}, but ${account.email} is signed in at ${hostOf(account.portalUrl)}; accept it with an account of that portal.`,
    );
  }
  return { token, account };
}
