import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { PortalAccountView } from '../../shared/ipc/portal-contract';
import { portalProblemOf } from './portal-problem';

/** A signed-in portal account as main shows it to the page: who and where, never a token. */
export type PortalAccount = PortalAccountView;

export interface PortalAccountsState {
  accounts: PortalAccount[];
  /** The portal signed into when no other address is given. */
  defaultPortalUrl: string | null;
  /** True once the first list has answered, with accounts or a problem. */
  listed: boolean;
  listProblem: string | null;

  /** The sign-in form is shown although accounts exist ("Add another account"). */
  addingAccount: boolean;
  /** The sign-in form's portal address; filled with the default portal once the list is in. */
  portalUrl: string;
  /** The system browser is open on the portal's sign-in page; the app waits for its answer. */
  signingIn: boolean;
  signInProblem: string | null;
  /** The address that answered as no Portal API v1 portal: its own web pages can be opened instead. */
  notAPortalUrl: string | null;

  /** The account being switched to or signed out, while main answers. */
  busyAccountId: string | null;
  /** The outcome of the last account action (sign-in, switch, sign-out), in words. */
  notice: string | null;
  /** An account action that failed, in words. */
  problem: string | null;

  accountsNeeded(): Promise<void>;
  accountsChanged(): Promise<void>;
  addAccountOpened(): void;
  /** The sign-in form opens on this portal: to sign in again as an account whose sign-in ended, or as the account an invitation is for. */
  signInOpened(portalUrl: string): void;
  addAccountClosed(): void;
  portalUrlEdited(portalUrl: string): void;
  signInRequested(): Promise<void>;
  signInCancelled(): Promise<void>;
  portalWebRequested(): Promise<void>;
  accountSwitched(accountId: string): Promise<void>;
  signOutRequested(accountId: string): Promise<void>;
  noticeDismissed(): void;
  /** Main made this account the active one (it accepted an invitation). */
  accountActivated(account: PortalAccount): void;
}

export type PortalAccountsStore = StoreApi<PortalAccountsState>;

export const selectActiveAccount = (state: PortalAccountsState): PortalAccount | null => state.accounts.find((account) => account.active) ?? null;

export const selectActiveAccountId = (state: PortalAccountsState): string | null => selectActiveAccount(state)?.id ?? null;

/** The portal's host name, as the account menu shows it next to the e-mail address. */
export function portalHost(portalUrl: string): string {
  try {
    return new URL(portalUrl).host;
  } catch {
    return portalUrl;
  }
}

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

/** The accounts with `account` added or replaced, and marked as the only active one. */
function withActive(accounts: readonly PortalAccount[], account: PortalAccount): PortalAccount[] {
  const others = accounts.filter((candidate) => candidate.id !== account.id).map((candidate) => ({ ...candidate, active: false }));
  return [{ ...account, active: true }, ...others];
}

const who = (account: PortalAccount): string => `${account.email} on ${portalHost(account.portalUrl)}`;

/**
 * The customer portal accounts: sign in through the system browser (tokens stay in main and the token
 * vault), switch the active one, sign out. Every portal screen works as the active account.
 */
