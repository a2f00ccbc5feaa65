import { useIsMutating, useMutation, useMutationState, type QueryClient } from '@tanstack/react-query';
import { useAccountScreen } from '../store/account-screen';
import { accountActivated, accountSignedOut, useDefaultPortalUrl, who, type PortalAccount } from './portal-accounts';
import { askMain } from './query-client';

/*
 * The account actions are mutations under these keys, so any screen can tell a sign-in is waiting for the
 * browser, or which account is being switched to or signed out, without holding the mutation itself.
 */
const root = ['portal-accounts'] as const;
const change = [...root, 'change'] as const;

const accountMutationKeys = {
  signIn: [...root, 'sign-in'] as const,
  cancelSignIn: [...root, 'cancel-sign-in'] as const,
  /** A switch or sign-out: one at a time. */
  change,
  switchAccount: [...change, 'switch'] as const,
  signOut: [...change, 'sign-out'] as const,
};

/** Whether the person pressed Cancel since `askedAt`: the refusal that follows is then no failure. */
const cancelledSince = (client: QueryClient, askedAt: number): boolean =>
  client
    .getMutationCache()
    .findAll({ mutationKey: accountMutationKeys.cancelSignIn })
    .some((cancel) => cancel.state.submittedAt >= askedAt);

/** The system browser is open on the portal's sign-in page; the app waits for its answer. */
export const useSigningIn = (): boolean => useIsMutating({ mutationKey: accountMutationKeys.signIn }) > 0;

/** The account being switched to or signed out while main answers, or null. */
export function useBusyAccountId(): string | null {
  const busy = useMutationState({
    filters: { mutationKey: accountMutationKeys.change, status: 'pending' },
    select: (mutation) => (mutation.state.variables as PortalAccount | undefined)?.id ?? null,
  });
  return busy[0] ?? null;
}

/** The sign-in form's address as shown: what was typed or opened, else the default portal. */
export function useSignInPortalUrl(): string {
  const opened = useAccountScreen((state) => state.portalUrl);
  const defaultPortalUrl = useDefaultPortalUrl();
  return opened ?? defaultPortalUrl ?? '';
}

/** Opens the sign-in form on a portal, unless a sign-in is already waiting for the browser. */
export function useSignInOpener(): (portalUrl: string) => void {
  const signingIn = useSigningIn();
  const signInOpened = useAccountScreen((state) => state.signInOpened);
  return (portalUrl) => {
    if (!signingIn) signInOpened(portalUrl);
  };
}

/**
 * Signs in through the system browser (null: the default portal); tokens stay in main and the token vault.
 * Answers the account signed in, or null when the person cancelled.
 */
export function useSignIn() {
  const noticeShown = useAccountScreen((state) => state.noticeShown);
  const noticeDismissed = useAccountScreen((state) => state.noticeDismissed);
  const addAccountClosed = useAccountScreen((state) => state.addAccountClosed);
  return useMutation({
    mutationKey: accountMutationKeys.signIn,
    mutationFn: async (portalUrl: string | null, { client }): Promise<PortalAccount | null> => {
      const askedAt = Date.now();
      try {
        return (await askMain(client, 'portal:sign-in', { portalUrl })).account;
      } catch (error) {
        if (cancelledSince(client, askedAt)) return null;
        throw error;
      }
    },
    onMutate: noticeDismissed,
    onSuccess(account, _portalUrl, _context, { client }) {
      if (account === null) {
        noticeShown('Sign-in cancelled. Nothing was saved.');
        return;
      }
      accountActivated(client, account);
      addAccountClosed();
      noticeShown(`Signed in as ${who(account)}.`);
    },
  });
}

/** Stops waiting for the browser; the sign-in then answers as cancelled. */
export function useCancelSignIn() {
  return useMutation({
    mutationKey: accountMutationKeys.cancelSignIn,
    mutationFn: (_: undefined, { client }) => askMain(client, 'portal:cancel-sign-in', {}),
  });
}

/** Opens the web pages of an address that is no Portal API v1 portal. */
export function useOpenPortalWeb() {
  const noticeShown = useAccountScreen((state) => state.noticeShown);
  return useMutation({
    mutationFn: (portalUrl: string, { client }) => askMain(client, 'portal:open-web', { portalUrl }),
    onSuccess: ({ url }) => noticeShown(`Opened ${url} in your browser.`),
  });
}

/** Makes another signed-in account the active one; every portal screen then works as it. */
export function useSwitchAccount() {
  const noticeShown = useAccountScreen((state) => state.noticeShown);
  const noticeDismissed = useAccountScreen((state) => state.noticeDismissed);
  return useMutation({
    mutationKey: accountMutationKeys.switchAccount,
    mutationFn: (account: PortalAccount, { client }) =>
      askMain(client, 'portal:switch-account', { accountId: account.id }),
    onMutate: noticeDismissed,
    onSuccess({ account }, _account, _context, { client }) {
      accountActivated(client, account);
      noticeShown(`Now using ${who(account)}.`);
    },
    onError: (error) => noticeShown(`Could not switch accounts: ${error.message}`, true),
  });
}

/** Signs an account out: the portal revokes its sign-in when it can, and main deletes its tokens. */
export function useSignOut() {
  const noticeShown = useAccountScreen((state) => state.noticeShown);
  const noticeDismissed = useAccountScreen((state) => state.noticeDismissed);
  return useMutation({
    mutationKey: accountMutationKeys.signOut,
    mutationFn: (account: PortalAccount, { client }) => askMain(client, 'portal:sign-out', { accountId: account.id }),
    onMutate: noticeDismissed,
    onSuccess({ revocationProblem }, account, _context, { client }) {
      accountSignedOut(client, account.id);
      noticeShown(
        revocationProblem === null
          ? `Signed out ${who(account)}. The portal revoked its sign-in and the app deleted its tokens from the token vault.`
          : `Signed out ${who(account)}: its tokens are deleted from the token vault, but the portal could not revoke them, so it may still honour them until they expire. ${revocationProblem}`,
      );
    },
    onError: (error, account) => noticeShown(`Could not sign out ${who(account)}: ${error.message}`, true),
  });
}
