import { useEffect, useRef } from 'react';
import type { InvitationPreview } from '../../../shared/portal/schemas/invitations';
import { organizationOpened } from '../../app/portal-navigation';
import { localDate } from '../../format/dates';
import type { PortalAccount } from '../../store/portal-accounts';
import { portalHost } from '../../store/portal-accounts';
import { usePortalInvitation } from '../../store/portal-context';
import { roleName, ROLE_SUMMARIES } from '../../store/portal-roles';

/** Who invites whom to which organization with which role — and Accept or Decline; nothing happens until one is pressed. */
export function InvitationPreviewCard({ invitation, account }: { invitation: InvitationPreview; account: PortalAccount }) {
  const accepting = usePortalInvitation((state) => state.accepting);
  const acceptProblem = usePortalInvitation((state) => state.acceptProblem);
  const invitationAcceptRequested = usePortalInvitation((state) => state.invitationAcceptRequested);
  const invitationDeclined = usePortalInvitation((state) => state.invitationDeclined);
  const heading = useRef<HTMLHeadingElement>(null);
  const { organization, invited_by: inviter, email, role, expires_at: expiresAt } = invitation;
  const otherAccount = account.email.toLowerCase() !== email.toLowerCase();

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onAccept = async (): Promise<void> => {
    const joined = await invitationAcceptRequested();
    if (joined !== null) organizationOpened(joined);
  };

  return (
    <section className="portal-panel invitation-card" aria-labelledby="invitation-heading">
      <h2 id="invitation-heading" ref={heading} tabIndex={-1}>
        Invitation to {organization.name}
      </h2>
      <p>
        <strong>{inviter.name}</strong> ({inviter.email}) invites <strong>{email}</strong> to join <strong>{organization.name}</strong> as{' '}
        <strong>{roleName(role, 'a')}</strong>.
      </p>
      <p className="muted">
        {roleName(role)}s {ROLE_SUMMARIES[role]}. The invitation expires on <time dateTime={expiresAt}>{localDate(expiresAt)}</time>.
      </p>
      {otherAccount && (
        <p className="warning-box">
          This invitation was sent to {email}, but you are signed in as {account.email} on {portalHost(account.portalUrl)}. If you accept,{' '}
          {account.email} joins {organization.name}. To join as {email}, sign in with that account first: account menu, Add another account.
        </p>
      )}
      {acceptProblem !== null && (
        <p className="problem" role="alert">
          {acceptProblem}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" aria-disabled={accepting} onClick={() => void onAccept()}>
          {accepting ? 'Joining…' : `Accept and join ${organization.name}`}
        </button>
        <button type="button" aria-disabled={accepting} onClick={invitationDeclined}>
          Decline
        </button>
      </div>
    </section>
  );
}
