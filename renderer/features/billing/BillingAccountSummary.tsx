import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import { BILLING_FIELDS } from './billing-form';
import { FIELD_WORDS } from './billing-words';
import { countryName } from './countries';

/** The billing account for a Member: read only, with the reason. */
export function BillingAccountSummary({ account }: { account: BillingAccount }) {
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
              <dd>
                {value === null ? (
                  <span className="muted">Not set</span>
                ) : field === 'country' ? (
                  `${countryName(value)} (${value})`
                ) : (
                  value
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
