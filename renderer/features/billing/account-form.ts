import { useState } from 'react';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import { refusalWords } from '../../store/portal-problem';
import { standingProblems } from '../../ui/form-draft';
import {
  billingFormProblems,
  changeOf,
  COUNTRY_DEPENDENT_FIELDS,
  formOf,
  serverFieldProblems,
  type BillingField,
  type BillingForm,
} from './billing-form';
import { useSaveBillingAccount } from './mutations';

/** What Save said without asking the portal: nothing to save, or fields to correct first. */
type LocalAnswer = { notice: string } | { problem: string } | null;

const added = (fields: readonly BillingField[], more: readonly BillingField[]): readonly BillingField[] => [
  ...fields,
  ...more.filter((field) => !fields.includes(field)),
];

/**
 * The Owner's billing form over the account as the portal has it now: the edits are kept apart from the
 * account, so a newer account read after `portal:did-change` shows under an edit in progress, and Save
 * sends only what the edits change. The save's pending and refusal are the mutation's.
 */
export function useBillingAccountForm(orgId: string, account: BillingAccount) {
  const save = useSaveBillingAccount(orgId);
  const [edits, setEdits] = useState<Partial<BillingForm>>({});
  /** Fields whose problems show: left after an edit, or checked against a country that changed. */
  const [visited, setVisited] = useState<readonly BillingField[]>([]);
  /** Save was pressed: every field's problem shows. */
  const [saveAttempted, setSaveAttempted] = useState(false);
  /** Fields edited since the last save was sent: the portal's words about them no longer apply. */
  const [edited, setEdited] = useState<ReadonlySet<BillingField>>(() => new Set());
  const [local, setLocal] = useState<LocalAnswer>(null);
  /** Counts answered saves, so the form can move the focus to the first field marked wrong. */
  const [answers, setAnswers] = useState(0);

  const saved = formOf(account);
  const form: BillingForm = { ...saved, ...edits } as BillingForm;
  const change = changeOf(account, form);
  const refusal = save.isError ? serverFieldProblems(save.error.fields) : { problems: {}, other: [] };
  const serverProblems = standingProblems(refusal.problems, edited);
  const answerStands = edited.size === 0;

  function problemOf(field: BillingField): string | undefined {
    const server = serverProblems[field];
    if (server !== undefined) return server;
    if (!saveAttempted && !visited.includes(field)) return undefined;
    return billingFormProblems(form)[field];
  }

  function saveProblem(): string | null {
    if (local !== null) return 'problem' in local ? local.problem : null;
    if (!save.isError || !answerStands) return null;
    if (Object.keys(refusal.problems).length > 0)
      return ['Nothing was saved: the portal refused the marked fields.', ...refusal.other].join(' ');
    return refusalWords(save.error, 'save the billing account');
  }

  function saveNotice(): string | null {
    if (local !== null) return 'notice' in local ? local.notice : null;
    return save.isSuccess && answerStands ? 'Saved the billing account.' : null;
  }

  return {
    form,
    saving: save.isPending,
    dirty: Object.keys(change).length > 0,
    answers,
    problemOf,
    saveProblem: saveProblem(),
    saveNotice: saveNotice(),

    edited(field: BillingField, value: string) {
      if (save.isPending) return;
      setEdits((current) => ({ ...current, [field]: value }));
      setEdited((current) => new Set([...current, field, ...(field === 'country' ? COUNTRY_DEPENDENT_FIELDS : [])]));
      // A new country re-checks the postal code and tax ID already there.
      if (field === 'country')
        setVisited((current) =>
          added(
            current,
            COUNTRY_DEPENDENT_FIELDS.filter((dependent) => form[dependent].trim() !== ''),
          ),
        );
      setLocal(null);
    },

    left(field: BillingField) {
      if (form[field] !== saved[field]) setVisited((current) => added(current, [field]));
    },

    submitted() {
      if (save.isPending) return;
      setSaveAttempted(true);
      if (Object.keys(change).length === 0) {
        setLocal({ notice: 'Nothing to save: the form shows the billing account as the portal has it.' });
      } else if (Object.keys(billingFormProblems(form)).length > 0) {
        setLocal({ problem: 'Nothing was saved. Correct the marked fields, then save again.' });
        setAnswers((count) => count + 1);
      } else {
        setLocal(null);
        setEdited(new Set());
        save.mutate(change, {
          onSuccess() {
            setEdits({});
            setVisited([]);
            setSaveAttempted(false);
          },
          onSettled: () => setAnswers((count) => count + 1),
        });
      }
    },

    discarded() {
      if (save.isPending) return;
      setEdits({});
      setVisited([]);
      setSaveAttempted(false);
      setEdited(new Set());
      setLocal(null);
      save.reset();
    },
  };
}

export type BillingAccountFormState = ReturnType<typeof useBillingAccountForm>;
