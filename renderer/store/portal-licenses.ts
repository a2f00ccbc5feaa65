import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { nameProblem } from './portal-licenses-fields';
import { portalProblemOf, refusalWords } from './portal-problem';

/** A portal license as the organization's list has it (never the key), linked to the saved instance with its Install ID. */
export type PortalLicense = ChannelOutput<'portal:list-licenses'>['licenses'][number];

/** A saved instance with the license's Install ID, and whether the license's key still has to be installed there. */
export type LicenseInstanceLink = PortalLicense['instances'][number];

/** Where the copied key is: not copied, on the clipboard until `clearsAt`, or cleared by main. */
export type KeyClipboard = { state: 'idle' } | { state: 'copied'; clearsAt: string } | { state: 'cleared' };

export interface PortalLicensesState {
  /** The organization whose Licenses tab is open; null while none is. */
  orgId: string | null;
  licenses: PortalLicense[];
  /** True once the first list for this organization answered, with licenses or a problem. */
  listed: boolean;
  loading: boolean;
  /** Why the licenses could not be listed, in words (the list shown is from before, if any). */
  listProblem: string | null;
  /** The outcome of the last action on the tab, announced politely. */
  notice: string | null;

  /** The license whose details dialog is open. */
  detailsId: string | null;
  /** The key, only after the person pressed Reveal; gone when the dialog closes. */
  revealedKey: string | null;
  revealing: boolean;
  clipboard: KeyClipboard;
  copying: boolean;
  /** A details action that failed (reveal, copy), in words. */
  detailsProblem: string | null;
  /** The nickname being typed; null while not renaming. */
  renameDraft: string | null;
  renameAttempted: boolean;
  renaming: boolean;
  renameProblem: string | null;

  licensesTabOpened(orgId: string): Promise<void>;
  licensesTabClosed(): void;
  licensesReloadRequested(): Promise<void>;
  /** Something changed in the portal (main says so): the open list is read again. */
  portalChanged(): Promise<void>;
  /** A purchase, renewal or install answered with this license as it is now. */
  licenseAnswered(license: PortalLicense): void;
  detailsOpened(id: string): void;
  detailsClosed(): void;
  keyRevealRequested(): Promise<void>;
  keyHidden(): void;
  keyCopyRequested(): Promise<void>;
  /** main cleared the clipboard (it still held the key after 60 s). */
  /** The clipboard was cleared of the copy that answered `clearsAt` (perhaps another screen's). */
  clipboardCleared(clearsAt: string): void;
  renameStarted(): void;
  renameEdited(nickname: string): void;
  renameCancelled(): void;
  renameRequested(): Promise<void>;
}

export type PortalLicensesStore = StoreApi<PortalLicensesState>;

const CLOSED_DETAILS = {
  detailsId: null,
  revealedKey: null,
  revealing: false,
  clipboard: { state: 'idle' },
  copying: false,
  detailsProblem: null,
  renameDraft: null,
  renameAttempted: false,
  renaming: false,
  renameProblem: null,
} satisfies Partial<PortalLicensesState>;

const CLOSED = {
  orgId: null,
  licenses: [],
  listed: false,
  loading: false,
  listProblem: null,
  notice: null,
  ...CLOSED_DETAILS,
} satisfies Partial<PortalLicensesState>;

export const selectDetailsLicense = (state: PortalLicensesState): PortalLicense | null =>
  state.detailsId === null ? null : (state.licenses.find((license) => license.id === state.detailsId) ?? null);

/** Why the typed nickname cannot be saved; shown once Save was pressed. */
export const selectRenameProblem = (state: PortalLicensesState): string | undefined =>
  state.renameDraft === null || !state.renameAttempted ? undefined : (nameProblem(state.renameDraft) ?? undefined);

function withLicense(licenses: PortalLicense[], license: PortalLicense): PortalLicense[] {
  return licenses.some((entry) => entry.id === license.id) ? licenses.map((entry) => (entry.id === license.id ? license : entry)) : [...licenses, license];
}

