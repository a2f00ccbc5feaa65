import {
  billingAccountSchema,
  type BillingAccount,
  type BillingAccountUpdate,
} from '../../../shared/portal/schemas/billing-account';
import { billingAccountProblems, type BillingAccountProblems } from '../../../shared/portal/validation';

/** A billing account field, as the API names it. */
export type BillingField = keyof BillingAccount;

/** The billing account form as typed; an empty field means "not set". */
export type BillingForm = Record<BillingField, string>;

/** The fields in the order the form shows them. */
export const BILLING_FIELDS = [
  'name',
  'address_line1',
  'address_line2',
  'city',
  'postal_code',
  'region',
  'country',
  'phone',
  'tax_id',
] as const satisfies readonly BillingField[];

/** Fields checked against the country: a new country can make them wrong without touching them. */
export const COUNTRY_DEPENDENT_FIELDS: readonly BillingField[] = ['postal_code', 'tax_id'];

export const EMPTY_BILLING_ACCOUNT: BillingAccount = {
  name: null,
  address_line1: null,
  address_line2: null,
  city: null,
  postal_code: null,
  region: null,
  country: null,
  phone: null,
  tax_id: null,
};

export function formOf(account: BillingAccount): BillingForm {
  const form = {} as BillingForm;
  for (const field of BILLING_FIELDS) form[field] = account[field] ?? '';
  return form;
}

/** A typed value as the portal stores it: trimmed, and null when nothing is left. */
function storedValue(typed: string): string | null {
  const value = typed.trim();
  return value === '' ? null : value;
}

/** The account as it would be after saving the form. */
export function accountAfter(form: BillingForm): BillingAccount {
  const account = { ...EMPTY_BILLING_ACCOUNT };
  for (const field of BILLING_FIELDS) account[field] = storedValue(form[field]);
  return account;
}

/** Only the fields the form changes (null clears one); empty when there is nothing to save. */
export function changeOf(saved: BillingAccount, form: BillingForm): BillingAccountUpdate {
  const next = accountAfter(form);
  const change: BillingAccountUpdate = {};
  for (const field of BILLING_FIELDS) {
    if (next[field] !== saved[field]) change[field] = next[field];
  }
  return change;
}

/**
 * What the portal would refuse in the account the form describes, per field, by the portal's own rules
 * (shared/portal/validation): postal code and tax ID checked against the country, the phone in E.164,
 * the country code, and each field's length.
 */
export function billingFormProblems(form: BillingForm): BillingAccountProblems {
  const next = accountAfter(form);
  const problems = billingAccountProblems(next);
  const parsed = billingAccountSchema.safeParse(next);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && (BILLING_FIELDS as readonly string[]).includes(field))
        problems[field as BillingField] ??= issue.message;
    }
  }
  return problems;
}

/** The portal's 422 messages that belong to a form field (keyed `postal_code`, or `change.postal_code` by the app). */
export function serverFieldProblems(fields: Readonly<Record<string, string>>): {
  problems: BillingAccountProblems;
  other: string[];
} {
  const problems: BillingAccountProblems = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    const field = key.replace(/^change\./, '');
    if ((BILLING_FIELDS as readonly string[]).includes(field)) problems[field as BillingField] = message;
    else other.push(message);
  }
  return { problems, other };
}
