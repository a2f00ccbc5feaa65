import { create } from 'zustand';

/** What an instance's page holds for the screen alone; what main says is in the queries. */
export interface InstanceScreenState {
  /** The outcome of the last action on an instance, for that instance's page, announced politely. */
  notice: { instanceId: string; text: string } | null;
  /** The Install ID of this instance was copied, until the next action. */
  installIdCopied: string | null;
  /** The license the delete confirmation asks about. */
  deletion: { instanceId: string; licenseUuid: string } | null;
  noticeShown(instanceId: string, text: string | null): void;
  installIdCopiedOn(instanceId: string): void;
  deletionAsked(instanceId: string, licenseUuid: string): void;
  deletionClosed(): void;
  /** The page was left: its notice and dialog go with it. */
  pageClosed(): void;
}

export const useInstanceScreen = create<InstanceScreenState>()((set) => ({
  notice: null,
  installIdCopied: null,
  deletion: null,
  noticeShown: (instanceId, text) =>
    set({ notice: text === null ? null : { instanceId, text }, installIdCopied: null }),
  installIdCopiedOn: (instanceId) =>
    set({ notice: { instanceId, text: 'Copied the Install ID to the clipboard.' }, installIdCopied: instanceId }),
  deletionAsked: (instanceId, licenseUuid) => set({ deletion: { instanceId, licenseUuid } }),
  deletionClosed: () => set({ deletion: null }),
  pageClosed: () => set({ notice: null, installIdCopied: null, deletion: null }),
}));

/** The page's notice for `instanceId`, or null (a notice for another instance is not this page's). */
export const useInstanceNotice = (instanceId: string): string | null =>
  useInstanceScreen((state) => (state.notice?.instanceId === instanceId ? state.notice.text : null));
