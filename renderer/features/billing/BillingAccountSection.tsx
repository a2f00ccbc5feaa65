import { useBilling } from '../../store/billing-context';
import { BillingAccountForm } from './BillingAccountForm';
import { BillingAccountSummary } from './BillingAccountSummary';

/** Account information: who the invoices are made out to (address, name, phone number and tax ID). */
export function BillingAccountSection({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  const account = useBilling((state) => state.account);
  const accountLoading = useBilling((state) => state.accountLoading);
  const accountProblem = useBilling((state) => state.accountProblem);
  const billingAccountLoaded = useBilling((state) => state.billingAccountLoaded);
  return (
    <section className="panel billing-section" aria-labelledby="billing-account-heading" aria-busy={accountLoading}>
      <h3 id="billing-account-heading">Account information</h3>
      <p className="hint">The address, name, phone number and tax ID on this organization’s invoices.</p>
      {accountProblem !== null ? (
        <div className="callout callout--bad" role="alert">
          <p>{accountProblem}</p>
          <button type="button" onClick={() => void billingAccountLoaded(orgId)} disabled={accountLoading}>
            Try again
          </button>
        </div>
      ) : account === null ? (
        <p role="status">Loading the billing account…</p>
      ) : role === 'owner' ? (
        <BillingAccountForm />
      ) : (
        <BillingAccountSummary />
      )}
    </section>
  );
}
