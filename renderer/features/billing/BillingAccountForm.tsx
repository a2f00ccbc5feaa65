import { useEffect, useRef, type FormEvent } from 'react';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import { TextField } from '../../ui/TextField';
import { useBillingAccountForm, type BillingAccountFormState } from './account-form';
import { BILLING_FIELDS, type BillingField } from './billing-form';
import { FIELD_WORDS } from './billing-words';
import { CountrySelect } from './CountrySelect';

function BillingTextField({
  field,
  draft,
}: {
  field: Exclude<BillingField, 'country'>;
  draft: BillingAccountFormState;
}) {
  const words = FIELD_WORDS[field];
  return (
    <TextField
      id={`billing-${field}`}
      label={words.label}
      value={draft.form[field]}
      onValue={(typed) => draft.edited(field, typed)}
      onBlur={() => draft.left(field)}
      problem={draft.problemOf(field)}
      hint={words.hint}
      hintAlways
      autoComplete={words.autoComplete}
      inputMode={field === 'phone' ? 'tel' : undefined}
      spellCheck={false}
      readOnly={draft.saving}
    />
  );
}

function BillingCountryField({ draft }: { draft: BillingAccountFormState }) {
  return (
    <CountrySelect
      id="billing-country"
      label={FIELD_WORDS.country.label}
      value={draft.form.country}
      onValue={(code) => draft.edited('country', code)}
      onBlur={() => draft.left('country')}
      problem={draft.problemOf('country')}
      disabled={draft.saving}
    />
  );
}

/**
 * The Owner's billing account form: each field checked by the portal's rules as it is left, the portal's
 * own refusals shown in place, and Save sending only what changed.
 */
export function BillingAccountForm({ orgId, account }: { orgId: string; account: BillingAccount }) {
  const draft = useBillingAccountForm(orgId, account);
  const { saving, dirty, saveProblem, saveNotice, answers } = draft;
  const form = useRef<HTMLFormElement>(null);

  // After a refused save, the first field marked wrong gets the focus.
  useEffect(() => {
    if (answers > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [answers]);

  function submitted(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    draft.submitted();
  }

  return (
    <form ref={form} className="billing-form" noValidate aria-labelledby="billing-account-heading" onSubmit={submitted}>
      <div className="billing-form__fields">
        {BILLING_FIELDS.map((field) =>
          field === 'country' ? (
            <BillingCountryField key={field} draft={draft} />
          ) : (
            <BillingTextField key={field} field={field} draft={draft} />
          ),
        )}
      </div>
      <div role="alert">{saveProblem !== null && <p className="problem">{saveProblem}</p>}</div>
      <p className="notice" role="status">
        {saveNotice}
      </p>
      <div className="row">
        {/* aria-disabled, not disabled: the button keeps the focus while saving and after. */}
        <button type="submit" className="primary" aria-disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {dirty && (
          <button type="button" onClick={draft.discarded} disabled={saving}>
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}
