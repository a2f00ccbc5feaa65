import { create } from 'zustand';
import type { VerdictView } from '../../../shared/license/verdict-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What `license:verify-key` is asked: the key as typed, and the Install ID trimmed (null for none). */
export interface KeyRequest {
  key: string;
  installId: string | null;
}

/**
 * What the Verify screen holds for itself: the draft (key, Install ID), the verdict main gave for that
 * draft, and the status line. The verdict lives here rather than only in the mutation so it survives
 * leaving the screen and coming back, as the draft does; any edit to the draft clears it.
 */
export interface VerifyScreenState {
  key: string;
  installId: string;
  /** Where the key came from when it was dropped or chosen, for the screen to say so. */
  fileName: string | null;
  /** Why a dropped or chosen file could not be used, in words (a request's own failure is the mutation's error). */
  fileProblem: string | null;
  verdict: VerdictView | null;
  keyRevealed: boolean;
  notice: string | null;
  /** When main clears this screen's last copied key, as its copy answered. */
  copiedKeyClearsAt: string | null;

  keyEdited(key: string): void;
  installIdEdited(installId: string): void;
  keyFileRead(key: string, fileName: string): void;
  keyFileRefused(problem: string): void;
  keyCleared(): void;
  keyRevealToggled(): void;
  /** Main's verdict for `request`; dropped when the draft changed while it was on its way. */
  verdictAnswered(request: KeyRequest, verdict: VerdictView): void;
  noticeShown(notice: string | null): void;
  keyCopied(clearsAt: string): void;
}

const NO_VERDICT = { verdict: null, fileProblem: null, keyRevealed: false, notice: null } as const;

/** The request the draft makes, whether or not it can be sent yet. */
export function requestOf(state: Pick<VerifyScreenState, 'key' | 'installId'>): KeyRequest {
  const installId = state.installId.trim();
  return { key: state.key, installId: installId === '' ? null : installId };
}

export function sameRequest(a: KeyRequest | undefined, b: KeyRequest): boolean {
  return a !== undefined && a.key === b.key && a.installId === b.installId;
}

export const useVerifyScreen = create<VerifyScreenState>()((set, get) => ({
  key: '',
  installId: '',
  fileName: null,
  fileProblem: null,
  verdict: null,
  keyRevealed: false,
  notice: null,
  copiedKeyClearsAt: null,

  keyEdited: (key) => set({ ...NO_VERDICT, key, fileName: null }),
  installIdEdited: (installId) => set({ installId, verdict: null, fileProblem: null, notice: null }),
  keyFileRead: (key, fileName) => set({ ...NO_VERDICT, key, fileName }),
  keyFileRefused: (fileProblem) => set({ fileProblem }),
  keyCleared: () => set({ ...NO_VERDICT, key: '', fileName: null }),
  keyRevealToggled: () => set((state) => ({ keyRevealed: !state.keyRevealed })),
  verdictAnswered(request, verdict) {
    if (sameRequest(request, requestOf(get()))) set({ verdict, keyRevealed: false });
  },
  noticeShown: (notice) => set({ notice }),
  keyCopied: (clearsAt) =>
    set({
      copiedKeyClearsAt: clearsAt,
      notice: `Key copied. The clipboard will be cleared at ${new Date(clearsAt).toLocaleTimeString()}.`,
    }),
}));

/**
 * `clipboard:did-clear` (renderer/ipc/events.ts): main cleared the copy that answered `clearsAt`. Only
 * this screen's own copy is announced here; another screen's copy clears without a word on this one.
 */
export function clipboardCleared(clearsAt: string): void {
  useVerifyScreen.setState((state) =>
    state.copiedKeyClearsAt === clearsAt
      ? { copiedKeyClearsAt: null, notice: 'The copied key was cleared from the clipboard.' }
      : state,
  );
}

export const installIdProblem = (state: Pick<VerifyScreenState, 'installId'>): string | null =>
  state.installId.trim() === '' || UUID.test(state.installId.trim())
    ? null
    : 'An Install ID is a UUID such as 6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44.';

/** A key is typed and the Install ID, if any, is a UUID (whether a verification is already on its way is the mutation's). */
export const draftComplete = (state: Pick<VerifyScreenState, 'key' | 'installId'>): boolean =>
  state.key.trim() !== '' && installIdProblem(state) === null;

/** After a verdict the key is shown masked until the user reveals it. */
export const keyMasked = (state: VerifyScreenState): boolean => state.verdict !== null && !state.keyRevealed;
