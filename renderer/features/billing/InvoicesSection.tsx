import { useBilling } from '../../store/billing-context';
import { InvoicesTable } from './InvoicesTable';
import { PaymentHistoryTable } from './PaymentHistoryTable';

/** Invoice and payment history: both lists come in one answer. */
export function InvoicesSection() {
  const invoices = useBilling((state) => state.invoices);
  const payments = useBilling((state) => state.payments);
  const listed = useBilling((state) => state.invoicesListed);
  const loading = useBilling((state) => state.invoicesLoading);
  const problem = useBilling((state) => state.invoicesProblem);
  const notice = useBilling((state) => state.invoiceNotice);
  const openProblem = useBilling((state) => state.invoiceProblem);
  const reload = useBilling((state) => state.invoicesReloadRequested);
  return (
    <section className="panel billing-section" aria-labelledby="billing-invoices-heading" aria-busy={loading}>
      <div className="billing-section__header">
        <h3 id="billing-invoices-heading">Invoice and payment history</h3>
        <button type="button" onClick={() => void reload()} disabled={loading}>
          {loading ? 'Reloading…' : 'Reload invoices'}
        </button>
      </div>
      {problem !== null ? (
        <div className="callout callout--bad" role="alert">
          <p>{problem}</p>
          <p>Press Reload invoices to try again.</p>
        </div>
      ) : !listed ? (
        <p role="status">Loading the invoices and payments…</p>
      ) : (
        <>
          <h4>Invoices</h4>
          {invoices.length === 0 ? <p>No invoices yet. Each purchase and renewal adds one here.</p> : <InvoicesTable invoices={invoices} />}
          <p className="notice" role="status">
            {notice}
          </p>
          <div role="alert">{openProblem !== null && <p className="problem">{openProblem}</p>}</div>
          <h4>Payment history</h4>
          {payments.length === 0 ? <p>No payments yet.</p> : <PaymentHistoryTable payments={payments} />}
        </>
      )}
    </section>
  );
}
