import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { Organization, OrganizationUpdate } from '../../shared/portal/schemas/organizations';
import { selectActiveAccountId, type PortalAccountsStore } from './portal-accounts';
import { EMPTY_ORG_FORM, orgFormProblems, serverFieldProblems, shownProblemsSelector, withoutEdited, type OrgForm, type OrgFormProblems } from './portal-org-form';
import type { PortalOrganizationsStore } from './portal-organizations';
import { portalProblemOf, refusalWords, type PortalProblem } from './portal-problem';

export interface PortalOrganizationState {
  /** The organization the page shows; null while no organization page is open. */
  orgId: string | null;
  organization: Organization | null;
  /** The portal's Support center (deleting an organization is a support ticket). */
  supportUrl: string | null;
  loading: boolean;
  loadProblem: PortalProblem | null;

  editOpen: boolean;
  editForm: OrgForm;
  editAttempted: boolean;
  saving: boolean;
  editServerProblems: OrgFormProblems;
  editProblem: string | null;

  /** The outcome of the last action on the page, in words. */
  notice: string | null;
  /** An action on the page that failed (opening the Support center), in words. */
  problem: string | null;

  organizationPageOpened(orgId: string): Promise<void>;
  organizationPageClosed(): void;
  organizationChanged(): Promise<void>;
  /** The person just created or joined this organization: the page opens on it with this notice, and reads it again. */
  organizationEntered(organization: Organization, notice: string): void;
  editDialogOpened(): void;
  editDialogClosed(): void;
  editFormEdited(change: Partial<OrgForm>): void;
  organizationSaveRequested(): Promise<void>;
  supportRequested(): Promise<void>;
}

export type PortalOrganizationStore = StoreApi<PortalOrganizationState>;

const CLOSED_EDIT = {
  editOpen: false,
  editForm: EMPTY_ORG_FORM,
  editAttempted: false,
  saving: false,
  editServerProblems: {},
  editProblem: null,
} satisfies Partial<PortalOrganizationState>;

const CLOSED = {
  orgId: null,
  organization: null,
  supportUrl: null,
  loading: false,
  loadProblem: null,
  ...CLOSED_EDIT,
  notice: null,
  problem: null,
} satisfies Partial<PortalOrganizationState>;

const shownProblems = shownProblemsSelector();

export const selectEditProblems = (state: PortalOrganizationState): OrgFormProblems => shownProblems(state.editAttempted, state.editForm, state.editServerProblems);

/** Only the fields that changed: the portal wants at least one, and an unchanged field is not an edit. */
function changeOf(organization: Organization, form: OrgForm): OrganizationUpdate | null {
  const name = form.name.trim();
  const email = form.notificationEmail.trim();
  const change: OrganizationUpdate = {
    ...(name === organization.name ? {} : { name }),
    ...(email === organization.notification_email ? {} : { notification_email: email }),
  };
  return Object.keys(change).length > 0 ? change : null;
}

/** One organization's page: its details, the Owner's edit, and the Support center for deleting it. */
export function createPortalOrganizationStore({ client, accounts, organizations }: { client: Api; accounts: PortalAccountsStore; organizations: PortalOrganizationsStore }): PortalOrganizationStore {
  return createStore<PortalOrganizationState>()((set, get) => {
    /** Bumped when a read in flight stops being wanted (another page, page closed, newer read). */
    let attempt = 0;

    async function load(orgId: string): Promise<void> {
      const loading = ++attempt;
      set({ loading: true });
      const result = await client.invoke('portal:get-organization', { org: orgId });
      if (loading !== attempt) return;
      if (result.ok) {
        set({ organization: result.value.organization, supportUrl: result.value.supportUrl, loading: false, loadProblem: null });
        organizations.getState().organizationAnswered(result.value.organization);
      } else {
        set({ organization: null, loading: false, loadProblem: portalProblemOf(result.error) });
      }
    }

    // Another account may see this organization with another role, or not at all.
    accounts.subscribe((state, previous) => {
      const orgId = get().orgId;
      if (orgId === null || selectActiveAccountId(state) === selectActiveAccountId(previous)) return;
      set({ ...CLOSED_EDIT, organization: null });
      void load(orgId);
    });

    return {
      ...CLOSED,

      async organizationPageOpened(orgId) {
        if (get().orgId !== orgId) set({ ...CLOSED, orgId });
        await load(orgId);
      },

      organizationPageClosed() {
        attempt += 1;
        set(CLOSED);
      },

      organizationChanged() {
        const orgId = get().orgId;
        return orgId === null ? Promise.resolve() : load(orgId);
      },

      organizationEntered(organization, notice) {
        set({ ...CLOSED, orgId: organization.id, organization, notice });
        void load(organization.id);
      },

      editDialogOpened() {
        const organization = get().organization;
        if (organization === null) return;
        set({ ...CLOSED_EDIT, editOpen: true, editForm: { name: organization.name, notificationEmail: organization.notification_email }, notice: null, problem: null });
      },

      editDialogClosed() {
        if (!get().saving) set(CLOSED_EDIT);
      },

      editFormEdited: (change) =>
        set((state) => ({ editForm: { ...state.editForm, ...change }, editServerProblems: withoutEdited(state.editServerProblems, change), editProblem: null })),

      async organizationSaveRequested() {
        const state = get();
        const { orgId, organization } = state;
        if (orgId === null || organization === null || state.saving) return;
        set({ editAttempted: true, editServerProblems: {}, editProblem: null });
        if (Object.keys(orgFormProblems(state.editForm)).length > 0) return;
        const change = changeOf(organization, state.editForm);
        if (change === null) {
          set({ ...CLOSED_EDIT, notice: 'Nothing changed: the name and notification e-mail are as they were.' });
          return;
        }
        set({ saving: true });
        const result = await client.invoke('portal:update-organization', { org: orgId, change });
        // A read of the page meanwhile (the change's own event) does not matter; another page does.
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          const { problems, other } = serverFieldProblems(failure.fields);
          const general = other.length > 0 || Object.keys(problems).length === 0 ? refusalWords({ ...failure, message: [failure.message, ...other].join(' ') }, `save ${organization.name}`) : null;
          set({ saving: false, editServerProblems: problems, editProblem: general });
          return;
        }
        const updated = result.value.organization;
        set({ ...CLOSED_EDIT, organization: updated, notice: `Saved ${updated.name}.` });
        organizations.getState().organizationAnswered(updated);
      },

      async supportRequested() {
        set({ notice: null, problem: null });
        const result = await client.invoke('portal:open-support', {});
        if (result.ok) set({ notice: `Opened the Support center (${result.value.url}) in your browser.` });
        else set({ problem: `The Support center could not be opened: ${result.error.message}` });
      },
    };
  });
}
