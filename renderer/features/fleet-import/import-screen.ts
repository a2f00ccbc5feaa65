import { create } from 'zustand';

interface ImportScreen {
  open: boolean;
  opened: () => void;
  closed: () => void;
}

/** Whether the import dialog is open; what it holds (the file, typed tokens) lives in the dialog and goes with it. */
export const useImportScreen = create<ImportScreen>()((set) => ({
  open: false,
  opened: () => set({ open: true }),
  closed: () => set({ open: false }),
}));
