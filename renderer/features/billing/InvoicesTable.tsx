import type { Invoice } from '../../../shared/portal/schemas/invoices';
import { calendarDate } from './calendar-date';
import { formatMinorUnits } from '../../ui/money';
import { BillingStatus } from './StatusBadge';
import { BillingTable } from './BillingTable';

const INVOICE_COLUMNS = ['Number', 'Date', 'Amount', 'Status', 'PDF'];

/** The invoice whose PDF is being opened (null: none), and how to open one. */
interface Opening {
  opening: string | null;
  onOpen(invoice: Invoice): void;
}

function InvoiceRow({ invoice, opening, onOpen }: { invoice: Invoice } & Opening) {
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
        <button type="button" className="small-button" onClick={() => onOpen(invoice)} disabled={opening !== null}>
          {opening === invoice.id ? 'Opening…' : 'Open PDF'}
          <span className="sr-only"> of invoice {invoice.number}</span>
        </button>
      </td>
    </tr>
  );
}

/** The invoices, newest first: number, date, amount in its currency, status, and the PDF. */
export function InvoicesTable({ invoices, opening, onOpen }: { invoices: readonly Invoice[] } & Opening) {
  return (
    <BillingTable caption="Invoices, newest first" columns={INVOICE_COLUMNS}>
      {invoices.map((invoice) => (
        <InvoiceRow key={invoice.id} invoice={invoice} opening={opening} onOpen={onOpen} />
      ))}
    </BillingTable>
  );
}
