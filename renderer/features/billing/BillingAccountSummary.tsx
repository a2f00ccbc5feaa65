import { useBilling } from '../../store/billing-context';
import { BILLING_FIELDS } from '../../store/billing-form';
import { FIELD_WORDS } from './billing-words';
import { countryName } from './countries';

/** The billing account for a Member: read only, with the reason. */
export function BillingAccountSummary() {
  const account = useBilling((state) => state.account);
  if (account === null) return null;
  return (
    <>
      <p className="hint" id="billing-read-only">
        Only Owners of this organization can change the billing account. You are a Member: ask an Owner to change it.
      </p>
      <dl className="billing-summary" aria-describedby="billing-read-only">
        {BILLING_FIELDS.map((field) => {
          const value = account[field];
          return (
            <div key={field} className="billing-summary__item">
              <dt>{FIELD_WORDS[field].label.replace(' (optional)', '')}</dt>
              <dd>{value === null ? <span className="muted">Not set</span> : field === 'country' ? `${countryName(value)} (${value})` : value}</dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
