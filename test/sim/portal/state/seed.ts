import { DAY_MS } from '../../../../shared/time/durations';
import type { LicenseSigner } from '../commerce/license-signer';
import { methodDescription, periodAmount } from '../commerce/pricing';
import { seedId } from './ids';
import { invitationLink, invitationMail } from './invitation-mail';
import { emptyBillingAccount, type InvoiceRecord, type LicenseRecord, type PaymentMethodRecord, type PaymentRecord, type PlanRecord, type PortalData } from './records';
import { SEED } from './seed-catalog';

const { users: U, organizations: O, plans: P, licenses: L, invitations: I } = SEED;

/** The plans on sale, seeded or not: monthly and yearly, in EUR and USD. */
export function catalogPlans(): PlanRecord[] {
  return [
    { ...P.monthlyEur, billingPeriod: 'month', pricePerInternalUser: 500, pricePerExternalUser: 2, currency: 'EUR' },
    { ...P.yearlyEur, billingPeriod: 'year', pricePerInternalUser: 5000, pricePerExternalUser: 20, currency: 'EUR' },
    { ...P.monthlyUsd, billingPeriod: 'month', pricePerInternalUser: 500, pricePerExternalUser: 2, currency: 'USD' },
    { ...P.yearlyUsd, billingPeriod: 'year', pricePerInternalUser: 5000, pricePerExternalUser: 20, currency: 'USD' },
  ];
}

interface LicenseSeed {
  entry: { id: string; installId: string; nickname: string };
  orgId: string;
  planId: string;
  internalUsers: number;
  externalUsers: number;
  createdDaysAgo: number;
  /** Days from now to the key's expiry (negative: expired); null = payment pending, no key. */
  expiresInDays: number | null;
}

function license(seed: LicenseSeed, now: number, signer: LicenseSigner): LicenseRecord {
  const expiresAt = seed.expiresInDays === null ? null : Math.floor((now + seed.expiresInDays * DAY_MS) / 1000) * 1000;
  const terms = { installId: seed.entry.installId, name: seed.entry.nickname, internalUsers: seed.internalUsers, externalUsers: seed.externalUsers };
  return {
    id: seed.entry.id,
    orgId: seed.orgId,
    nickname: seed.entry.nickname,
    keyName: seed.entry.nickname,
    installId: seed.entry.installId,
    internalUsers: seed.internalUsers,
    externalUsers: seed.externalUsers,
    planId: seed.planId,
    createdAt: now - seed.createdDaysAgo * DAY_MS,
    key: expiresAt === null ? null : signer.sign({ ...terms, expiresAt }),
    expiresAt,
    previousKeyFingerprint: null,
  };
}

function paymentMethods(now: number): PaymentMethodRecord[] {
  return [
    { id: seedId('pm:acme-visa'), orgId: O.acme.id, type: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, isDefault: true, createdAt: now - 400 * DAY_MS },
    { id: seedId('pm:acme-sepa'), orgId: O.acme.id, type: 'sepa_debit', brand: null, last4: '3000', expMonth: null, expYear: null, isDefault: false, createdAt: now - 90 * DAY_MS },
    { id: seedId('pm:globex-mc'), orgId: O.globex.id, type: 'card', brand: 'mastercard', last4: '4444', expMonth: 6, expYear: 2029, isDefault: true, createdAt: now - 300 * DAY_MS },
  ];
}

