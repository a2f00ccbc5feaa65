import { keyFingerprint } from '../key-fingerprint';
import { newId } from '../state/ids';
import type { PortalState } from '../state/portal-state';
import type { CheckoutRecord, InvoiceRecord, LicenseRecord, PaymentMethodRecord, PlanRecord } from '../state/records';
import type { CardInput } from './card-form';
import { methodDescription, periodAmount } from './pricing';

export function planOf(state: PortalState, license: LicenseRecord): PlanRecord {
  const plan = state.data.plans.find((entry) => entry.id === license.planId);
  if (plan === undefined) throw new Error(`license ${license.id} has no plan`);
  return plan;
}

export function licenseOf(state: PortalState, checkout: CheckoutRecord): LicenseRecord {
  const license = state.data.licenses.find((entry) => entry.id === checkout.licenseId);
  if (license === undefined) throw new Error(`checkout ${checkout.id} has no license`);
  return license;
}

/** A checkout page for one billing period of the license's plan: its first order or a renewal. */
export function openCheckout(state: PortalState, license: LicenseRecord, kind: CheckoutRecord['kind']): CheckoutRecord {
  const plan = planOf(state, license);
  const checkout: CheckoutRecord = {
    id: newId(),
    orgId: license.orgId,
    licenseId: license.id,
    kind,
    amount: periodAmount(plan, license.internalUsers, license.externalUsers),
    currency: plan.currency,
    createdAt: state.now(),
    paidAt: null,
    completed: false,
    invoiceId: null,
    paymentId: null,
  };
  state.data.checkouts.push(checkout);
  return checkout;
}

export function checkoutUrl(state: PortalState, checkout: CheckoutRecord): string {
  return `${state.settings.origin}/checkout/${checkout.id}`;
}

function checkoutDescription(state: PortalState, checkout: CheckoutRecord): string {
  const license = licenseOf(state, checkout);
  const plan = planOf(state, license);
  const users = `${license.internalUsers.toLocaleString('en-US')} internal users, ${license.externalUsers.toLocaleString('en-US')} external users`;
  const what = checkout.kind === 'renewal' ? 'renewal for one more year' : 'one year';
  return `${license.nickname}: ${users}, ${what}, first ${plan.billingPeriod} billed`;
}

function invoiceFor(state: PortalState, checkout: CheckoutRecord): InvoiceRecord {
  const existing = state.data.invoices.find((entry) => entry.id === checkout.invoiceId);
  if (existing !== undefined) return existing;
  const now = state.now();
  state.data.invoiceCounter += 1;
  const invoice: InvoiceRecord = {
    id: newId(),
    orgId: checkout.orgId,
    number: `AK-${new Date(now).getUTCFullYear()}-${String(state.data.invoiceCounter).padStart(6, '0')}`,
    date: now,
    amount: checkout.amount,
    currency: checkout.currency,
    status: 'open',
    description: checkoutDescription(state, checkout),
  };
  state.data.invoices.push(invoice);
  checkout.invoiceId = invoice.id;
  return invoice;
}

/** Saves the card as the organization's default method when it has none yet. */
function rememberCard(state: PortalState, orgId: string, card: CardInput): void {
  if (state.data.paymentMethods.some((method) => method.orgId === orgId)) return;
  state.data.paymentMethods.push(cardMethod(state, orgId, card, true));
}

export function cardMethod(
  state: PortalState,
  orgId: string,
  card: CardInput,
  isDefault: boolean,
): PaymentMethodRecord {
  return {
    id: newId(),
    orgId,
    type: 'card',
    brand: card.brand,
    last4: card.last4,
    expMonth: card.expMonth,
    expYear: card.expYear,
    isDefault,
    createdAt: state.now(),
  };
}

/**
 * The Pay button: the invoice is issued (open) and a payment recorded. A declined card leaves a failed
 * payment and the checkout open; otherwise the payment is pending until `settleDueCheckouts` runs
 * after the checkout delay.
 */
export function payCheckout(state: PortalState, checkout: CheckoutRecord, card: CardInput): 'paid' | 'declined' {
  const invoice = invoiceFor(state, checkout);
  const payment = {
    id: newId(),
    orgId: checkout.orgId,
    date: state.now(),
    amount: checkout.amount,
    currency: checkout.currency,
    status: card.declined ? ('failed' as const) : ('pending' as const),
    invoiceId: invoice.id,
    description: methodDescription({ type: 'card', brand: card.brand, last4: card.last4 }),
  };
  state.data.payments.push(payment);
  if (card.declined) return 'declined';
  rememberCard(state, checkout.orgId, card);
  checkout.paymentId = payment.id;
  checkout.paidAt = Date.now();
  return 'paid';
}

/** One year after `from`, on the same calendar date and time (UTC), to the second. */
function oneYearAfter(from: number): number {
  const date = new Date(Math.floor(from / 1000) * 1000);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.getTime();
}

/**
 * Completes every paid checkout whose delay has passed: the payment succeeds, the invoice is paid, and
 * the license gets a new key — an order one year from now, a renewal one year after the later of now
 * and the current expiry (and the fingerprint of the key it replaces).
 */
export function settleDueCheckouts(state: PortalState): void {
  const realNow = Date.now();
  for (const checkout of state.data.checkouts) {
    if (checkout.completed || checkout.paidAt === null || realNow < checkout.paidAt + state.settings.checkoutDelayMs)
      continue;
    const license = licenseOf(state, checkout);
    const now = state.now();
    const from = checkout.kind === 'renewal' && license.expiresAt !== null ? Math.max(now, license.expiresAt) : now;
    const expiresAt = oneYearAfter(from);
    // A renewal remembers the key it replaces: an installation still running it is the one to replace.
    if (checkout.kind === 'renewal' && license.key !== null)
      license.previousKeyFingerprint = keyFingerprint(license.key);
    license.key = state.signer.sign({
      installId: license.installId,
      name: license.keyName,
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
      expiresAt,
    });
    license.expiresAt = expiresAt;
    for (const invoice of state.data.invoices) if (invoice.id === checkout.invoiceId) invoice.status = 'paid';
    for (const payment of state.data.payments) if (payment.id === checkout.paymentId) payment.status = 'succeeded';
    checkout.completed = true;
  }
}
