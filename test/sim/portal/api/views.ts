import { invoicePayUrl } from '../commerce/invoice-payment';
import { keyFingerprint } from '../key-fingerprint';
import { toIsoUtc } from '../../../../shared/time/iso';
import { INVITATION_VALID_MS } from '../state/invitation-mail';
import type { PortalState } from '../state/portal-state';
import type {
  InvitationRecord,
  InvoiceRecord,
  LicenseRecord,
  MembershipRecord,
  OrganizationRecord,
  PaymentMethodRecord,
  PaymentRecord,
  PlanRecord,
  UserRecord,
} from '../state/records';

/** The API's JSON for each record, exactly the fields of `docs/portal-api-v1.yaml`. */

/** An instant to the second: `2026-05-01T12:00:00Z`. */
function instant(epochMs: number): string {
  return toIsoUtc(Math.floor(epochMs / 1000) * 1000);
}

export function meView(user: UserRecord) {
  return { user_id: user.id, email: user.email, name: user.name };
}

export function organizationView(org: OrganizationRecord, membership: MembershipRecord) {
  return {
    id: org.id,
    name: org.name,
    notification_email: org.notificationEmail,
    role: membership.role,
    created_at: instant(org.createdAt),
  };
}

export function memberView(state: PortalState, membership: MembershipRecord) {
  const user = state.user(membership.userId);
  if (user === undefined) throw new Error(`member ${membership.userId} has no user`);
  return {
    user_id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    joined_at: instant(membership.joinedAt),
  };
}

function inviterView(state: PortalState, userId: string) {
  const user = state.user(userId);
  if (user === undefined) throw new Error(`inviter ${userId} has no user`);
  return { name: user.name, email: user.email };
}

export function invitationExpiresAt(invitation: InvitationRecord): number {
  return invitation.lastSentAt + INVITATION_VALID_MS;
}

export function invitationExpired(state: PortalState, invitation: InvitationRecord): boolean {
  return invitationExpiresAt(invitation) <= state.now();
}

export function invitationView(state: PortalState, invitation: InvitationRecord) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    status: invitationExpired(state, invitation) ? 'expired' : 'pending',
    invited_by: inviterView(state, invitation.invitedBy),
    created_at: instant(invitation.createdAt),
    last_sent_at: instant(invitation.lastSentAt),
    expires_at: instant(invitationExpiresAt(invitation)),
  };
}

export function invitationPreviewView(state: PortalState, invitation: InvitationRecord, org: OrganizationRecord) {
  return {
    organization: { id: org.id, name: org.name },
    invited_by: inviterView(state, invitation.invitedBy),
    email: invitation.email,
    role: invitation.role,
    expires_at: instant(invitationExpiresAt(invitation)),
  };
}

export function planView(plan: PlanRecord) {
  return {
    id: plan.id,
    name: plan.name,
    billing_period: plan.billingPeriod,
    price_per_internal_user: plan.pricePerInternalUser,
    price_per_external_user: plan.pricePerExternalUser,
    currency: plan.currency,
  };
}

export function licenseStatus(state: PortalState, license: LicenseRecord): 'pending_payment' | 'active' | 'expired' {
  if (license.key === null || license.expiresAt === null) return 'pending_payment';
  return license.expiresAt > state.now() ? 'active' : 'expired';
}

/** A license as listed: never the key. */
export function licenseView(state: PortalState, license: LicenseRecord) {
  return {
    id: license.id,
    nickname: license.nickname,
    install_id: license.installId,
    internal_users: license.internalUsers,
    external_users: license.externalUsers,
    expires_at: license.expiresAt === null ? null : instant(license.expiresAt),
    status: licenseStatus(state, license),
    key_fingerprint: license.key === null ? null : keyFingerprint(license.key),
    previous_key_fingerprint: license.previousKeyFingerprint ?? null,
  };
}

export function licenseWithKeyView(state: PortalState, license: LicenseRecord) {
  return { ...licenseView(state, license), key: license.key };
}

export function paymentMethodView(method: PaymentMethodRecord) {
  return {
    id: method.id,
    type: method.type,
    brand: method.brand,
    last4: method.last4,
    exp_month: method.expMonth,
    exp_year: method.expYear,
    is_default: method.isDefault,
    created_at: instant(method.createdAt),
  };
}

/** Where an invoice's PDF is served (`getInvoicePdf`). */
export function invoicePdfUrl(state: PortalState, invoice: InvoiceRecord): string {
  return `${state.settings.origin}/api/v1/organizations/${invoice.orgId}/billing/invoices/${invoice.id}/pdf`;
}

export function invoiceView(state: PortalState, invoice: InvoiceRecord) {
  return {
    id: invoice.id,
    number: invoice.number,
    date: instant(invoice.date).slice(0, 10),
    amount: invoice.amount,
    currency: invoice.currency,
    status: invoice.status,
    pdf_url: invoicePdfUrl(state, invoice),
    pay_url: invoicePayUrl(state, invoice),
  };
}

export function paymentView(payment: PaymentRecord) {
  return {
    id: payment.id,
    date: instant(payment.date),
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    invoice_id: payment.invoiceId,
    description: payment.description,
  };
}
