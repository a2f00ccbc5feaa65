import { useEffect, useRef, useState, type FormEvent } from 'react';
import { selectBillingDirty, selectBillingFieldProblem } from '../../store/billing-account';
import { useBilling } from '../../store/billing-context';
import { BILLING_FIELDS, type BillingField } from '../../store/billing-form';
import { TextField } from '../dashboard/TextField';
import { FIELD_WORDS } from './billing-words';
import { CountrySelect } from './CountrySelect';

function BillingTextField({ field, saving }: { field: Exclude<BillingField, 'country'>; saving: boolean }) {
  const value = useBilling((state) => state.form[field]);
  const problem = useBilling((state) => selectBillingFieldProblem(state, field));
  const billingFieldEdited = useBilling((state) => state.billingFieldEdited);
  const billingFieldLeft = useBilling((state) => state.billingFieldLeft);
  const words = FIELD_WORDS[field];
  return (
    <TextField
      id={`billing-${field}`}
      label={words.label}
      value={value}
      onValue={(typed) => billingFieldEdited(field, typed)}
      onBlur={() => billingFieldLeft(field)}
      problem={problem}
      hint={words.hint}
      hintAlways
      autoComplete={words.autoComplete}
      inputMode={field === 'phone' ? 'tel' : undefined}
      spellCheck={false}
      readOnly={saving}
    />
  );
}

function BillingCountryField({ saving }: { saving: boolean }) {
  const value = useBilling((state) => state.form.country);
  const problem = useBilling((state) => selectBillingFieldProblem(state, 'country'));
  const billingFieldEdited = useBilling((state) => state.billingFieldEdited);
  const billingFieldLeft = useBilling((state) => state.billingFieldLeft);
  return (
    <CountrySelect
      id="billing-country"
      label={FIELD_WORDS.country.label}
      value={value}
      onValue={(code) => billingFieldEdited('country', code)}
      onBlur={() => billingFieldLeft('country')}
      problem={problem}
      disabled={saving}
    />
  );
}

/**
 * The Owner's billing account form: each field checked by the portal's rules as it is left, the portal's
 * own refusals shown in place, and Save sending only what changed.
 */
export function BillingAccountForm() {
  const saving = useBilling((state) => state.saving);
  const dirty = useBilling(selectBillingDirty);
  const saveProblem = useBilling((state) => state.saveProblem);
  const saveNotice = useBilling((state) => state.saveNotice);
  const billingSaveRequested = useBilling((state) => state.billingSaveRequested);
  const billingFormReset = useBilling((state) => state.billingFormReset);
  const form = useRef<HTMLFormElement>(null);
  const [answers, setAnswers] = useState(0);

  // After a refused save, the first field marked wrong gets the focus.
  useEffect(() => {
    if (answers > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [answers]);

  async function submitted(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await billingSaveRequested();
    setAnswers((count) => count + 1);
  }

  return (
    <form ref={form} className="billing-form" noValidate aria-labelledby="billing-account-heading" onSubmit={(event) => void submitted(event)}>
      <div className="billing-form__fields">
        {BILLING_FIELDS.map((field) => (field === 'country' ? <BillingCountryField key={field} saving={saving} /> : <BillingTextField key={field} field={field} saving={saving} />))}
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
          <button type="button" onClick={billingFormReset} disabled={saving}>
            Discard changes
          </button>
        )}
      </div>
    </form>
  );
}
