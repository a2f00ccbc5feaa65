import { create } from 'zustand';

/** What the organization page holds for the screen alone; what the portal says is in the queries. */
export interface OrganizationScreenState {
  /** The Owner's edit dialog is open. */
  editing: boolean;
  editOpened(): void;
  editClosed(): void;
  /** The page was left: its dialog goes with it. */
  pageClosed(): void;
}

/** Outcomes (created, joined, saved) are toasts (renderer/ui/toasts.ts), not lines that stay on the page. */
export const useOrganizationScreen = create<OrganizationScreenState>()((set) => ({
  editing: false,
  editOpened: () => set({ editing: true }),
  editClosed: () => set({ editing: false }),
  pageClosed: () => set({ editing: false }),
}));
