import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';

export type KeychainAudit = ChannelOutput<'instances:audit'>;

export interface KeychainAuditState {
  /** main's last answer; null before the first. */
  audit: KeychainAudit | null;
  /** Why the token vault could not be checked, in words. */
  auditProblem: string | null;
  /** The answer the person dismissed: the notice stays hidden until the answer changes. */
  dismissed: string | null;
  confirmOpen: boolean;
  deleting: boolean;
  deleteProblem: string | null;
  /** The outcome of the last deletion. */
  notice: string | null;

  auditRequested(): Promise<void>;
  auditNoticeDismissed(): void;
  orphanDeleteDialogOpened(): void;
  orphanDeleteDialogClosed(): void;
  orphanDeleteRequested(): Promise<void>;
}

export type KeychainAuditStore = StoreApi<KeychainAuditState>;

/** What the notice is about, as one string: the same findings are dismissed once. */
function auditKey(audit: KeychainAudit | null, problem: string | null): string {
  return JSON.stringify({ orphans: [...(audit?.orphanedAccounts ?? [])].sort(), missing: (audit?.missingTokens ?? []).map((entry) => entry.id).sort(), problem });
}

/** Whether there is anything to tell: orphaned entries, instances without a token, or an audit that failed. */
export const selectAuditFindings = (state: KeychainAuditState): boolean =>
  state.auditProblem !== null || (state.audit !== null && (state.audit.orphanedAccounts.length > 0 || state.audit.missingTokens.length > 0));

/** Shown unless dismissed for exactly these findings; a deletion's outcome keeps it up. */
export const selectAuditNoticeShown = (state: KeychainAuditState): boolean =>
  state.notice !== null || (selectAuditFindings(state) && state.dismissed !== auditKey(state.audit, state.auditProblem));

/** The token vault against the registry: tokens no saved instance owns, and saved instances without a token. */
export function createKeychainAuditStore({ client }: { client: Api }): KeychainAuditStore {
  return createStore<KeychainAuditState>()((set, get) => {
    let asking = 0;
    return {
      audit: null,
      auditProblem: null,
      dismissed: null,
      confirmOpen: false,
      deleting: false,
      deleteProblem: null,
      notice: null,

      async auditRequested() {
        const current = ++asking;
        const result = await client.invoke('instances:audit', {});
        if (current !== asking) return;
        if (result.ok) set({ audit: result.value, auditProblem: null });
        else set({ auditProblem: result.error.message });
      },

      auditNoticeDismissed: () => set((state) => ({ dismissed: auditKey(state.audit, state.auditProblem), notice: null })),

      orphanDeleteDialogOpened: () => set({ confirmOpen: true, deleting: false, deleteProblem: null }),
      orphanDeleteDialogClosed: () => set({ confirmOpen: false, deleting: false, deleteProblem: null }),

      async orphanDeleteRequested() {
        if (get().deleting) return;
        set({ deleting: true, deleteProblem: null, notice: null });
        const result = await client.invoke('instances:delete-orphaned-tokens', {});
        if (!result.ok) {
          set({ deleting: false, deleteProblem: result.error.message });
          // Some may be gone: the list in the dialog shows what is left.
          await get().auditRequested();
          return;
        }
        const { deleted } = result.value;
        set({
          deleting: false,
          confirmOpen: false,
          notice: `Deleted ${deleted.toLocaleString()} orphaned token${deleted === 1 ? '' : 's'}.`,
        });
        await get().auditRequested();
      },
    };
  });
}
