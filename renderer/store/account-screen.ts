import { create } from 'zustand';

/** What the portal account screens hold for the screen alone; the accounts themselves are a query (renderer/queries/portal-accounts.ts). */
interface AccountScreenState {
  /** The sign-in form is shown although accounts exist ("Add another account", "Sign in again", "Sign in as …"). */
  adding: boolean;
  /** The sign-in form's portal address; null follows the default portal until the person types another. */
  portalUrl: string | null;
  /** What the last account action did (signed in, switched, signed out, or why it could not), for under the header. */
  notice: { text: string; problem: boolean } | null;
  addAccountOpened(): void;
  /** The sign-in form opens on this portal: to sign in again as an account whose sign-in ended, or as the account an invitation is for. */
  signInOpened(portalUrl: string): void;
  addAccountClosed(): void;
  portalUrlEdited(portalUrl: string): void;
  noticeShown(text: string, problem?: boolean): void;
  noticeDismissed(): void;
}

export const useAccountScreen = create<AccountScreenState>()((set) => ({
  adding: false,
  portalUrl: null,
  notice: null,
  addAccountOpened: () => set({ adding: true, notice: null }),
  signInOpened: (portalUrl) => set({ adding: true, portalUrl, notice: null }),
  addAccountClosed: () => set({ adding: false }),
  portalUrlEdited: (portalUrl) => set({ portalUrl }),
  noticeShown: (text, problem = false) => set({ notice: { text, problem } }),
  noticeDismissed: () => set({ notice: null }),
}));
