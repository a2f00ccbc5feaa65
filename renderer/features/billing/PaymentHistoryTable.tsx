import type { Invoice } from '../../../shared/portal/schemas/invoices';
import type { Payment } from '../../../shared/portal/schemas/payments';
import { localDate, localDateTime } from '../../format/dates';
import { formatMinorUnits } from '../../ui/money';
import { BillingStatus } from './StatusBadge';
import { BillingTable } from './BillingTable';

const PAYMENT_COLUMNS = ['Date', 'Paid with', 'Amount', 'Status', 'Invoice'];

function PaymentRow({ payment, invoices }: { payment: Payment; invoices: readonly Invoice[] }) {
  // The invoice the payment settled, for the "Invoice" column.
  const invoiceNumber =
    payment.invoice_id === null
      ? null
      : (invoices.find((invoice) => invoice.id === payment.invoice_id)?.number ?? null);
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
export function PaymentHistoryTable({
  payments,
  invoices,
}: {
  payments: readonly Payment[];
  invoices: readonly Invoice[];
}) {
  return (
    <BillingTable caption="Payment history, newest first" columns={PAYMENT_COLUMNS}>
      {payments.map((payment) => (
        <PaymentRow key={payment.id} payment={payment} invoices={invoices} />
      ))}
    </BillingTable>
  );
}