function billingHistory(now: number): { invoices: InvoiceRecord[]; payments: PaymentRecord[] } {
  const visa = methodDescription({ type: 'card', brand: 'visa', last4: '4242' });
  const mastercard = methodDescription({ type: 'card', brand: 'mastercard', last4: '4444' });
  const invoice = (key: string, orgId: string, sequence: number, daysAgo: number, amount: number, currency: string, status: InvoiceRecord['status'], description: string): InvoiceRecord => {
    const date = now - daysAgo * DAY_MS;
    return { id: seedId(`invoice:${key}`), orgId, number: `AK-${new Date(date).getUTCFullYear()}-${String(sequence).padStart(6, '0')}`, date, amount, currency, status, description };
  };
  const invoices = [
    invoice('acme-legacy', O.acme.id, 1, 395, 250_000, 'EUR', 'paid', 'Legacy cluster: 50 internal users, 0 external users, one year'),
    invoice('acme-production', O.acme.id, 2, 165, 520_000, 'EUR', 'paid', 'Production: 100 internal users, 1,000 external users, one year'),
    invoice('acme-edge-void', O.acme.id, 3, 360, 125_000, 'EUR', 'void', 'Edge sites: 25 internal users (cancelled order)'),
    invoice('acme-edge', O.acme.id, 4, 355, 125_000, 'EUR', 'paid', 'Edge sites: 25 internal users, 0 external users, one year'),
    invoice('acme-staging', O.acme.id, 5, 1, 5_000, 'EUR', 'open', 'Staging: 10 internal users, 0 external users, one month'),
    invoice('globex-main', O.globex.id, 6, 65, 1_010_000, 'USD', 'paid', 'Globex SSO: 200 internal users, 500 external users, one year'),
  ];
  const byKey = (key: string): string => seedId(`invoice:${key}`);
  const payment = (key: string, orgId: string, daysAgo: number, amount: number, currency: string, status: PaymentRecord['status'], invoiceKey: string | null, description: string): PaymentRecord => ({
    id: seedId(`payment:${key}`),
    orgId,
    date: now - daysAgo * DAY_MS,
    amount,
    currency,
    status,
    invoiceId: invoiceKey === null ? null : byKey(invoiceKey),
    description,
  });
  const payments = [
    payment('acme-legacy', O.acme.id, 395, 250_000, 'EUR', 'succeeded', 'acme-legacy', visa),
    payment('acme-edge-refund', O.acme.id, 358, 125_000, 'EUR', 'refunded', 'acme-edge-void', visa),
    payment('acme-edge-declined', O.acme.id, 356, 125_000, 'EUR', 'failed', 'acme-edge', visa),
    payment('acme-edge', O.acme.id, 355, 125_000, 'EUR', 'succeeded', 'acme-edge', visa),
    payment('acme-production', O.acme.id, 165, 520_000, 'EUR', 'succeeded', 'acme-production', visa),
    payment('globex-main', O.globex.id, 65, 1_010_000, 'USD', 'succeeded', 'globex-main', mastercard),
  ];
  return { invoices, payments };
}

/**
 * The demo data (see `SEED`), dated relative to `now` so every status holds: licenses active,
 * expiring soon, expired and pending payment; invitations pending and expired.
 */
