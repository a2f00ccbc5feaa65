import { accountView, makeActive, portalChanged, type PortalSession } from '../../portal/portal-session';
import { normalizePortalUrl } from '../../portal/portal-url';
import { portalAnswering } from '../answering/portal-answering';
import { openPortalPage } from '../answering/portal-pages';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

type AccountChannels =
  | 'portal:list-accounts'
  | 'portal:sign-in'
  | 'portal:cancel-sign-in'
  | 'portal:switch-account'
  | 'portal:sign-out'
  | 'portal:open-web';

/** The portal address a sign-in goes to, checked before any browser opens. */
function signInUrl(session: PortalSession, portalUrl: string | null): string {
  try {
    return normalizePortalUrl(portalUrl ?? session.defaultPortalUrl());
  } catch (error) {
    throw new IpcError('invalid_input', `portalUrl: ${(error as Error).message}`);
  }
}

/** Accounts: sign in through the system browser (one sign-in at a time), switch, sign out. */
export function portalAccountHandlers(session: PortalSession): Pick<Handlers, AccountChannels> {
  let pendingSignIn: AbortController | null = null;

  return {
    'portal:list-accounts': async () =>
      portalAnswering(async () => ({
        accounts: session.accounts.list().map((account, index) => accountView(account, index === 0)),
        defaultPortalUrl: session.defaultPortalUrl(),
      })),

    'portal:sign-in': async ({ portalUrl }) =>
      portalAnswering(async () => {
        const url = signInUrl(session, portalUrl);
        // A new sign-in replaces one still waiting for its browser.
        pendingSignIn?.abort();
        const attempt = new AbortController();
        pendingSignIn = attempt;
        try {
          const account = await session.accounts.signIn(url, { signal: attempt.signal });
          makeActive(session, account.id);
          portalChanged(session);
          return { account: accountView(session.accounts.resolve(account.id), true) };
        } finally {
          if (pendingSignIn === attempt) pendingSignIn = null;
        }
      }),

    'portal:cancel-sign-in': async () => {
      pendingSignIn?.abort();
      pendingSignIn = null;
      return {};
    },

    'portal:switch-account': async ({ accountId }) =>
      portalAnswering(async () => {
        const account = session.accounts.resolve(accountId);
        makeActive(session, account.id);
        portalChanged(session);
        return { account: accountView(session.accounts.resolve(account.id), true) };
      }),

    'portal:sign-out': async ({ accountId }) =>
      portalAnswering(async () => {
        const { revocationProblem } = await session.accounts.signOut(accountId);
        portalChanged(session);
        return { revocationProblem };
      }),

    'portal:open-web': async ({ portalUrl }) =>
      portalAnswering(async () => {
        await openPortalPage(session, portalUrl, 'web pages');
        return { url: portalUrl };
      }),
  };
}
