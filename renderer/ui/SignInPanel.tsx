import type { FormEvent } from 'react';
import { usePortalAccounts } from '../store/portal-context';
import { TextField } from './TextField';

/**
 * Sign in to a customer portal through the system browser: the app waits for the portal's answer on a
 * loopback address and never sees the password. A portal without Portal API v1 can be opened in the browser.
 */
export function SignInPanel({ heading }: { heading: string }) {
  const portalUrl = usePortalAccounts((state) => state.portalUrl);
  const signingIn = usePortalAccounts((state) => state.signingIn);
  const signInProblem = usePortalAccounts((state) => state.signInProblem);
  const notAPortalUrl = usePortalAccounts((state) => state.notAPortalUrl);
  const adding = usePortalAccounts((state) => state.addingAccount && state.accounts.length > 0);
  const portalUrlEdited = usePortalAccounts((state) => state.portalUrlEdited);
  const signInRequested = usePortalAccounts((state) => state.signInRequested);
  const signInCancelled = usePortalAccounts((state) => state.signInCancelled);
  const portalWebRequested = usePortalAccounts((state) => state.portalWebRequested);
  const addAccountClosed = usePortalAccounts((state) => state.addAccountClosed);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void signInRequested();
  };

  return (
    <section className="portal-panel sign-in" aria-labelledby="sign-in-heading" aria-busy={signingIn}>
      <h2 id="sign-in-heading">{heading}</h2>
      {signingIn ? (
        <div className="sign-in__waiting" role="status">
          <p>
            <strong>Continue in your browser…</strong> The portal’s sign-in page is open in your web browser. Sign in there; this app
            continues by itself once the portal answers.
          </p>
          <button type="button" onClick={() => void signInCancelled()}>
            Cancel
          </button>
        </div>
      ) : (
        <form className="sign-in__form" noValidate onSubmit={onSubmit}>
          <p className="hint">
            Sign in opens the customer portal in your web browser. Your password goes to the portal only; the app keeps the portal’s sign-in in
            its token vault, encrypted with a key the OS keychain holds.
          </p>
          <TextField
            id="sign-in-portal"
            label="Portal address"
            type="url"
            inputMode="url"
            value={portalUrl}
            onValue={portalUrlEdited}
            hint="The customer portal to sign in to. Keep the address shown unless your organization uses another portal."
            autoComplete="url"
          />
          {signInProblem !== null && (
            <div className="problem" role="alert">
              <p>{signInProblem}</p>
              {/* The app opens only https:// pages in the browser; for another address main's words say where to go. */}
              {notAPortalUrl?.startsWith('https://') === true && (
                <button type="button" onClick={() => void portalWebRequested()}>
                  Open the portal’s web pages
                </button>
              )}
            </div>
          )}
          <div className="row">
            <button type="submit" className="primary">
              Sign in
            </button>
            {adding && (
              <button type="button" onClick={addAccountClosed}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
