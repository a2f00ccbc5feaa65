import { newId } from '../state/ids';
import type { PortalState } from '../state/portal-state';
import type { InvoiceRecord } from '../state/records';
import type { CardInput } from './card-form';
import { methodDescription } from './pricing';

/** The page on which an open invoice is paid (`Invoice.pay_url`); null once it is paid or void. */
export function invoicePayUrl(state: PortalState, invoice: InvoiceRecord): string | null {
  return invoice.status === 'open' ? `${state.settings.origin}/invoices/${invoice.id}/pay` : null;
}

/** Pays an open invoice by card: a declined card leaves it open with a failed payment; otherwise it is paid at once. */
export function payInvoice(state: PortalState, invoice: InvoiceRecord, card: CardInput): 'paid' | 'declined' {
  state.data.payments.push({
    id: newId(),
    orgId: invoice.orgId,
    date: state.now(),
    amount: invoice.amount,
    currency: invoice.currency,
    status: card.declined ? 'failed' : 'succeeded',
    invoiceId: invoice.id,
    description: methodDescription({ type: 'card', brand: card.brand, last4: card.last4 }),
  });
  if (card.declined) return 'declined';
  invoice.status = 'paid';
  return 'paid';
}
