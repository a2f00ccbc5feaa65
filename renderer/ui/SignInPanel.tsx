import { useState, type FormEvent } from 'react';
import {
  useCancelSignIn,
  useOpenPortalWeb,
  useSignIn,
  useSignInPortalUrl,
  useSigningIn,
} from '../queries/portal-account-mutations';
import { useAccounts, useDefaultPortalUrl } from '../queries/portal-accounts';
import { useAccountScreen } from '../store/account-screen';
import { TextField } from './TextField';

/** Why the sign-in form's address cannot be used, or null; empty means the default portal. */
function portalUrlProblem(portalUrl: string): string | null {
  const value = portalUrl.trim();
  if (value === '') return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return null;
  } catch {
    // Not a URL at all: the same advice.
  }
  return 'The portal address starts with https://, like https://customers.goauthentik.io';
}

/**
 * Sign in to a customer portal through the system browser: the app waits for the portal's answer on a
 * loopback address and never sees the password. A portal without Portal API v1 can be opened in the browser.
 */
export function SignInPanel({ heading }: { heading: string }) {
  const portalUrl = useSignInPortalUrl();
  const defaultPortalUrl = useDefaultPortalUrl();
  const signingIn = useSigningIn();
  const accounts = useAccounts();
  const adding = useAccountScreen((state) => state.adding) && accounts.length > 0;
  const portalUrlEdited = useAccountScreen((state) => state.portalUrlEdited);
  const addAccountClosed = useAccountScreen((state) => state.addAccountClosed);
  const signIn = useSignIn();
  const cancel = useCancelSignIn();
  const openWeb = useOpenPortalWeb();
  /** The address Sign in was last pressed with; what went wrong is shown while the form still shows it. */
  const [submitted, setSubmitted] = useState<string | null>(null);
  const current = submitted !== null && submitted === portalUrl;

  // The address that answered as no Portal API v1 portal: its own web pages can be opened instead.
  const notAPortalUrl =
    current && signIn.error?.code === 'not_a_portal' ? (signIn.variables ?? defaultPortalUrl) : null;
  const problem = !current
    ? null
    : (portalUrlProblem(submitted) ??
      signIn.error?.message ??
      (cancel.isError ? `The sign-in could not be cancelled: ${cancel.error.message}` : null) ??
      (openWeb.isError ? `The portal's web pages could not be opened: ${openWeb.error.message}` : null));

  const problemsCleared = (): void => {
    signIn.reset();
    cancel.reset();
    openWeb.reset();
  };

  const onEdit = (value: string): void => {
    portalUrlEdited(value);
    setSubmitted(null);
    problemsCleared();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (signingIn) return;
    problemsCleared();
    setSubmitted(portalUrl);
    // An address that is no URL is not sent.
    if (portalUrlProblem(portalUrl) !== null) return;
    const typed = portalUrl.trim();
    signIn.mutate(typed === '' ? null : typed);
  };

  return (
    <section className="portal-panel sign-in" aria-labelledby="sign-in-heading" aria-busy={signingIn}>
      <h2 id="sign-in-heading">{heading}</h2>
      {signingIn ? (
        <div className="sign-in__waiting" role="status">
          <p>
            <strong>Continue in your browser…</strong> The portal’s sign-in page is open in your web browser. Sign in
            there; this app continues by itself once the portal answers.
          </p>
          <button type="button" onClick={() => cancel.mutate(undefined)}>
            Cancel
          </button>
        </div>
      ) : (
        <form className="sign-in__form" noValidate onSubmit={onSubmit}>
          <p className="hint">
            Sign in opens the customer portal in your web browser. Your password goes to the portal only; the app keeps
            the portal’s sign-in in its token vault, encrypted with a key the OS keychain holds.
          </p>
          <TextField
            id="sign-in-portal"
            label="Portal address"
            type="url"
            inputMode="url"
            value={portalUrl}
            onValue={onEdit}
            hint="The customer portal to sign in to. Keep the address shown unless your organization uses another portal."
            autoComplete="url"
          />
          {problem !== null && (
            <div className="problem" role="alert">
              <p>{problem}</p>
              {/* The app opens only https:// pages in the browser; for another address main's words say where to go. */}
              {notAPortalUrl?.startsWith('https://') === true && (
                <button type="button" onClick={() => openWeb.mutate(notAPortalUrl)}>
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
