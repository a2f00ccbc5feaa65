import type { Invitation } from '../../../shared/portal/schemas/invitations';
import { localDate } from '../../format/dates';
import { RoleTag } from '../../ui/RoleTag';
import { InviteForm } from './InviteForm';
import type { MemberActions } from './mutations';

function InvitationStatus({ invitation }: { invitation: Invitation }) {
  if (invitation.status === 'expired') {
    return (
      <>
        <span className="tag tag--expired">Expired</span>{' '}
        <span className="muted">Resend it to give the link new life.</span>
      </>
    );
  }
  return (
    <>
      <span className="tag">Pending</span>{' '}
      <span className="muted">
        until <time dateTime={invitation.expires_at}>{localDate(invitation.expires_at)}</time>
      </span>
    </>
  );
}

function InvitationActions({
  invitation,
  resend,
  onRevoke,
}: {
  invitation: Invitation;
  resend: MemberActions['resend'];
  onRevoke: () => void;
}) {
  const resending = resend.isPending && resend.variables.id === invitation.id;
  return (
    <div className="member-actions">
      <button
        type="button"
        aria-label={resending ? undefined : `Resend the invitation to ${invitation.email}`}
        aria-disabled={resend.isPending}
        onClick={() => !resend.isPending && resend.mutate(invitation)}
      >
        {resending ? 'Sending…' : 'Resend'}
      </button>
      <button type="button" aria-label={`Revoke the invitation for ${invitation.email}`} onClick={onRevoke}>
        Revoke
      </button>
    </div>
  );
}

interface PendingInvitationsProps {
  invitations: readonly Invitation[];
  owner: boolean;
  orgName: string;
  invite: MemberActions['invite'];
  resend: MemberActions['resend'];
  onRevoke: (invitation: Invitation) => void;
}

/** The guide's Pending invitations area: who was invited with which role; an Owner invites, resends and revokes here. */
export function PendingInvitations({ invitations, owner, orgName, invite, resend, onRevoke }: PendingInvitationsProps) {
  return (
    <section className="portal-panel" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      {invitations.length === 0 ? (
        <p className="muted">No pending invitations.</p>
      ) : (
        <table className="portal-table">
          <caption className="sr-only">Pending invitations</caption>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Invited by</th>
              <th scope="col">Last sent</th>
              {owner && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">{invitation.email}</th>
                <td>
                  <RoleTag role={invitation.role} />
                </td>
                <td>
                  <InvitationStatus invitation={invitation} />
                </td>
                <td>{invitation.invited_by.name}</td>
                <td>
                  <time dateTime={invitation.last_sent_at}>{localDate(invitation.last_sent_at)}</time>
                </td>
                {owner && (
                  <td>
                    <InvitationActions invitation={invitation} resend={resend} onRevoke={() => onRevoke(invitation)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owner && <InviteForm invite={invite} orgName={orgName} />}
    </section>
  );
}
