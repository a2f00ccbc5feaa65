import { useEffect, useRef } from 'react';
import type { InvitationPreview } from '../../../shared/portal/schemas/invitations';
import { localDate } from '../../format/dates';
import {
  useBusyAccountId,
  useSignInOpener,
  useSigningIn,
  useSwitchAccount,
} from '../../queries/portal-account-mutations';
import { portalHost, useActiveAccount, type PortalAccount } from '../../queries/portal-accounts';
import { roleName, ROLE_SUMMARIES } from '../../store/portal-roles';
import { invitationMatch } from './invitation-link';

/** Sent to another signed-in account than the active one: switch to it to accept as the person invited. */
function SwitchToInvitee({ invitee, organization }: { invitee: PortalAccount; organization: string }) {
  const active = useActiveAccount();
  const busy = useBusyAccountId() !== null;
  const switchAccount = useSwitchAccount();
  const host = portalHost(invitee.portalUrl);
  return (
    <div className="warning-box">
      <p>
        This invitation is for {invitee.email}, who is signed in here on {host}
        {active === null ? '' : `, but the account in use is ${active.email}`}. Switch to {invitee.email} to join{' '}
        {organization} as the person invited.
      </p>
      <button
        type="button"
        className="primary"
        aria-disabled={busy}
        onClick={() => !busy && active?.id !== invitee.id && switchAccount.mutate(invitee)}
      >
        Switch to {invitee.email}
      </button>
    </div>
  );
}

/** Sent to an address no account here uses: sign in with it, or (the portal allows any holder of the link) accept as the account shown. */
function NoInviteeAccount({
  email,
  account,
  organization,
}: {
  email: string;
  account: PortalAccount;
  organization: string;
}) {
  const signingIn = useSigningIn();
  const signInOpened = useSignInOpener();
  return (
    <div className="warning-box">
      <p>
        This invitation was sent to {email}, but you are signed in as {account.email} on {portalHost(account.portalUrl)}
        , and no account signed in here uses {email}. To join {organization} as {email}, sign in with that account. The
        portal also lets you accept it as {account.email}: then {account.email} joins {organization}.
      </p>
      <button
        type="button"
        className="primary"
        aria-disabled={signingIn}
        onClick={() => signInOpened(account.portalUrl)}
      >
        Sign in as {email}
      </button>
    </div>
  );
}

interface InvitationPreviewCardProps {
  invitation: InvitationPreview;
  account: PortalAccount;
  /** Accept was pressed and the portal has not answered yet. */
  accepting: boolean;
  acceptProblem: string | null;
  onAccept: () => void;
  onDecline: () => void;
}

/** Who invites whom to which organization with which role — and Accept or Decline; nothing happens until one is pressed. */
export function InvitationPreviewCard({
  invitation,
  account,
  accepting,
  acceptProblem,
  onAccept,
  onDecline,
}: InvitationPreviewCardProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { organization, invited_by: inviter, email, role, expires_at: expiresAt } = invitation;
  const match = invitationMatch({ account, invitation });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      className="portal-panel invitation-card"
      aria-labelledby="invitation-heading"
      data-invitation-match={match}
    >
      <h2 id="invitation-heading" ref={heading} tabIndex={-1}>
        Invitation to {organization.name}
      </h2>
      <p>
        <strong>{inviter.name}</strong> ({inviter.email}) invites <strong>{email}</strong> to join{' '}
        <strong>{organization.name}</strong> as <strong>{roleName(role, 'a')}</strong>.
      </p>
      <p className="muted">
        {roleName(role)}s {ROLE_SUMMARIES[role]}. The invitation expires on{' '}
        <time dateTime={expiresAt}>{localDate(expiresAt)}</time>.
      </p>
      {match === 'invitee-not-active' && <SwitchToInvitee invitee={account} organization={organization.name} />}
      {match === 'no-invitee' && <NoInviteeAccount email={email} account={account} organization={organization.name} />}
      {acceptProblem !== null && (
        <p className="problem" role="alert">
          {acceptProblem}
        </p>
      )}
      <div className="row">
        {match !== 'invitee-not-active' && (
          <button
            type="button"
            className={match === 'invitee-active' ? 'primary' : undefined}
            aria-disabled={accepting}
            onClick={() => !accepting && onAccept()}
          >
            {accepting
              ? 'Joining…'
              : match === 'invitee-active'
                ? `Accept and join ${organization.name}`
                : `Accept as ${account.email}`}
          </button>
        )}
        <button type="button" aria-disabled={accepting} onClick={() => !accepting && onDecline()}>
          Decline
        </button>
      </div>
    </section>
  );
}
