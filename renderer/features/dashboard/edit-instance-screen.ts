import { create } from 'zustand';

/** Which instance the Edit dialog is open on; its draft lives in the dialog's form (EditInstanceForm) and leaves with it. */
export interface EditInstanceScreenState {
  editingId: string | null;
  editDialogOpened(id: string): void;
  editDialogClosed(): void;
}

export const useEditInstanceScreen = create<EditInstanceScreenState>()((set) => ({
  editingId: null,
  editDialogOpened: (id) => set({ editingId: id }),
  editDialogClosed: () => set({ editingId: null }),
}));
