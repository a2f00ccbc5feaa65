import type { Invoice } from '../../../shared/portal/schemas/invoices';
import type { Payment } from '../../../shared/portal/schemas/payments';
import { localDate, localDateTime } from '../../format/dates';
import { formatMinorUnits } from '../../ui/money';
import { BillingStatus } from './StatusBadge';

function PaymentRow({ payment, invoices }: { payment: Payment; invoices: readonly Invoice[] }) {
  // The invoice the payment settled, for the "Invoice" column.
  const invoiceNumber = payment.invoice_id === null ? null : (invoices.find((invoice) => invoice.id === payment.invoice_id)?.number ?? null);
  return (
    <tr data-payment={payment.id}>
      <td>
        <time dateTime={payment.date} title={localDateTime(payment.date)}>
          {localDate(payment.date)}
        </time>
      </td>
      <th scope="row">{payment.description}</th>
      <td className="num">{formatMinorUnits(payment.amount, payment.currency)}</td>
      <td>
        <BillingStatus status={payment.status} />
      </td>
      <td className="mono">{invoiceNumber ?? <span className="muted">None</span>}</td>
    </tr>
  );
}

/** Every payment, newest first: when, how it was paid, how much, whether it went through, and for which invoice. */
export function PaymentHistoryTable({ payments, invoices }: { payments: readonly Payment[]; invoices: readonly Invoice[] }) {
  return (
    <div className="table-scroll">
      <table className="licenses billing-table">
        <caption className="sr-only">Payment history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Paid with</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Invoice</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => (
            <PaymentRow key={payment.id} payment={payment} invoices={invoices} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
