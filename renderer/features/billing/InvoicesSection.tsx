import { refusalWords } from '../../store/portal-problem';
import { InvoicesTable } from './InvoicesTable';
import { useOpenInvoice } from './mutations';
import { PaymentHistoryTable } from './PaymentHistoryTable';
import { useInvoices } from './queries';

/** Invoice and payment history: both lists come in one answer. */
export function InvoicesSection({ orgId }: { orgId: string }) {
  const list = useInvoices(orgId);
  // Held here, not per row: its words stay under the table, and one PDF opens at a time.
  const open = useOpenInvoice(orgId);
  const loading = list.isFetching;
  const opened = open.variables?.number ?? 'the invoice';
  return (
    <section className="panel billing-section" aria-labelledby="billing-invoices-heading" aria-busy={loading}>
      <div className="billing-section__header">
        <h3 id="billing-invoices-heading">Invoice and payment history</h3>
        <button type="button" onClick={() => void list.refetch()} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh invoices'}
        </button>
      </div>
      {list.isError ? (
        <div className="callout callout--bad" role="alert">
          <p>{refusalWords(list.error, 'list the invoices')}</p>
          <p>Press Refresh invoices to try again.</p>
        </div>
      ) : list.data === undefined ? (
        <p role="status">Loading the invoices and payments…</p>
      ) : (
        <>
          <h4>Invoices</h4>
          {list.data.invoices.length === 0 ? (
            <p>No invoices yet. Each purchase and renewal adds one here.</p>
          ) : (
            <InvoicesTable
              invoices={list.data.invoices}
              opening={open.isPending ? (open.variables?.id ?? null) : null}
              onOpen={(invoice) => open.mutate(invoice)}
            />
          )}
          <p className="notice" role="status">
            {open.isSuccess && `Opened invoice ${opened} (${open.data.fileName}) in your PDF viewer.`}
          </p>
          <div role="alert">
            {open.isError && <p className="problem">{refusalWords(open.error, `open invoice ${opened}`)}</p>}
          </div>
          <h4>Payment history</h4>
          {list.data.payments.length === 0 ? (
            <p>No payments yet.</p>
          ) : (
            <PaymentHistoryTable payments={list.data.payments} invoices={list.data.invoices} />
          )}
        </>
      )}
    </section>
  );
}
