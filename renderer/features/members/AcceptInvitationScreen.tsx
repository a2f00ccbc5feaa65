import { useEffect, useState, type FormEvent } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { invitationLinkConsumed, organizationOpened } from '../../app/portal-navigation';
import { useSignInOpener, useSignInPortalUrl, useSigningIn } from '../../queries/portal-account-mutations';
import { portalHost, useAccountsListed, useActiveAccountId } from '../../queries/portal-accounts';
import { useAccountScreen } from '../../store/account-screen';
import { refusalWords } from '../../store/portal-problem';
import { TextField } from '../../ui/TextField';
import { SignInPanel } from '../../ui/SignInPanel';
import { linkPortalUrl, linkProblem, stepFor, type InvitationStep } from './invitation-link';
import { InvitationPreviewCard } from './InvitationPreviewCard';
import { useAcceptInvitation, type OrganizationJoined } from './mutations';
import { useInvitationPreview } from './queries';

/**
 * `#invitation`: paste the link from an invitation e-mail (or arrive with `#invitation?link=…`, the
 * app's deep link) to see the invitation; joining takes the person's Accept.
 */
export function AcceptInvitationScreen({ link, onJoined }: { link: string | null; onJoined: OrganizationJoined }) {
  const accountsListed = useAccountsListed();
  const signedIn = useActiveAccountId() !== null;
  const addingAccount = useAccountScreen((state) => state.adding);
  const signInPortalUrl = useSignInPortalUrl();
  const signingIn = useSigningIn();
  const signInOpened = useSignInOpener();
  const [typed, setTyped] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [step, setStep] = useState<InvitationStep>({ step: 'link' });
  // A deep link: its invitation is read (never accepted), and the link leaves the address. The
  // fields follow a new link in the same render (https://react.dev/learn/you-might-not-need-an-effect).
  const [linkSeen, setLinkSeen] = useState<string | null>(null);
  if (link !== linkSeen) {
    setLinkSeen(link);
    if (link !== null) {
      setTyped(link);
      setAttempted(true);
      setStep(stepFor(link));
    }
  }
  const shownLink = step.step === 'shown' ? step.link : null;
  const preview = useInvitationPreview(shownLink);
  const accept = useAcceptInvitation(onJoined);
  const shown = preview.isError ? null : (preview.data ?? null);
  // Where to sign in so the invitation can be read: the link's own portal, when main asked for a sign-in to read it.
  const linkPortal = preview.error?.code === 'not_signed_in' && shownLink !== null ? linkPortalUrl(shownLink) : null;

  // Once shown, the link leaves the address.
  useEffect(() => {
    if (link !== null) invitationLinkConsumed();
  }, [link]);

  const linkEdited = (value: string): void => {
    if (accept.isPending) return;
    setTyped(value);
    setStep({ step: 'link' });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (accept.isPending) return;
    setAttempted(true);
    accept.reset();
    const next = stepFor(typed);
    // The same link asked for again is read again.
    if (next.step === 'shown' && next.link === shownLink) void preview.refetch();
    else setStep(next);
  };

  const onAccept = (): void => {
    if (shown === null) return;
    accept.mutate(
      { link: shown.link, account: shown.account },
      { onSuccess: ({ organization }) => organizationOpened(organization.id) },
    );
  };

  return (
    <main className="screen screen--portal" aria-labelledby={SCREEN_HEADING_ID}>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        Accept an invitation
      </h1>
      <p className="lede">
        Paste the link from the invitation e-mail. You see who invites you to which organization, and with which role,
        before anything happens: you join only when you press Accept.
      </p>
      {accountsListed && !signedIn && <SignInPanel heading="Sign in first" />}
      <form className="portal-panel invitation-form" noValidate onSubmit={onSubmit} aria-busy={preview.isFetching}>
        <TextField
          id="invitation-link"
          label="Invitation link"
          value={typed}
          onValue={linkEdited}
          problem={(attempted ? linkProblem(typed) : null) ?? undefined}
          hint="The link in the e-mail, starting with https://. The invitation’s token alone works too."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="row">
          <button type="submit" className="primary" aria-disabled={preview.isFetching}>
            Show the invitation
          </button>
        </div>
      </form>
      {shownLink !== null && shown === null && !preview.isError && (
        <p className="muted" role="status">
          Reading the invitation…
        </p>
      )}
      {preview.isError && (
        <div className="problem" role="alert">
          <p>
            <strong>This invitation could not be read.</strong> {preview.error.message}
          </p>
          {preview.error.code === 'not_signed_in' &&
            (linkPortal === null ? (
              <p>Sign in above; the invitation is read again once you are signed in.</p>
            ) : (
              <button
                type="button"
                className="primary"
                aria-disabled={signingIn}
                onClick={() => signInOpened(linkPortal)}
              >
                Sign in at {portalHost(linkPortal)}
              </button>
            ))}
        </div>
      )}
      <div role="status" className="notice">
        {step.step === 'declined' &&
          `You declined the invitation to ${step.organization}. Nothing was sent to the portal: you did not join, and the link in the e-mail keeps working until it expires, in case you change your mind.`}
      </div>
      {shown !== null && (
        <InvitationPreviewCard
          key={shown.link}
          invitation={shown.invitation}
          account={shown.account}
          accepting={accept.isPending}
          acceptProblem={
            accept.isError
              ? refusalWords(accept.error, `accept the invitation to ${shown.invitation.organization.name}`)
              : null
          }
          onAccept={onAccept}
          onDecline={() => setStep({ step: 'declined', organization: shown.invitation.organization.name })}
        />
      )}
      {/* "Sign in as <invitee>" on the card, or "Sign in at <host>" for a link from a portal no account here is signed in at, opens the sign-in right below; once signed in, the invitation is read again as that account. */}
      {accountsListed && signedIn && addingAccount && (
        <SignInPanel
          heading={
            shown !== null
              ? `Sign in as ${shown.invitation.email}`
              : signInPortalUrl === linkPortal
                ? `Sign in at ${portalHost(signInPortalUrl)}`
                : 'Sign in with another account'
          }
        />
      )}
    </main>
  );
}