/** One organization's licenses: the list, and the details dialog (reveal, copy, rename). */
export function createPortalLicensesStore({ client }: { client: Api }): PortalLicensesStore {
  return createStore<PortalLicensesState>()((set, get) => {
    /** Bumped when a list in flight stops being wanted (another organization, tab closed, newer request). */
    let listing = 0;
    /** Bumped when the details dialog closes or shows another license: a late key is dropped. */
    let detailsAttempt = 0;

    async function list(orgId: string): Promise<void> {
      const current = ++listing;
      set({ loading: true });
      const result = await client.invoke('portal:list-licenses', { org: orgId });
      if (current !== listing || get().orgId !== orgId) return;
      if (result.ok) set({ licenses: result.value.licenses, listed: true, loading: false, listProblem: null });
      else set({ listed: true, loading: false, listProblem: result.error.message });
    }

    return {
      ...CLOSED,

      async licensesTabOpened(orgId) {
        if (get().orgId === orgId && (get().listed || get().loading)) return;
        detailsAttempt += 1;
        set({ ...CLOSED, orgId });
        await list(orgId);
      },

      licensesTabClosed() {
        listing += 1;
        detailsAttempt += 1;
        // A revealed key leaves memory with the tab.
        set(CLOSED);
      },

      async licensesReloadRequested() {
        const orgId = get().orgId;
        if (orgId === null) return;
        set({ notice: null });
        await list(orgId);
      },

      async portalChanged() {
        const orgId = get().orgId;
        if (orgId !== null) await list(orgId);
      },

      licenseAnswered(license) {
        if (get().orgId === null) return;
        set((state) => ({ licenses: withLicense(state.licenses, license) }));
      },

      detailsOpened(id) {
        detailsAttempt += 1;
        set({ ...CLOSED_DETAILS, detailsId: id, notice: null });
      },

      detailsClosed() {
        detailsAttempt += 1;
        // The key is hidden again, and leaves memory, when the dialog closes.
        set(CLOSED_DETAILS);
      },

      async keyRevealRequested() {
        const { orgId, detailsId, revealing } = get();
        if (orgId === null || detailsId === null || revealing) return;
        const attempt = ++detailsAttempt;
        set({ revealing: true, detailsProblem: null });
        const result = await client.invoke('portal:reveal-license-key', { org: orgId, id: detailsId });
        if (attempt !== detailsAttempt) return;
        if (result.ok) set({ revealing: false, revealedKey: result.value.key });
        else set({ revealing: false, detailsProblem: `The key was not revealed: ${result.error.message}` });
      },

      keyHidden: () => set({ revealedKey: null }),

      async keyCopyRequested() {
        const { orgId, detailsId, copying } = get();
        if (orgId === null || detailsId === null || copying) return;
        const attempt = detailsAttempt;
        set({ copying: true, detailsProblem: null });
        // main reads the key and copies it; the page never needs it for this.
        const result = await client.invoke('portal:copy-license-key', { org: orgId, id: detailsId });
        if (attempt !== detailsAttempt) return;
        if (result.ok) set({ copying: false, clipboard: { state: 'copied', clearsAt: result.value.clearsAt } });
        else set({ copying: false, detailsProblem: `The key was not copied: ${result.error.message}` });
      },

      clipboardCleared(clearsAt) {
        const { clipboard } = get();
        if (clipboard.state === 'copied' && clipboard.clearsAt === clearsAt) set({ clipboard: { state: 'cleared' } });
      },

      renameStarted() {
        const license = selectDetailsLicense(get());
        if (license !== null) set({ renameDraft: license.nickname, renameAttempted: false, renameProblem: null });
      },

      renameEdited: (nickname) => set({ renameDraft: nickname, renameProblem: null }),
      renameCancelled: () => set({ renameDraft: null, renameAttempted: false, renameProblem: null }),

      async renameRequested() {
        const { orgId, detailsId, renameDraft, renaming } = get();
        if (orgId === null || detailsId === null || renameDraft === null || renaming) return;
        set({ renameAttempted: true });
        if (nameProblem(renameDraft) !== null) return;
        const before = selectDetailsLicense(get())?.nickname ?? 'the license';
        const attempt = detailsAttempt;
        set({ renaming: true, renameProblem: null });
        const result = await client.invoke('portal:rename-license', { org: orgId, id: detailsId, change: { nickname: renameDraft.trim() } });
        if (attempt !== detailsAttempt) return;
        if (!result.ok) {
          const problem = portalProblemOf(result.error);
          set({ renaming: false, renameProblem: problem.fields.nickname ?? refusalWords(problem, 'rename the license') });
          return;
        }
        const { license } = result.value;
        set((state) => ({
          licenses: withLicense(state.licenses, license),
          renaming: false,
          renameDraft: null,
          renameAttempted: false,
          notice: `Renamed “${before}” to “${license.nickname}”.`,
        }));
      },
    };
  });
}
