import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { VerdictView } from '../../shared/license/verdict-view';
import { readKeyFile } from './key-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface VerifyState {
  key: string;
  installId: string;
  /** Where the key came from when it was dropped or chosen, for the screen to say so. */
  fileName: string | null;
  verifying: boolean;
  verdict: VerdictView | null;
  /** A problem with the request itself (not a verdict): unreadable file, bad Install ID, app error. */
  problem: string | null;
  keyRevealed: boolean;
  notice: string | null;
  /** When main clears this screen's last copied key, as its copy answered. */
  copiedKeyClearsAt: string | null;

  keyEdited(key: string): void;
  installIdEdited(installId: string): void;
  keyFileChosen(file: File): Promise<void>;
  verifyRequested(): Promise<void>;
  keyRevealToggled(): void;
  keyCleared(): void;
  fingerprintCopyRequested(): Promise<void>;
  keyCopyRequested(): Promise<void>;
  /** The clipboard was cleared of the copy that answered `clearsAt` (perhaps another screen's). */
  clipboardCleared(clearsAt: string): void;
  purchaseRequested(): Promise<void>;
}

export type VerifyStore = StoreApi<VerifyState>;

export const selectInstallIdProblem = (state: VerifyState): string | null =>
  state.installId.trim() === '' || UUID.test(state.installId.trim()) ? null : 'An Install ID is a UUID such as 6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44.';
export const selectCanVerify = (state: VerifyState): boolean => state.key.trim() !== '' && !state.verifying && selectInstallIdProblem(state) === null;
/** After a verdict the key is shown masked until the user reveals it. */
export const selectKeyMasked = (state: VerifyState): boolean => state.verdict !== null && !state.keyRevealed;

/** The "Verify a key" screen's state; every action talks to main through `client` only. */
export function createVerifyStore({ client }: { client: Api }): VerifyStore {
  return createStore<VerifyState>()((set, get) => ({
    key: '',
    installId: '',
    fileName: null,
    verifying: false,
    verdict: null,
    problem: null,
    keyRevealed: false,
    notice: null,
    copiedKeyClearsAt: null,

    keyEdited: (key) => set({ key, fileName: null, verdict: null, problem: null, keyRevealed: false, notice: null }),
    installIdEdited: (installId) => set({ installId, verdict: null, problem: null, notice: null }),

    async keyFileChosen(file) {
      const read = await readKeyFile(file);
      if ('problem' in read) {
        set({ problem: read.problem });
        return;
      }
      set({ key: read.key, fileName: file.name, verdict: null, problem: null, keyRevealed: false, notice: null });
      await get().verifyRequested();
    },

    async verifyRequested() {
      const state = get();
      if (!selectCanVerify(state)) return;
      set({ verifying: true, problem: null, notice: null });
      const installId = state.installId.trim();
      const result = await client.invoke('license:verify-key', { key: state.key, installId: installId === '' ? null : installId });
      if (result.ok) set({ verifying: false, verdict: result.value, keyRevealed: false });
      else set({ verifying: false, verdict: null, problem: result.error.message });
    },

    keyRevealToggled: () => set((state) => ({ keyRevealed: !state.keyRevealed })),
    keyCleared: () => set({ key: '', fileName: null, verdict: null, problem: null, keyRevealed: false, notice: null }),

    async fingerprintCopyRequested() {
      const fingerprint = get().verdict?.fingerprint;
      if (fingerprint === undefined) return;
      const result = await client.invoke('license:copy-fingerprint', { fingerprint });
      set({ notice: result.ok ? 'Fingerprint copied.' : result.error.message });
    },

    async keyCopyRequested() {
      const fingerprint = get().verdict?.fingerprint;
      if (fingerprint === undefined) return;
      const result = await client.invoke('license:copy-key', { fingerprint });
      set({
        copiedKeyClearsAt: result.ok ? result.value.clearsAt : get().copiedKeyClearsAt,
        notice: result.ok
          ? `Key copied. The clipboard will be cleared at ${new Date(result.value.clearsAt).toLocaleTimeString()}.`
          : result.error.message,
      });
    },

    clipboardCleared: (clearsAt) => {
      if (clearsAt === get().copiedKeyClearsAt) set({ copiedKeyClearsAt: null, notice: 'The copied key was cleared from the clipboard.' });
    },

    async purchaseRequested() {
      const installId = get().installId.trim() || get().verdict?.claims?.installId;
      if (!installId) return;
      const result = await client.invoke('portal:open-purchase', { installId });
      set({ notice: result.ok ? 'The customer portal opened in your browser.' : result.error.message });
    },
  }));
}