export function seedPortalData(now: number, signer: LicenseSigner, invitationBase: string): PortalData {
  const day = (days: number): number => now - days * DAY_MS;
  const allPlans = catalogPlans();
  const { invoices, payments } = billingHistory(now);
  const data: PortalData = {
    users: Object.values(U).map((entry) => ({ ...entry })),
    organizations: [
      {
        id: O.acme.id,
        name: O.acme.name,
        notificationEmail: 'it@acme.test',
        createdAt: day(400),
        members: [
          { userId: U.alice.id, role: 'owner', joinedAt: day(400) },
          { userId: U.frank.id, role: 'owner', joinedAt: day(380) },
          { userId: U.bob.id, role: 'member', joinedAt: day(200) },
        ],
        billing: {
          name: 'Acme Corp GmbH',
          address_line1: 'Friedrichstraße 68',
          address_line2: null,
          city: 'Berlin',
          postal_code: '10117',
          region: null,
          country: 'DE',
          phone: '+4930123456',
          tax_id: 'DE123456789',
        },
      },
      {
        id: O.globex.id,
        name: O.globex.name,
        notificationEmail: 'licensing@globex.test',
        createdAt: day(300),
        members: [
          { userId: U.carol.id, role: 'owner', joinedAt: day(300) },
          { userId: U.alice.id, role: 'member', joinedAt: day(120) },
        ],
        billing: {
          name: 'Globex Corporation',
          address_line1: '1 Main Street',
          address_line2: 'Suite 200',
          city: 'Springfield',
          postal_code: '62701',
          region: 'IL',
          country: 'US',
          phone: '+12175550100',
          tax_id: null,
        },
      },
      {
        id: O.initech.id,
        name: O.initech.name,
        notificationEmail: 'dave@initech.test',
        createdAt: day(20),
        members: [{ userId: U.dave.id, role: 'owner', joinedAt: day(20) }],
        billing: emptyBillingAccount(),
      },
    ],
    invitations: [],
    plans: allPlans,
    licenses: [
      license({ entry: L.acmeLegacy, orgId: O.acme.id, planId: P.yearlyEur.id, internalUsers: 50, externalUsers: 0, createdDaysAgo: 395, expiresInDays: -30 }, now, signer),
      license({ entry: L.acmeEdge, orgId: O.acme.id, planId: P.yearlyEur.id, internalUsers: 25, externalUsers: 0, createdDaysAgo: 355, expiresInDays: 10 }, now, signer),
      license({ entry: L.acmeProduction, orgId: O.acme.id, planId: P.yearlyEur.id, internalUsers: 100, externalUsers: 1000, createdDaysAgo: 165, expiresInDays: 200 }, now, signer),
      license({ entry: L.acmeStaging, orgId: O.acme.id, planId: P.monthlyEur.id, internalUsers: 10, externalUsers: 0, createdDaysAgo: 1, expiresInDays: null }, now, signer),
      license({ entry: L.globexMain, orgId: O.globex.id, planId: P.yearlyUsd.id, internalUsers: 200, externalUsers: 500, createdDaysAgo: 65, expiresInDays: 300 }, now, signer),
    ],
    checkouts: [],
    paymentMethods: paymentMethods(now),
    paymentMethodSetups: [],
    invoices,
    payments,
    outbox: [],
    invoiceCounter: invoices.length,
  };
  const monthlyEur = allPlans.find((plan) => plan.id === P.monthlyEur.id) as PlanRecord;
  data.checkouts.push({
    id: SEED.checkouts.acmeStaging.id,
    orgId: O.acme.id,
    licenseId: L.acmeStaging.id,
    kind: 'order',
    amount: periodAmount(monthlyEur, 10, 0),
    currency: 'EUR',
    createdAt: day(1),
    paidAt: null,
    completed: false,
    invoiceId: seedId('invoice:acme-staging'),
    paymentId: null,
  });
  const invitations = [
    { entry: I.acmeGrace, orgId: O.acme.id, orgName: O.acme.name, inviter: U.alice, sentDaysAgo: 2 },
    { entry: I.acmeHeidi, orgId: O.acme.id, orgName: O.acme.name, inviter: U.frank, sentDaysAgo: 10 },
    { entry: I.globexIvan, orgId: O.globex.id, orgName: O.globex.name, inviter: U.carol, sentDaysAgo: 1 },
  ];
  for (const { entry, orgId, orgName, inviter, sentDaysAgo } of invitations) {
    const sentAt = day(sentDaysAgo);
    data.invitations.push({ id: entry.id, orgId, email: entry.email, role: entry.role, token: entry.token, invitedBy: inviter.id, createdAt: sentAt, lastSentAt: sentAt });
    const link = invitationLink(invitationBase, entry.token);
    const mail = invitationMail({ to: entry.email, inviter, organizationName: orgName, role: entry.role, link, sentAt });
    data.outbox.push({ id: seedId(`mail:${entry.id}`), to: entry.email, ...mail, link, sentAt });
  }
  return data;
}
