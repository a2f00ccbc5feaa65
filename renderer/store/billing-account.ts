import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { BillingAccount } from '../../shared/portal/schemas/billing-account';
import type { BillingAccountProblems } from '../../shared/portal/validation';
import type { BillingState } from './billing';
import { sharedPerOrg } from './billing-in-flight';
import {
  billingFormProblems,
  changeOf,
  COUNTRY_DEPENDENT_FIELDS,
  EMPTY_BILLING_ACCOUNT,
  formOf,
  serverFieldProblems,
  type BillingField,
  type BillingForm,
} from './billing-form';
import { portalProblemOf, refusalWords } from './portal-problem';

/** The billing account: who invoices are made out to, and its form (Owners edit, Members read). */
export interface BillingAccountSlice {
  /** The account as the portal has it; null until it answered. */
  account: BillingAccount | null;
  accountLoading: boolean;
  /** Why the account could not be read, in words. */
  accountProblem: string | null;
  form: BillingForm;
  /** Fields whose problems show: left after an edit, or checked against a country that changed. */
  visited: readonly BillingField[];
  /** Save was pressed: every field's problem shows. */
  saveAttempted: boolean;
  /** The portal's own message per field from its last refusal (422), until that field is edited. */
  serverProblems: BillingAccountProblems;
  saving: boolean;
  /** Why the last save failed, when it was not about one field. */
  saveProblem: string | null;
  saveNotice: string | null;

  billingAccountLoaded(orgId: string): Promise<void>;
  billingFieldEdited(field: BillingField, value: string): void;
  billingFieldLeft(field: BillingField): void;
  billingSaveRequested(): Promise<void>;
  billingFormReset(): void;
}

export const INITIAL_ACCOUNT = {
  account: null,
  accountLoading: false,
  accountProblem: null,
  form: formOf(EMPTY_BILLING_ACCOUNT),
  visited: [],
  saveAttempted: false,
  serverProblems: {},
  saving: false,
  saveProblem: null,
  saveNotice: null,
} satisfies Partial<BillingAccountSlice>;

/** The form showing `account` as saved, with nothing pending. */
const showing = (account: BillingAccount) => ({
  account,
  form: formOf(account),
  visited: [],
  saveAttempted: false,
  serverProblems: {},
});

/** True when the form differs from the account as the portal has it. */
export const selectBillingDirty = (state: BillingState): boolean =>
  state.account !== null && Object.keys(changeOf(state.account, state.form)).length > 0;

/** The problem shown next to `field`: the portal's own word first, then the app's check once the field was visited. */
export function selectBillingFieldProblem(state: BillingState, field: BillingField): string | undefined {
  const server = state.serverProblems[field];
  if (server !== undefined) return server;
  if (!state.saveAttempted && !state.visited.includes(field)) return undefined;
  return billingFormProblems(state.form)[field];
}

function without(problems: BillingAccountProblems, fields: readonly BillingField[]): BillingAccountProblems {
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !fields.includes(field as BillingField)));
}

function listed(fields: readonly BillingField[], more: readonly BillingField[]): readonly BillingField[] {
  const added = more.filter((field) => !fields.includes(field));
  return added.length === 0 ? fields : [...fields, ...added];
}

export function createBillingAccountSlice(client: Api): StateCreator<BillingState, [], [], BillingAccountSlice> {
  return (set, get) => {
    /** Counts answered saves: a read that started before one is older than what the form shows. */
    let saves = 0;

    const load = sharedPerOrg(async (orgId) => {
      const savesBefore = saves;
      set({ accountLoading: true, accountProblem: null });
      const result = await client.invoke('portal:get-billing-account', { org: orgId });
      if (get().orgId !== orgId) return;
      if (!result.ok) {
        set({ accountLoading: false, accountProblem: refusalWords(portalProblemOf(result.error), 'read the billing account') });
        return;
      }
      if (saves !== savesBefore) set({ accountLoading: false });
      // Edits in progress stay; the saved values they are compared with are the portal's newest.
      else if (selectBillingDirty(get())) set({ accountLoading: false, account: result.value.account });
      else set({ accountLoading: false, ...showing(result.value.account) });
    });

    return {
      ...INITIAL_ACCOUNT,

      billingAccountLoaded: (orgId) => load(orgId),

      billingFieldEdited(field, value) {
        if (get().saving) return;
        const touched = field === 'country' ? [field, ...COUNTRY_DEPENDENT_FIELDS] : [field];
        set((state) => ({
          form: { ...state.form, [field]: value },
          serverProblems: without(state.serverProblems, touched),
          // A new country re-checks the postal code and tax ID already there.
          visited: field === 'country' ? listed(state.visited, COUNTRY_DEPENDENT_FIELDS.filter((dependent) => state.form[dependent].trim() !== '')) : state.visited,
          saveNotice: null,
          saveProblem: null,
        }));
      },

      billingFieldLeft(field) {
        const state = get();
        if (state.account === null || state.form[field] === formOf(state.account)[field]) return;
        set({ visited: listed(state.visited, [field]) });
      },

      async billingSaveRequested() {
        const state = get();
        const { orgId, account } = state;
        if (orgId === null || account === null || state.saving) return;
        set({ saveAttempted: true, saveNotice: null, saveProblem: null });
        const change = changeOf(account, state.form);
        if (Object.keys(change).length === 0) {
          set({ saveNotice: 'Nothing to save: the form shows the billing account as the portal has it.' });
          return;
        }
        if (Object.keys(billingFormProblems(state.form)).length > 0) {
          set({ saveProblem: 'Nothing was saved. Correct the marked fields, then save again.' });
          return;
        }
        set({ saving: true, serverProblems: {} });
        const result = await client.invoke('portal:update-billing-account', { org: orgId, change });
        if (get().orgId !== orgId) return;
        if (result.ok) {
          saves += 1;
          set({ saving: false, ...showing(result.value.account), saveNotice: 'Saved the billing account.' });
          return;
        }
        const problem = portalProblemOf(result.error);
        const { problems, other } = serverFieldProblems(problem.fields);
        const inPlace = Object.keys(problems).length > 0;
        set({
          saving: false,
          serverProblems: problems,
          saveProblem: inPlace
            ? ['Nothing was saved: the portal refused the marked fields.', ...other].join(' ')
            : refusalWords(problem, 'save the billing account'),
        });
      },

      billingFormReset() {
        const { account, saving } = get();
        if (account === null || saving) return;
        set({ ...showing(account), saveNotice: null, saveProblem: null });
      },
    };
  };
}
