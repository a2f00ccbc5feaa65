import { Fragment, useEffect, type ReactNode } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { invitationOpened } from '../../app/portal-navigation';
import { portalHost, selectActiveAccount, selectActiveAccountId } from '../../store/portal-accounts';
import { usePortalAccounts } from '../../store/portal-context';
import { SignInPanel } from '../../ui/SignInPanel';

/** `#portal`: sign in to the customer portal, then "My organizations" (or the first run's create form), which the app shell passes in. */
export function PortalScreen({ organizations }: { organizations: ReactNode }) {
  const listed = usePortalAccounts((state) => state.listed);
  const listProblem = usePortalAccounts((state) => state.listProblem);
  const active = usePortalAccounts(selectActiveAccount);
  const activeId = usePortalAccounts(selectActiveAccountId);
  const addingAccount = usePortalAccounts((state) => state.addingAccount);
  const accountsChanged = usePortalAccounts((state) => state.accountsChanged);

  // The accounts are read again whenever the screen opens (another window may have signed in or out).
  useEffect(() => {
    void accountsChanged();
  }, [accountsChanged]);

  const heading = active === null ? 'Customer portal' : 'My organizations';
  return (
    <main className="screen screen--portal" aria-labelledby={SCREEN_HEADING_ID}>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        {heading}
      </h1>
      {!listed ? (
        <p className="muted" role="status">
          Reading the signed-in portal accounts…
        </p>
      ) : listProblem !== null ? (
        <div className="problem" role="alert">
          <p>
            <strong>The portal accounts could not be read.</strong> {listProblem}
          </p>
          <button type="button" onClick={() => void accountsChanged()}>
            Try again
          </button>
        </div>
      ) : active === null ? (
        <>
          <p className="lede">
            Sign in to the authentik customer portal to manage your organizations: their members and invitations, licenses and billing.
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
            Signed in as <strong>{active.email}</strong> on {portalHost(active.portalUrl)}. Switch accounts or sign out from the account menu at the
            top.
          </p>
          {addingAccount && <SignInPanel heading="Sign in with another account" />}
          {/* Another account's organizations start afresh: no dialog or draft carries over. */}
          <Fragment key={activeId}>{organizations}</Fragment>
        </>
      )}
    </main>
  );
}
