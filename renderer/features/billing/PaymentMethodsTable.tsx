import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';
import { brandWords } from './payment-method-words';
import { BillingTable } from './BillingTable';

const METHOD_COLUMNS = ['Payment method', 'Ending in', 'Expires', 'Default'];

function expiry(method: PaymentMethod): string {
  if (method.exp_month === null || method.exp_year === null) return 'Does not expire';
  return `${String(method.exp_month).padStart(2, '0')}/${method.exp_year}`;
}

/** The saved payment methods: brand, last four digits, expiry, and which one orders are charged to. */
export function PaymentMethodsTable({ methods }: { methods: readonly PaymentMethod[] }) {
  return (
    <BillingTable caption="Payment methods, the default one first" columns={METHOD_COLUMNS}>
      {methods.map((method) => (
        <tr key={method.id} data-payment-method={method.id}>
          <th scope="row">{method.type === 'sepa_debit' ? 'SEPA Direct Debit' : brandWords(method.brand)}</th>
          <td className="num mono">{method.last4}</td>
          <td className="num">{expiry(method)}</td>
          <td>
            {method.is_default ? (
              <span className="billing-status" data-tone="ok">
                Default
              </span>
            ) : (
              <span className="muted">No</span>
            )}
          </td>
        </tr>
      ))}
    </BillingTable>
  );
}
