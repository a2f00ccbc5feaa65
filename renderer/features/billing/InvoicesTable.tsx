import type { Invoice } from '../../../shared/portal/schemas/invoices';
import { useBilling } from '../../store/billing-context';
import { calendarDate } from './calendar-date';
import { formatMinorUnits } from './money';
import { BillingStatus } from './StatusBadge';

function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const opening = useBilling((state) => state.openingInvoiceId);
  const invoiceOpenRequested = useBilling((state) => state.invoiceOpenRequested);
  return (
    <tr data-invoice={invoice.id}>
      <th scope="row" className="mono">
        {invoice.number}
      </th>
      <td>
        <time dateTime={invoice.date}>{calendarDate(invoice.date)}</time>
      </td>
      <td className="num">{formatMinorUnits(invoice.amount, invoice.currency)}</td>
      <td>
        <BillingStatus status={invoice.status} />
      </td>
      <td>
        <button type="button" className="small-button" onClick={() => void invoiceOpenRequested(invoice.id)} disabled={opening !== null}>
          {opening === invoice.id ? 'Opening…' : 'Open PDF'}
          <span className="sr-only"> of invoice {invoice.number}</span>
        </button>
      </td>
    </tr>
  );
}

/** The invoices, newest first: number, date, amount in its currency, status, and the PDF. */
export function InvoicesTable({ invoices }: { invoices: readonly Invoice[] }) {
  return (
    <div className="table-scroll">
      <table className="licenses billing-table">
        <caption className="sr-only">Invoices, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Date</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <InvoiceRow key={invoice.id} invoice={invoice} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
