import { Fragment, type ReactNode } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { invitationOpened } from '../../app/portal-navigation';
import { activeAccountOf, portalHost, useAccountList } from '../../queries/portal-accounts';
import { useAccountScreen } from '../../store/account-screen';
import { SignInPanel } from '../../ui/SignInPanel';

/** `#portal`: sign in to the customer portal, then "My organizations" (or the first run's create form), which the app shell passes in. */
export function PortalScreen({ organizations }: { organizations: ReactNode }) {
  // The accounts are read again whenever the screen opens (another window may have signed in or out).
  const list = useAccountList({ readAgain: true });
  const active = activeAccountOf(list.data);
  const addingAccount = useAccountScreen((state) => state.adding);

  const heading = active === null ? 'Customer portal' : 'My organizations';
  return (
    <main className="screen screen--portal" aria-labelledby={SCREEN_HEADING_ID}>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        {heading}
      </h1>
      {list.isPending ? (
        <p className="muted" role="status">
          Reading the signed-in portal accounts…
        </p>
      ) : list.isError ? (
        <div className="problem" role="alert">
          <p>
            <strong>The portal accounts could not be read.</strong> {list.error.message}
          </p>
          <button type="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : active === null ? (
        <>
          <p className="lede">
            Sign in to the authentik customer portal to manage your organizations: their members and invitations,
            licenses and billing.
          </p>
          <SignInPanel heading="Sign in to the customer portal" />
          <p>
            Invited to an organization?{' '}
            <button type="button" className="link-button" onClick={invitationOpened}>
              Accept an invitation
            </button>{' '}
            (you sign in first).
          </p>
        </>
      ) : (
        <>
          <p className="lede">
            Signed in as <strong>{active.email}</strong> on {portalHost(active.portalUrl)}. Switch accounts or sign out
            from the account menu at the top.
          </p>
          {addingAccount && <SignInPanel heading="Sign in with another account" />}
          {/* Another account's organizations start afresh: no dialog or draft carries over. */}
          <Fragment key={active.id}>{organizations}</Fragment>
        </>
      )}
    </main>
  );
}
