import type { Invitation } from '../../../shared/portal/schemas/invitations';
import { localDate } from '../../format/dates';
import { usePortalMembers } from '../../store/portal-context';
import { RoleTag } from '../portal/RoleTag';
import { InviteForm } from './InviteForm';

function InvitationStatus({ invitation }: { invitation: Invitation }) {
  if (invitation.status === 'expired') {
    return (
      <>
        <span className="tag tag--expired">Expired</span> <span className="muted">Resend it to give the link new life.</span>
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

function InvitationActions({ invitation }: { invitation: Invitation }) {
  const resending = usePortalMembers((state) => state.resendingId === invitation.id);
  const busy = usePortalMembers((state) => state.resendingId !== null);
  const invitationResendRequested = usePortalMembers((state) => state.invitationResendRequested);
  const revokeDialogOpened = usePortalMembers((state) => state.revokeDialogOpened);
  return (
    <div className="member-actions">
      <button
        type="button"
        aria-label={resending ? undefined : `Resend the invitation to ${invitation.email}`}
        aria-disabled={busy}
        onClick={() => void invitationResendRequested(invitation.id)}
      >
        {resending ? 'Sending…' : 'Resend'}
      </button>
      <button type="button" aria-label={`Revoke the invitation for ${invitation.email}`} onClick={() => revokeDialogOpened(invitation.id)}>
        Revoke
      </button>
    </div>
  );
}

/** The guide's Pending invitations area: who was invited with which role; an Owner invites, resends and revokes here. */
export function PendingInvitations({ owner }: { owner: boolean }) {
  const invitations = usePortalMembers((state) => state.invitations);
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
                    <InvitationActions invitation={invitation} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owner && <InviteForm />}
    </section>
  );
}
