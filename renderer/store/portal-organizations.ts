import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { Organization } from '../../shared/portal/schemas/organizations';
import { selectActiveAccountId, type PortalAccountsStore } from './portal-accounts';
import { EMPTY_ORG_FORM, orgFormProblems, serverFieldProblems, shownProblemsSelector, withoutEdited, type OrgForm, type OrgFormProblems } from './portal-org-form';
import { portalProblemOf, type PortalProblem } from './portal-problem';

export interface PortalOrganizationsState {
  /** The account whose organizations these are; null before the first list or when signed out. */
  accountId: string | null;
  organizations: Organization[];
  /** True once the list answered for `accountId`. */
  listed: boolean;
  loading: boolean;
  listProblem: PortalProblem | null;

  /** "Create an organization" as a dialog (when organizations exist; the first run shows the form in the page). */
  createOpen: boolean;
  createForm: OrgForm;
  /** Field problems show once Create was pressed. */
  createAttempted: boolean;
  creating: boolean;
  /** The portal's own field messages (422), kept until the field is edited. */
  createServerProblems: OrgFormProblems;
  createProblem: string | null;
  organizationsNeeded(): Promise<void>;
  organizationsChanged(): Promise<void>;
  createDialogOpened(): void;
  createDialogClosed(): void;
  createFormEdited(change: Partial<OrgForm>): void;
  /** Creates the organization; its id when created (the page then opens it), else null. */
  organizationCreateRequested(): Promise<string | null>;
  /** Another screen has a newer view of an organization (edited, joined). */
  organizationAnswered(organization: Organization): void;
}

export type PortalOrganizationsStore = StoreApi<PortalOrganizationsState>;

const CLOSED_CREATE = {
  createOpen: false,
  createForm: EMPTY_ORG_FORM,
  createAttempted: false,
  creating: false,
  createServerProblems: {},
  createProblem: null,
} satisfies Partial<PortalOrganizationsState>;

/** The problems the create form shows: the rules once Create was pressed, then the portal's own. */
const shownProblems = shownProblemsSelector();

export const selectCreateProblems = (state: PortalOrganizationsState): OrgFormProblems => shownProblems(state.createAttempted, state.createForm, state.createServerProblems);

/** First run: signed in, the list is in, and the account belongs to no organization. */
export const selectFirstRun = (state: PortalOrganizationsState): boolean => state.listed && state.listProblem === null && state.organizations.length === 0;

const byName = (a: Organization, b: Organization): number => a.name.localeCompare(b.name);

/** "My organizations" for the active account, and creating one (the guide's name and notification e-mail). */
/** Opens the page of an organization the person just created, with a notice (the organization page's store). */
export type OrganizationEntered = (organization: Organization, notice: string) => void;

export function createPortalOrganizationsStore({ client, accounts, entered }: { client: Api; accounts: PortalAccountsStore; entered: OrganizationEntered }): PortalOrganizationsStore {
  return createStore<PortalOrganizationsState>()((set, get) => {
    /** Bumped when an answer in flight stops being wanted (another account, a newer list). */
    let attempt = 0;

    async function list(): Promise<void> {
      const accountId = selectActiveAccountId(accounts.getState());
      const listing = ++attempt;
      if (accountId === null) {
        set({ accountId: null, organizations: [], listed: false, loading: false, listProblem: null });
        return;
      }
      set((state) => ({ loading: true, ...(state.accountId === accountId ? {} : { accountId, organizations: [], listed: false, listProblem: null }) }));
      const result = await client.invoke('portal:list-organizations', {});
      if (listing !== attempt) return;
      if (result.ok) set({ organizations: [...result.value.organizations].sort(byName), listed: true, loading: false, listProblem: null });
      else set({ listed: true, loading: false, listProblem: portalProblemOf(result.error) });
    }

    // Another active account (switched, signed in, signed out) has other organizations.
    accounts.subscribe((state, previous) => {
      if (selectActiveAccountId(state) === selectActiveAccountId(previous)) return;
      set(CLOSED_CREATE);
      if (get().accountId !== null || get().loading) void list();
    });

    return {
      accountId: null,
      organizations: [],
      listed: false,
      loading: false,
      listProblem: null,
      ...CLOSED_CREATE,

      organizationsNeeded() {
        const state = get();
        const fresh = state.listed && state.accountId === selectActiveAccountId(accounts.getState());
        return fresh || state.loading ? Promise.resolve() : list();
      },
      organizationsChanged: () => (get().accountId === null && !get().loading ? Promise.resolve() : list()),

      createDialogOpened: () => set({ ...CLOSED_CREATE, createOpen: true }),
      createDialogClosed() {
        if (!get().creating) set(CLOSED_CREATE);
      },

      createFormEdited: (change) =>
        set((state) => ({ createForm: { ...state.createForm, ...change }, createServerProblems: withoutEdited(state.createServerProblems, change), createProblem: null })),

      async organizationCreateRequested() {
        const state = get();
        if (state.creating) return null;
        set({ createAttempted: true, createServerProblems: {}, createProblem: null });
        if (Object.keys(orgFormProblems(state.createForm)).length > 0) return null;
        const creating = attempt;
        set({ creating: true });
        const result = await client.invoke('portal:create-organization', {
          name: state.createForm.name.trim(),
          notification_email: state.createForm.notificationEmail.trim(),
        });
        if (!result.ok) {
          const failure = portalProblemOf(result.error);
          const { problems, other } = serverFieldProblems(failure.fields);
          set({ creating: false, createServerProblems: problems, createProblem: other.length > 0 || Object.keys(problems).length === 0 ? [failure.message, ...other].join(' ') : null });
          return null;
        }
        const { organization } = result.value;
        set((current) => ({
          ...CLOSED_CREATE,
          organizations: creating === attempt ? [...current.organizations.filter((org) => org.id !== organization.id), organization].sort(byName) : current.organizations,
        }));
        entered(organization, `Created ${organization.name}. You are its Owner: invite members on the Members tab, and buy licenses on the Licenses tab.`);
        return organization.id;
      },

      organizationAnswered(organization) {
        set((state) => {
          const known = state.organizations.some((org) => org.id === organization.id);
          if (!known && !state.listed) return {};
          return { organizations: [...state.organizations.filter((org) => org.id !== organization.id), organization].sort(byName) };
        });
      },
    };
  });
}
