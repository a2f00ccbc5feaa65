/**
 * The simulator's data as plain JSON-serialisable records (times in epoch ms). The API's shapes are
 * made from these in `api/views.ts`; the state file holds exactly a `PortalData`.
 */

export type Role = 'owner' | 'member';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
}

export interface MembershipRecord {
  userId: string;
  role: Role;
  joinedAt: number;
}

export interface BillingAccountRecord {
  name: string | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  postal_code: string | null;
  region: string | null;
  country: string | null;
  phone: string | null;
  tax_id: string | null;
}

export interface OrganizationRecord {
  id: string;
  name: string;
  notificationEmail: string;
  createdAt: number;
  /** In the order they joined. */
  members: MembershipRecord[];
  billing: BillingAccountRecord;
}

export interface InvitationRecord {
  id: string;
  orgId: string;
  email: string;
  role: Role;
  token: string;
  /** The Owner who sent it, or last re-sent it. */
  invitedBy: string;
  createdAt: number;
  lastSentAt: number;
}

export interface PlanRecord {
  id: string;
  name: string;
  billingPeriod: 'month' | 'year';
  pricePerInternalUser: number;
  pricePerExternalUser: number;
  currency: string;
}

export interface LicenseRecord {
  id: string;
  orgId: string;
  nickname: string;
  /** The keys' `name` claim: the name given at checkout (renaming changes only the nickname). */
  keyName: string;
  installId: string;
  internalUsers: number;
  externalUsers: number;
  planId: string;
  createdAt: number;
  /** null while the first payment is pending. */
  key: string | null;
  /** The key's `exp` in epoch ms; null while the first payment is pending. */
  expiresAt: number | null;
  /** The fingerprint of the key it held before its latest renewal; null until renewed (absent in state files written before it). */
  previousKeyFingerprint?: string | null;
}

/** One checkout page: a first order or a renewal, and where its payment stands. */
export interface CheckoutRecord {
  id: string;
  orgId: string;
  licenseId: string;
  kind: 'order' | 'renewal';
  amount: number;
  currency: string;
  createdAt: number;
  /** Real time (epoch ms) the Pay button succeeded; null until then. */
  paidAt: number | null;
  /** The key was issued (after the checkout delay). */
  completed: boolean;
  invoiceId: string | null;
  paymentId: string | null;
}

export interface PaymentMethodRecord {
  id: string;
  orgId: string;
  type: 'card' | 'sepa_debit';
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  createdAt: number;
}

export interface PaymentMethodSetupRecord {
  id: string;
  orgId: string;
  createdAt: number;
  /** The method added on the setup page; null while the page is open. */
  paymentMethodId: string | null;
}

export interface InvoiceRecord {
  id: string;
  orgId: string;
  number: string;
  date: number;
  amount: number;
  currency: string;
  status: 'open' | 'paid' | 'void';
  /** The invoice's single line, printed on the PDF. */
  description: string;
}

export interface PaymentRecord {
  id: string;
  orgId: string;
  date: number;
  amount: number;
  currency: string;
  status: 'succeeded' | 'pending' | 'failed' | 'refunded';
  invoiceId: string | null;
  description: string;
}

/** One e-mail the portal sent (only invitations in v1). */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The link in the text. */
  link: string;
  sentAt: number;
}

export interface PortalData {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  invitations: InvitationRecord[];
  plans: PlanRecord[];
  licenses: LicenseRecord[];
  checkouts: CheckoutRecord[];
  paymentMethods: PaymentMethodRecord[];
  paymentMethodSetups: PaymentMethodSetupRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  outbox: OutboxMessage[];
  /** The last invoice sequence number used; numbers read `AK-<year>-<6 digits>`. */
  invoiceCounter: number;
}

export function emptyBillingAccount(): BillingAccountRecord {
  return {
    name: null,
    address_line1: null,
    address_line2: null,
    city: null,
    postal_code: null,
    region: null,
    country: null,
    phone: null,
    tax_id: null,
  };
}

/** No users, organizations or history: the simulator without its demo data. */
export function emptyPortalData(plans: PlanRecord[]): PortalData {
  return {
    users: [],
    organizations: [],
    invitations: [],
    plans,
    licenses: [],
    checkouts: [],
    paymentMethods: [],
    paymentMethodSetups: [],
    invoices: [],
    payments: [],
    outbox: [],
    invoiceCounter: 0,
  };
}
