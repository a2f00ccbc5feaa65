import { useEffect, type FormEvent } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { invitationLinkConsumed } from '../../app/portal-navigation';
import { portalHost, selectActiveAccount } from '../../store/portal-accounts';
import { usePortalAccounts, usePortalInvitation } from '../../store/portal-context';
import { selectLinkProblem, selectSignInPortal } from '../../store/portal-invitation';
import { TextField } from '../dashboard/TextField';
import { SignInPanel } from '../portal/SignInPanel';
import { InvitationPreviewCard } from './InvitationPreviewCard';

/**
 * `#invitation`: paste the link from an invitation e-mail (or arrive with `#invitation?link=…`, the
 * app's deep link) to see the invitation; joining takes the person's Accept.
 */
export function AcceptInvitationScreen({ link }: { link: string | null }) {
  const accountsListed = usePortalAccounts((state) => state.listed);
  const signedIn = usePortalAccounts((state) => selectActiveAccount(state) !== null);
  const addingAccount = usePortalAccounts((state) => state.addingAccount);
  const signInPortalUrl = usePortalAccounts((state) => state.portalUrl);
  const signingIn = usePortalAccounts((state) => state.signingIn);
  const signInOpened = usePortalAccounts((state) => state.signInOpened);
  const typed = usePortalInvitation((state) => state.link);
  const linkProblem = usePortalInvitation(selectLinkProblem);
  const previewing = usePortalInvitation((state) => state.previewing);
  const preview = usePortalInvitation((state) => state.preview);
  const previewProblem = usePortalInvitation((state) => state.previewProblem);
  const linkPortal = usePortalInvitation(selectSignInPortal);
  const notice = usePortalInvitation((state) => state.notice);
  const invitationLinkEdited = usePortalInvitation((state) => state.invitationLinkEdited);
  const invitationPreviewRequested = usePortalInvitation((state) => state.invitationPreviewRequested);

  // A deep link: its invitation is read (never accepted), and the link leaves the address.
  useEffect(() => {
    if (link === null) return;
    void invitationPreviewRequested(link);
    invitationLinkConsumed();
  }, [link, invitationPreviewRequested]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void invitationPreviewRequested();
  };

  return (
    <main className="screen screen--portal" aria-labelledby={SCREEN_HEADING_ID}>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        Accept an invitation
      </h1>
      <p className="lede">
        Paste the link from the invitation e-mail. You see who invites you to which organization, and with which role, before anything happens:
        you join only when you press Accept.
      </p>
      {accountsListed && !signedIn && <SignInPanel heading="Sign in first" />}
      <form className="portal-panel invitation-form" noValidate onSubmit={onSubmit} aria-busy={previewing}>
        <TextField
          id="invitation-link"
          label="Invitation link"
          value={typed}
          onValue={invitationLinkEdited}
          problem={linkProblem ?? undefined}
          hint="The link in the e-mail, starting with https://. The invitation’s token alone works too."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="row">
          <button type="submit" className="primary" aria-disabled={previewing}>
            Show the invitation
          </button>
        </div>
      </form>
      {previewing && (
        <p className="muted" role="status">
          Reading the invitation…
        </p>
      )}
      {previewProblem !== null && (
        <div className="problem" role="alert">
          <p>
            <strong>This invitation could not be read.</strong> {previewProblem.message}
          </p>
          {previewProblem.code === 'not_signed_in' &&
            (linkPortal === null ? (
              <p>Sign in above; the invitation is read again once you are signed in.</p>
            ) : (
              <button type="button" className="primary" aria-disabled={signingIn} onClick={() => signInOpened(linkPortal)}>
                Sign in at {portalHost(linkPortal)}
              </button>
            ))}
        </div>
      )}
      <div role="status" className="notice">
        {notice}
      </div>
      {preview !== null && <InvitationPreviewCard key={preview.link} invitation={preview.invitation} account={preview.account} />}
      {/* "Sign in as <invitee>" on the card, or "Sign in at <host>" for a link from a portal no account here is signed in at, opens the sign-in right below; once signed in, the invitation is read again as that account. */}
      {accountsListed && signedIn && addingAccount && (
        <SignInPanel
          heading={
            preview !== null ? `Sign in as ${preview.invitation.email}` : signInPortalUrl === linkPortal ? `Sign in at ${portalHost(signInPortalUrl)}` : 'Sign in with another account'
          }
        />
      )}
    </main>
  );
}
