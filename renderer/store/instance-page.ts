import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InstanceDetail, InstalledLicenseView } from '../../shared/instances/instance-detail';
import type { Api } from '../../shared/ipc/api';
import { authentikRules } from '../../shared/license/authentik-rules';
import { licensedCapacity, type UserCounts } from '../../shared/license/capacity';
import type { InstancesStore } from './instances';

export interface InstancePageState {
  /** The instance the page shows; null while no instance page is open. */
  id: string | null;
  /** main's last answer for this instance; after a failed read, the last good read stays here. */
  detail: InstanceDetail | null;
  /** The first answer for this instance is on its way. */
  loading: boolean;
  /** "Refresh" is reading the instance. */
  refreshing: boolean;
  /** Why the page could not be loaded at all (the instance is not saved, the app failed), in words. */
  loadProblem: string | null;
  /** The outcome of the last action on the page, announced politely. */
  notice: string | null;
  /** An action on the page that failed (copy, portal), in words. */
  actionProblem: string | null;
  /** True after the Install ID was copied, until the next action. */
  installIdCopied: boolean;

  /** The license the delete confirmation asks about. */
  deletionUuid: string | null;
  deleting: boolean;
  deleteProblem: string | null;

  instancePageOpened(id: string): Promise<void>;
  instancePageClosed(): void;
  instanceRefreshRequested(): Promise<void>;
  installIdCopyRequested(): Promise<void>;
  portalRequested(): Promise<void>;
  fingerprintCopyRequested(license: InstalledLicenseView): Promise<void>;
  licenseDeleteDialogOpened(licenseUuid: string): void;
  licenseDeleteDialogClosed(): void;
  licenseDeleteRequested(): Promise<void>;
  /** A dialog (install, edit) changed this instance: the page asks main again (no new read of the instance). */
  instanceChanged(id: string, notice?: string): Promise<void>;
}

export type InstancePageStore = StoreApi<InstancePageState>;

const CLOSED = {
  id: null,
  detail: null,
  loading: false,
  refreshing: false,
  loadProblem: null,
  notice: null,
  actionProblem: null,
  installIdCopied: false,
  deletionUuid: null,
  deleting: false,
  deleteProblem: null,
} satisfies Partial<InstancePageState>;

/** Whether the latest read of the instance failed (its row says so). */
export function readFailed(detail: InstanceDetail): boolean {
  return detail.instance.lastRefresh !== null && !detail.instance.lastRefresh.ok;
}

/**
 * The detail to show after an answer: when the instance could not be read, the last good read stays
 * (status, licenses, warnings), with what is saved (name, address, CA, token) and the failure taken from
 * the new answer. A failed read never blanks what was known.
 */
function keptAfterFailedRead(previous: InstanceDetail | null, next: InstanceDetail): InstanceDetail {
  if (!readFailed(next) || next.readAt !== null || previous === null || previous.readAt === null || previous.instance.id !== next.instance.id) return next;
  const { name, url, customer, tags, lastRefresh } = next.instance;
  // The status kept is no longer what the latest read found: it is marked as the last known one (as of when it was read), as the row is.
  const instance = { ...previous.instance, name, url, customer, tags, lastRefresh, statusSource: 'last_known' as const };
  return { ...previous, instance, caPem: next.caPem, hasToken: next.hasToken };
}

/**
 * The seats left at `now` once a license is deleted, counted as the instance's release counts them (an
 * expired license's seats count only in authentik 2024.8 to 2025.4.0), as the install preflight does.
 */
export function capacityWithout(detail: InstanceDetail, licenseUuid: string, now: number): UserCounts {
  const remaining = detail.licenses
    .filter((license) => license.licenseUuid !== licenseUuid)
    .map((license) => ({ expiresAt: Date.parse(license.expiry), internalUsers: license.internalUsers, externalUsers: license.externalUsers }));
  return licensedCapacity(remaining, { rules: authentikRules(detail.instance.version), now });
}

export const selectDeletionLicense = (state: InstancePageState): InstalledLicenseView | null =>
  state.deletionUuid === null ? null : (state.detail?.licenses.find((license) => license.licenseUuid === state.deletionUuid) ?? null);

