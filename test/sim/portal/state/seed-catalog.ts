import { seedId, seedToken } from './ids';

function user(key: string, email: string, name: string) {
  return { id: seedId(`user:${key}`), email, name };
}

/**
 * The seeded demo data's fixed names and ids, for tests and the demo. Roles:
 * - Acme Corp: Alice (owner), Frank (owner), Bob (member); billing in Germany, EUR; licenses in every
 *   status; invoices open, paid and void; payments succeeded, failed and refunded; two payment methods.
 * - Globex Inc.: Carol (owner), Alice (member); billing in the US, USD; one active license.
 * - Initech: Dave, its only Owner; nothing else (empty billing account).
 * - Erin belongs to no organization. Every user's password is `DEMO_PASSWORD`.
 */
export const SEED = {
  users: {
    alice: user('alice', 'alice@acme.test', 'Alice Adams'),
    frank: user('frank', 'frank@acme.test', 'Frank Fischer'),
    bob: user('bob', 'bob@acme.test', 'Bob Brown'),
    carol: user('carol', 'carol@globex.test', 'Carol Chen'),
    dave: user('dave', 'dave@initech.test', 'Dave Diaz'),
    erin: user('erin', 'erin@example.test', 'Erin Evans'),
  },
  organizations: {
    acme: { id: seedId('org:acme'), name: 'Acme Corp' },
    globex: { id: seedId('org:globex'), name: 'Globex Inc.' },
    initech: { id: seedId('org:initech'), name: 'Initech' },
  },
  plans: {
    monthlyEur: { id: seedId('plan:monthly-eur'), name: 'Enterprise, billed monthly (EUR)' },
    yearlyEur: { id: seedId('plan:yearly-eur'), name: 'Enterprise, billed yearly (EUR)' },
    monthlyUsd: { id: seedId('plan:monthly-usd'), name: 'Enterprise, billed monthly (USD)' },
    yearlyUsd: { id: seedId('plan:yearly-usd'), name: 'Enterprise, billed yearly (USD)' },
  },
  licenses: {
    /** Active, about 200 days left. */
    acmeProduction: {
      id: seedId('license:acme-production'),
      installId: seedId('install:acme-production'),
      nickname: 'Production',
    },
    /** Active, expiring in 10 days. */
    acmeEdge: { id: seedId('license:acme-edge'), installId: seedId('install:acme-edge'), nickname: 'Edge sites' },
    /** Expired 30 days ago. */
    acmeLegacy: {
      id: seedId('license:acme-legacy'),
      installId: seedId('install:acme-legacy'),
      nickname: 'Legacy cluster',
    },
    /** Ordered, payment pending (an open checkout). */
    acmeStaging: { id: seedId('license:acme-staging'), installId: seedId('install:acme-staging'), nickname: 'Staging' },
    /** Active, about 300 days left. */
    globexMain: { id: seedId('license:globex-main'), installId: seedId('install:globex-main'), nickname: 'Globex SSO' },
  },
  checkouts: {
    acmeStaging: { id: seedId('checkout:acme-staging') },
  },
  invitations: {
    /** Pending, sent 2 days ago by Alice. */
    acmeGrace: {
      id: seedId('invitation:acme-grace'),
      email: 'grace@partner.test',
      role: 'member' as const,
      token: seedToken('acme-grace'),
    },
    /** Expired: sent 10 days ago by Frank. */
    acmeHeidi: {
      id: seedId('invitation:acme-heidi'),
      email: 'heidi@partner.test',
      role: 'owner' as const,
      token: seedToken('acme-heidi'),
    },
    /** Pending, sent 1 day ago by Carol. */
    globexIvan: {
      id: seedId('invitation:globex-ivan'),
      email: 'ivan@globex.test',
      role: 'owner' as const,
      token: seedToken('globex-ivan'),
    },
  },
};
