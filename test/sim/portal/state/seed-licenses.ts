import { DAY_MS } from '../../../../shared/time/durations';
import type { LicenseSigner } from '../commerce/license-signer';
import { periodAmount } from '../commerce/pricing';
import { seedId } from './ids';
import type { CheckoutRecord, LicenseRecord, PlanRecord } from './records';
import { SEED } from './seed-catalog';

// The seeded commerce: the plans on sale, the licenses (active, expiring soon, expired, pending payment)
// and the order the pending one waits on.

const { organizations: O, plans: P, licenses: L } = SEED;

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
  const terms = {
    installId: seed.entry.installId,
    name: seed.entry.nickname,
    internalUsers: seed.internalUsers,
    externalUsers: seed.externalUsers,
  };
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

/** The licenses of Acme and Globex, signed by `signer`, their expiries relative to `now`. */
export function seedLicenses(now: number, signer: LicenseSigner): LicenseRecord[] {
  return [
    license(
      {
        entry: L.acmeLegacy,
        orgId: O.acme.id,
        planId: P.yearlyEur.id,
        internalUsers: 50,
        externalUsers: 0,
        createdDaysAgo: 395,
        expiresInDays: -30,
      },
      now,
      signer,
    ),
    license(
      {
        entry: L.acmeEdge,
        orgId: O.acme.id,
        planId: P.yearlyEur.id,
        internalUsers: 25,
        externalUsers: 0,
        createdDaysAgo: 355,
        expiresInDays: 10,
      },
      now,
      signer,
    ),
    license(
      {
        entry: L.acmeProduction,
        orgId: O.acme.id,
        planId: P.yearlyEur.id,
        internalUsers: 100,
        externalUsers: 1000,
        createdDaysAgo: 165,
        expiresInDays: 200,
      },
      now,
      signer,
    ),
    license(
      {
        entry: L.acmeStaging,
        orgId: O.acme.id,
        planId: P.monthlyEur.id,
        internalUsers: 10,
        externalUsers: 0,
        createdDaysAgo: 1,
        expiresInDays: null,
      },
      now,
      signer,
    ),
    license(
      {
        entry: L.globexMain,
        orgId: O.globex.id,
        planId: P.yearlyUsd.id,
        internalUsers: 200,
        externalUsers: 500,
        createdDaysAgo: 65,
        expiresInDays: 300,
      },
      now,
      signer,
    ),
  ];
}

/** The order Acme's staging license waits on: placed a day before `now`, not paid. */
export function stagingCheckout(day: (days: number) => number, plans: PlanRecord[]): CheckoutRecord {
  const monthlyEur = plans.find((plan) => plan.id === P.monthlyEur.id) as PlanRecord;
  return {
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
  };
}