/** An instance's page: its detail as main reads it, and the page's own actions (copy, portal, delete a license). */
export function createInstancePageStore({ client, instances }: { client: Api; instances: InstancesStore }): InstancePageStore {
  return createStore<InstancePageState>()((set, get) => {
    /** Bumped when an answer in flight stops being wanted (another page, page closed, newer request). */
    let asking = 0;

    const nameOf = (): string => get().detail?.instance.name ?? 'The instance';

    /** Asks main for the page; `refresh` reads the instance now. Answers for another page are dropped. */
    async function load(id: string, refresh: boolean): Promise<void> {
      const current = ++asking;
      const result = await client.invoke('instances:detail', { id, refresh });
      if (current !== asking || get().id !== id) return;
      if (!result.ok) {
        set({ loading: false, refreshing: false, loadProblem: result.error.message });
        return;
      }
      const detail = keptAfterFailedRead(get().detail, result.value);
      instances.getState().instanceAnswered(result.value.instance, null);
      set({ detail, loading: false, refreshing: false, loadProblem: null });
    }

    return {
      ...CLOSED,

      async instancePageOpened(id) {
        if (get().id === id && (get().detail !== null || get().loading)) return;
        set({ ...CLOSED, id, loading: true });
        // The page's dialogs (remove, install) look the instance up in the list.
        void instances.getState().instancesNeeded();
        await load(id, false);
      },

      instancePageClosed() {
        asking += 1;
        set(CLOSED);
      },

      async instanceRefreshRequested() {
        const { id, refreshing } = get();
        if (id === null || refreshing) return;
        set({ refreshing: true, notice: null, actionProblem: null, installIdCopied: false });
        await load(id, true);
        const detail = get().detail;
        if (get().id === id && detail !== null && !readFailed(detail)) set({ notice: `Read ${detail.instance.name} just now.` });
      },

      async installIdCopyRequested() {
        const id = get().id;
        if (id === null) return;
        set({ notice: null, actionProblem: null, installIdCopied: false });
        const result = await client.invoke('instances:copy-install-id', { id });
        if (get().id !== id) return;
        set(result.ok ? { installIdCopied: true, notice: 'Copied the Install ID to the clipboard.' } : { actionProblem: `The Install ID was not copied: ${result.error.message}` });
      },

      async portalRequested() {
        const instance = get().detail?.instance;
        if (instance === undefined || instance.installId === null) return;
        set({ notice: null, actionProblem: null, installIdCopied: false });
        const result = await client.invoke('portal:open-purchase', { installId: instance.installId, authentikUrl: instance.url });
        set(
          result.ok
            ? { notice: 'The customer portal opened in your browser, with this Install ID and address.' }
            : { actionProblem: `The customer portal was not opened: ${result.error.message}` },
        );
      },

      async fingerprintCopyRequested(license) {
        set({ notice: null, actionProblem: null, installIdCopied: false });
        const result = await client.invoke('license:copy-fingerprint', { fingerprint: license.fingerprint });
        set(result.ok ? { notice: `Copied the fingerprint of “${license.name}”.` } : { actionProblem: `The fingerprint was not copied: ${result.error.message}` });
      },

      licenseDeleteDialogOpened: (licenseUuid) => set({ deletionUuid: licenseUuid, deleting: false, deleteProblem: null }),
      licenseDeleteDialogClosed: () => set({ deletionUuid: null, deleting: false, deleteProblem: null }),

      async licenseDeleteRequested() {
        const { id, deleting } = get();
        const license = selectDeletionLicense(get());
        if (id === null || license === null || deleting) return;
        const instanceName = nameOf();
        set({ deleting: true, deleteProblem: null, notice: null, actionProblem: null });
        const result = await client.invoke('instances:delete-license', { id, licenseUuid: license.licenseUuid });
        if (get().id !== id) return;
        if (!result.ok) {
          set({ deleting: false, deleteProblem: result.error.message });
          return;
        }
        instances.getState().instanceAnswered(result.value.instance, null);
        set({ deleting: false, deletionUuid: null, notice: `Deleted the license “${license.name}” from ${instanceName}.` });
        await load(id, false);
      },

      async instanceChanged(id, notice) {
        if (get().id !== id) return;
        if (notice !== undefined) set({ notice, actionProblem: null, installIdCopied: false });
        await load(id, false);
      },
    };
  });
}
