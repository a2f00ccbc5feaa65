import { toIsoUtc } from '../../../../shared/time/iso';
import { DEMO_CARD } from '../commerce/card-form';
import { formatMoney } from '../commerce/pricing';
import { escapeHtml, htmlPage } from '../html';
import type {
  CheckoutRecord,
  InvoiceRecord,
  LicenseRecord,
  OrganizationRecord,
  PaymentMethodRecord,
  PlanRecord,
} from '../state/records';

function cardFields(thisYear: number): string {
  return `<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" value="${DEMO_CARD}">
<label for="exp_month">Expiry month</label>
<input id="exp_month" name="exp_month" inputmode="numeric" value="12">
<label for="exp_year">Expiry year</label>
<input id="exp_year" name="exp_year" inputmode="numeric" value="${thisYear + 3}">`;
}

function alert(error: string | undefined): string {
  return error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`;
}

export interface CheckoutPageInput {
  checkout: CheckoutRecord;
  license: LicenseRecord;
  plan: PlanRecord;
  organization: OrganizationRecord;
  thisYear: number;
  error?: string;
}

/** The order summary and, until paid, the card form and its Pay button. */
export function renderCheckoutPage(input: CheckoutPageInput): string {
  const { checkout, license, plan, organization } = input;
  const rows: [string, string][] = [
    ['Organization', organization.name],
    ['License', license.nickname],
    ['Install ID', license.installId],
    ['Plan', plan.name],
    ['Internal users', license.internalUsers.toLocaleString('en-US')],
    ['External users', license.externalUsers.toLocaleString('en-US')],
    [`Due today (first ${plan.billingPeriod})`, formatMoney(checkout.amount, checkout.currency)],
  ];
  const summary = `<table aria-label="Order summary">${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
<p class="note">The license runs one year from payment; its key is issued for this Install ID.</p>`;
  let state: string;
  if (checkout.completed && license.expiresAt !== null) {
    state = `<p role="status">Payment complete. The license is active until ${escapeHtml(toIsoUtc(license.expiresAt))}. You can close this page and return to the app.</p>`;
  } else if (checkout.paidAt !== null) {
    state = `<p role="status">Payment received. Your license will appear in ${escapeHtml(organization.name)} once we've validated your payment.</p>`;
  } else {
    state = `${alert(input.error)}
<form method="post" action="/checkout/${escapeHtml(checkout.id)}/pay">
${cardFields(input.thisYear)}
<button type="submit">Pay</button>
</form>`;
  }
  return htmlPage(checkout.kind === 'renewal' ? 'Renew a license' : 'Checkout', `${summary}\n${state}`);
}

/** An invoice's payment page: its number and amount, and until paid the card form and its Pay button. */
export function renderInvoicePayPage(input: {
  invoice: InvoiceRecord;
  organization: OrganizationRecord;
  thisYear: number;
  error?: string;
}): string {
  const { invoice, organization } = input;
  const summary = `<p>Invoice ${escapeHtml(invoice.number)} of ${escapeHtml(organization.name)}: ${escapeHtml(formatMoney(invoice.amount, invoice.currency))}.</p>`;
  const state =
    invoice.status === 'open'
      ? `${alert(input.error)}
<form method="post" action="/invoices/${escapeHtml(invoice.id)}/pay">
${cardFields(input.thisYear)}
<button type="submit">Pay</button>
</form>`
      : `<p role="status">Payment complete: invoice ${escapeHtml(invoice.number)} is ${invoice.status === 'paid' ? 'paid' : 'void'}. You can close this page and return to the app.</p>`;
  return htmlPage('Pay an invoice', `${summary}\n${state}`);
}

export interface SetupPageInput {
  organization: OrganizationRecord;
  setupId: string;
  added: PaymentMethodRecord | null;
  addedDescription: string | null;
  thisYear: number;
  error?: string;
}

/** The payment-method page: the card form and its "Add card" button, or what was added. */
export function renderSetupPage(input: SetupPageInput): string {
  const body =
    input.added === null
      ? `<p>Add a card to ${escapeHtml(input.organization.name)}. It is charged for orders and renewals when it is the default method.</p>
${alert(input.error)}
<form method="post" action="/billing/setup/${escapeHtml(input.setupId)}">
${cardFields(input.thisYear)}
<button type="submit">Add card</button>
</form>`
      : `<p role="status">Card added: ${escapeHtml(input.addedDescription ?? '')}. You can close this page and return to the app.</p>`;
  return htmlPage('Add a payment method', body);
}

export function renderNotFoundPage(what: string): string {
  return htmlPage(
    'Not found',
    `<p class="error" role="alert">No ${escapeHtml(what)} at this address. Start again from the app.</p>`,
  );
}
