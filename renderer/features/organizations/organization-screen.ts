import { create } from 'zustand';

/** What the organization page holds for the screen alone; what the portal says is in the queries. */
export interface OrganizationScreenState {
  /** What the last action on an organization did, in words, for that organization's page (created, joined, saved). */
  notice: { orgId: string; text: string } | null;
  /** The Owner's edit dialog is open. */
  editing: boolean;
  noticeShown(orgId: string, text: string): void;
  editOpened(): void;
  editClosed(): void;
  /** The page was left: its notice and dialog go with it. */
  pageClosed(): void;
}

export const useOrganizationScreen = create<OrganizationScreenState>()((set) => ({
  notice: null,
  editing: false,
  noticeShown: (orgId, text) => set({ notice: { orgId, text } }),
  editOpened: () => set({ editing: true, notice: null }),
  editClosed: () => set({ editing: false }),
  pageClosed: () => set({ notice: null, editing: false }),
}));
