import { create } from 'zustand';

/** Where the copied key is: not copied, on the clipboard until `clearsAt`, or cleared by main. */
export type KeyClipboard = { state: 'idle' } | { state: 'copied'; clearsAt: string } | { state: 'cleared' };

/** What the Licenses tab holds for the screen alone; the licenses themselves are in the query. */
export interface LicenseScreenState {
  /** The license whose details dialog is open. */
  detailsId: string | null;
  /** Counts the times the details were opened: what was asked in one (a key on its way) never shows in the next. */
  detailsOpenings: number;
  /** The nickname being typed; null while not renaming. */
  renameDraft: string | null;
  /** Save name was pressed: the rule's problem shows. */
  renameAttempted: boolean;
  clipboard: KeyClipboard;

  detailsOpened(id: string): void;
  /** The dialog closed (or the tab did): the rename and the clipboard words go with it. */
  detailsClosed(): void;
  renameStarted(nickname: string): void;
  renameEdited(nickname: string): void;
  renameAttempt(): void;
  renameCancelled(): void;
  /** Saved: the rename closes (its outcome is a toast). */
  renamed(): void;
  keyCopied(clearsAt: string): void;
  /** main cleared the clipboard of the copy that answered `clearsAt` (perhaps another screen's). */
  clipboardCleared(clearsAt: string): void;
}

const CLOSED_DETAILS = {
  detailsId: null,
  renameDraft: null,
  renameAttempted: false,
  clipboard: { state: 'idle' },
} as const;

export const useLicenseScreen = create<LicenseScreenState>()((set, get) => ({
  ...CLOSED_DETAILS,
  detailsOpenings: 0,
  detailsOpened: (id) =>
    set((state) => ({ ...CLOSED_DETAILS, detailsId: id, detailsOpenings: state.detailsOpenings + 1 })),
  detailsClosed: () => set(CLOSED_DETAILS),
  renameStarted: (nickname) => set({ renameDraft: nickname, renameAttempted: false }),
  renameEdited: (nickname) => set({ renameDraft: nickname }),
  renameAttempt: () => set({ renameAttempted: true }),
  renameCancelled: () => set({ renameDraft: null, renameAttempted: false }),
  renamed: () => set({ renameDraft: null, renameAttempted: false }),
  keyCopied: (clearsAt) => set({ clipboard: { state: 'copied', clearsAt } }),
  clipboardCleared(clearsAt) {
    const { clipboard } = get();
    if (clipboard.state === 'copied' && clipboard.clearsAt === clearsAt) set({ clipboard: { state: 'cleared' } });
  },
}));

/** main cleared the clipboard (`clipboard:did-clear`, wired in ipc/events.ts): the details dialog says so if the copy was its own. */
export const licenseClipboardCleared = (clearsAt: string): void =>
  useLicenseScreen.getState().clipboardCleared(clearsAt);
