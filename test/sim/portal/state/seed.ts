import { DAY_MS } from '../../../../shared/time/durations';
import type { LicenseSigner } from '../commerce/license-signer';
import type { PortalData } from './records';
import { seedBillingHistory, seedPaymentMethods } from './seed-billing';
import { SEED } from './seed-catalog';
import { catalogPlans, seedLicenses, stagingCheckout } from './seed-licenses';
import { seedInvitations, seedOrganizations } from './seed-organizations';

const { users: U } = SEED;

/**
 * The demo data (see `SEED`), dated relative to `now` so every status holds: licenses active,
 * expiring soon, expired and pending payment; invitations pending and expired.
 */
export function seedPortalData(now: number, signer: LicenseSigner, invitationBase: string): PortalData {
  const day = (days: number): number => now - days * DAY_MS;
  const allPlans = catalogPlans();
  const { invoices, payments } = seedBillingHistory(now);
  const organizations = seedOrganizations(day);
  const licenses = seedLicenses(now, signer);
  const { invitations, outbox } = seedInvitations(day, invitationBase);
  return {
    users: Object.values(U).map((entry) => ({ ...entry })),
    organizations,
    invitations,
    plans: allPlans,
    licenses,
    checkouts: [stagingCheckout(day, allPlans)],
    paymentMethods: seedPaymentMethods(now),
    paymentMethodSetups: [],
    invoices,
    payments,
    outbox,
    invoiceCounter: invoices.length,
  };
}