export function createPortalAccountsStore({ client }: { client: Api }): PortalAccountsStore {
  return createStore<PortalAccountsState>()((set, get) => {
    let listing: Promise<void> | null = null;
    let listAgain = false;
    /** Set when the person pressed Cancel, so the refusal that follows is not shown as a failure. */
    let cancelled = false;

    function list(fresh: boolean): Promise<void> {
      if (listing !== null) {
        listAgain ||= fresh;
        return listing;
      }
      listing = (async () => {
        do {
          listAgain = false;
          const result = await client.invoke('portal:list-accounts', {});
          if (!result.ok) {
            set({ listed: true, listProblem: result.error.message });
            continue;
          }
          const { accounts, defaultPortalUrl } = result.value;
          set((state) => ({
            accounts,
            defaultPortalUrl,
            listed: true,
            listProblem: null,
            // The field follows the default until the person types another address.
            portalUrl: state.portalUrl === '' || state.portalUrl === state.defaultPortalUrl ? defaultPortalUrl : state.portalUrl,
          }));
        } while (listAgain);
      })().finally(() => {
        listing = null;
      });
      return listing;
    }

    return {
      accounts: [],
      defaultPortalUrl: null,
      listed: false,
      listProblem: null,
      addingAccount: false,
      portalUrl: '',
      signingIn: false,
      signInProblem: null,
      notAPortalUrl: null,
      busyAccountId: null,
      notice: null,
      problem: null,

      accountsNeeded: () => (get().listed ? Promise.resolve() : list(false)),
      accountsChanged: () => list(true),

      addAccountOpened: () => set({ addingAccount: true, signInProblem: null, notAPortalUrl: null, notice: null }),
      signInOpened(portalUrl) {
        if (get().signingIn) return;
        set({ addingAccount: true, portalUrl, signInProblem: null, notAPortalUrl: null, notice: null });
      },
      addAccountClosed() {
        if (get().signingIn) return;
        set({ addingAccount: false, signInProblem: null, notAPortalUrl: null });
      },

      portalUrlEdited: (portalUrl) => set({ portalUrl, signInProblem: null, notAPortalUrl: null }),

      async signInRequested() {
        const state = get();
        if (state.signingIn) return;
        const problem = portalUrlProblem(state.portalUrl);
        if (problem !== null) {
          set({ signInProblem: problem, notAPortalUrl: null });
          return;
        }
        const typed = state.portalUrl.trim();
        const portalUrl = typed === '' ? null : typed;
        cancelled = false;
        set({ signingIn: true, signInProblem: null, notAPortalUrl: null, notice: null, problem: null });
        const result = await client.invoke('portal:sign-in', { portalUrl });
        if (result.ok) {
          const { account } = result.value;
          set((current) => ({
            accounts: withActive(current.accounts, account),
            signingIn: false,
            addingAccount: false,
            notice: `Signed in as ${who(account)}.`,
          }));
          return;
        }
        if (cancelled) {
          set({ signingIn: false, notice: 'Sign-in cancelled. Nothing was saved.' });
          return;
        }
        const failure = portalProblemOf(result.error);
        set({
          signingIn: false,
          signInProblem: failure.message,
          notAPortalUrl: failure.code === 'not_a_portal' ? (portalUrl ?? state.defaultPortalUrl) : null,
        });
      },

      async signInCancelled() {
        if (!get().signingIn) return;
        cancelled = true;
        const result = await client.invoke('portal:cancel-sign-in', {});
        if (!result.ok) set({ signInProblem: `The sign-in could not be cancelled: ${result.error.message}` });
      },

      async portalWebRequested() {
        const portalUrl = get().notAPortalUrl;
        if (portalUrl === null) return;
        const result = await client.invoke('portal:open-web', { portalUrl });
        if (result.ok) set({ notice: `Opened ${result.value.url} in your browser.` });
        else set({ signInProblem: `The portal's web pages could not be opened: ${result.error.message}` });
      },

      async accountSwitched(accountId) {
        const state = get();
        if (state.busyAccountId !== null || selectActiveAccountId(state) === accountId) return;
        set({ busyAccountId: accountId, notice: null, problem: null });
        const result = await client.invoke('portal:switch-account', { accountId });
        if (!result.ok) {
          set({ busyAccountId: null, problem: `Could not switch accounts: ${result.error.message}` });
          return;
        }
        const { account } = result.value;
        set((current) => ({ accounts: withActive(current.accounts, account), busyAccountId: null, notice: `Now using ${who(account)}.` }));
      },

      async signOutRequested(accountId) {
        const state = get();
        const account = state.accounts.find((candidate) => candidate.id === accountId);
        if (state.busyAccountId !== null || account === undefined) return;
        set({ busyAccountId: accountId, notice: null, problem: null });
        const result = await client.invoke('portal:sign-out', { accountId });
        if (!result.ok) {
          set({ busyAccountId: null, problem: `Could not sign out ${who(account)}: ${result.error.message}` });
          return;
        }
        const { revocationProblem } = result.value;
        set((current) => ({
          accounts: current.accounts.filter((candidate) => candidate.id !== accountId),
          busyAccountId: null,
          notice:
            revocationProblem === null
              ? `Signed out ${who(account)}. The portal revoked its sign-in and the app deleted its tokens from the token vault.`
              : `Signed out ${who(account)}: its tokens are deleted from the token vault, but the portal could not revoke them, so it may still honour them until they expire. ${revocationProblem}`,
        }));
        // Main picks the next active account (the most recently used one).
        await list(true);
      },

      noticeDismissed: () => set({ notice: null, problem: null }),

      accountActivated(account) {
        if (selectActiveAccountId(get()) !== account.id) set((state) => ({ accounts: withActive(state.accounts, account) }));
      },
    };
  });
}
