import { refusalWords } from '../../store/portal-problem';
import { showToast } from '../../ui/toasts';
import { InvoicesTable } from './InvoicesTable';
import { useOpenInvoice, usePayInvoice } from './mutations';
import { PaymentHistoryTable } from './PaymentHistoryTable';
import { useInvoices } from './queries';
import { useWindowFocus } from './use-window-focus';

/** Invoice and payment history: both lists come in one answer. Opening a PDF or a payment page ends in a toast. */
export function InvoicesSection({ orgId }: { orgId: string }) {
  const list = useInvoices(orgId);
  // Held here, not per row: one PDF (or one payment page) opens at a time.
  const open = useOpenInvoice(orgId);
  const pay = usePayInvoice(orgId);
  // Back from the browser, where an invoice may have been paid: the list is read again.
  useWindowFocus(() => {
    if (list.data !== undefined) void list.refetch();
  });
  const loading = list.isFetching;
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
              onOpen={(invoice) =>
                open.mutate(invoice, {
                  onSuccess: ({ fileName }) =>
                    showToast({ tone: 'success', title: `Opened invoice ${invoice.number}`, detail: fileName }),
                  onError: (error) =>
                    showToast({ tone: 'danger', title: refusalWords(error, `open invoice ${invoice.number}`) }),
                })
              }
              paying={pay.isPending ? (pay.variables?.id ?? null) : null}
              onPay={(invoice) =>
                pay.mutate(invoice, {
                  onSuccess: () =>
                    showToast({
                      tone: 'info',
                      title: `Opened the payment page of invoice ${invoice.number} in your browser`,
                      detail: 'Pay there; the invoice shows as paid here when you come back.',
                    }),
                  onError: (error) =>
                    showToast({
                      tone: 'danger',
                      title: refusalWords(error, `open the payment page of ${invoice.number}`),
                    }),
                })
              }
            />
          )}
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
