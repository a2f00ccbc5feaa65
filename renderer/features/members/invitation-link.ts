import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import type { InvitationPreview } from '../../../shared/portal/schemas/invitations';

const MAX_LINK_LENGTH = 2048;

/** Why the link cannot be read, before anything is sent. */
export function linkProblem(link: string): string | null {
  const value = link.trim();
  if (value === '') return 'Paste the invitation link from the e-mail: it starts with https:// and ends with token=…';
  if (value.length > MAX_LINK_LENGTH)
    return `An invitation link has at most ${MAX_LINK_LENGTH} characters; paste only the link from the e-mail.`;
  return null;
}

/** The portal an invitation link is from (its origin), or null for the app's deep link or a bare token. */
export function linkPortalUrl(link: string): string | null {
  try {
    const url = new URL(link.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * How the previewed invitation meets the signed-in accounts: sent to the active account (Accept); sent to
 * another signed-in account (switch to it first); or sent to an address no account here uses (sign in
 * with it, or accept as the account shown, as the portal allows any holder of the link).
 */
export type InvitationMatch = 'invitee-active' | 'invitee-not-active' | 'no-invitee';

export function invitationMatch({
  account,
  invitation,
}: {
  account: PortalAccountView;
  invitation: InvitationPreview;
}): InvitationMatch {
  if (account.email.toLowerCase() !== invitation.email.toLowerCase()) return 'no-invitee';
  return account.active ? 'invitee-active' : 'invitee-not-active';
}

/**
 * Where the accept screen is: a link being typed; the invitation behind a link, read and shown (nothing
 * is accepted until Accept); or declined, which sent nothing.
 */
export type InvitationStep =
  { step: 'link' } | { step: 'shown'; link: string } | { step: 'declined'; organization: string };

/** The step a requested link leads to: shown, unless the link fails the rules (nothing is sent then). */
export const stepFor = (link: string): InvitationStep =>
  linkProblem(link) === null ? { step: 'shown', link: link.trim() } : { step: 'link' };
