import { refusalWords } from '../../store/portal-problem';
import { BillingAccountForm } from './BillingAccountForm';
import { BillingAccountSummary } from './BillingAccountSummary';
import { useBillingAccount } from './queries';

/** Account information: who the invoices are made out to (address, name, phone number and tax ID). */
export function BillingAccountSection({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  const read = useBillingAccount(orgId);
  const account = read.data ?? null;
  const accountLoading = read.isFetching;
  const accountProblem = read.isError ? refusalWords(read.error, 'read the billing account') : null;
  return (
    <section className="panel billing-section" aria-labelledby="billing-account-heading" aria-busy={accountLoading}>
      <h3 id="billing-account-heading">Account information</h3>
      <p className="hint">The address, name, phone number and tax ID on this organization’s invoices.</p>
      {accountProblem !== null ? (
        <div className="callout callout--bad" role="alert">
          <p>{accountProblem}</p>
          <button type="button" onClick={() => void read.refetch()} disabled={accountLoading}>
            Try again
          </button>
        </div>
      ) : account === null ? (
        <p role="status">Loading the billing account…</p>
      ) : role === 'owner' ? (
        <BillingAccountForm orgId={orgId} account={account} />
      ) : (
        <BillingAccountSummary account={account} />
      )}
    </section>
  );
}
