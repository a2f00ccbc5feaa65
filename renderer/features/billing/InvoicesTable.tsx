import type { Invoice } from '../../../shared/portal/schemas/invoices';
import { calendarDate } from '../../format/dates';
import { formatMinorUnits } from '../../ui/money';
import { BillingStatus } from './StatusBadge';
import { BillingTable } from './BillingTable';

const INVOICE_COLUMNS = ['Number', 'Date', 'Amount', 'Status', 'Actions'];

/** The invoice whose PDF is being opened (null: none), how to open one, and how to pay an open one. */
interface InvoiceActions {
  opening: string | null;
  onOpen(invoice: Invoice): void;
  /** The invoice whose payment page is being opened (null: none). */
  paying: string | null;
  onPay(invoice: Invoice): void;
}

function InvoiceRow({ invoice, opening, onOpen, paying, onPay }: { invoice: Invoice } & InvoiceActions) {
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
      <td className="invoice-actions">
        {invoice.status === 'open' && invoice.pay_url !== null && (
          <button
            type="button"
            className="small-button primary"
            onClick={() => onPay(invoice)}
            disabled={paying !== null}
          >
            {paying === invoice.id ? 'Opening…' : 'Pay'}
            <span className="sr-only"> invoice {invoice.number}</span>
          </button>
        )}
        <button type="button" className="small-button" onClick={() => onOpen(invoice)} disabled={opening !== null}>
          {opening === invoice.id ? 'Opening…' : 'Open PDF'}
          <span className="sr-only"> of invoice {invoice.number}</span>
        </button>
      </td>
    </tr>
  );
}

/** The invoices, newest first: number, date, amount in its currency, status; Pay on an open one, and the PDF. */
export function InvoicesTable({ invoices, ...actions }: { invoices: readonly Invoice[] } & InvoiceActions) {
  return (
    <BillingTable caption="Invoices, newest first" columns={INVOICE_COLUMNS}>
      {invoices.map((invoice) => (
        <InvoiceRow key={invoice.id} invoice={invoice} {...actions} />
      ))}
    </BillingTable>
  );
}
