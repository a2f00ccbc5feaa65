import { describe, expect, it } from 'vitest';
import { parsePemCertificates, trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { SEED, startPortalSim } from '../../sim/portal';
import { freshPortalSimPerTest, signIn } from './portal-sim-fixtures';

const { users: U, organizations: O, licenses: L } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;

describe('seeded demo data', () => {
  const kit = freshPortalSimPerTest();

  it('has licenses in every status, each key genuine for its Install ID and expiring as listed', async () => {
    const token = await kit.token(U.alice.email);
    const licenses = (await kit.call('GET', `${acme}/licenses`, { token })).body as { id: string; status: string }[];
    expect(new Set(licenses.map((license) => license.status))).toEqual(
      new Set(['active', 'expired', 'pending_payment']),
    );
    const roots = trustRootsOf(parsePemCertificates(kit.sim.rootPem));
    for (const entry of [L.acmeProduction, L.acmeEdge, L.acmeLegacy]) {
      const license = (await kit.call('GET', `${acme}/licenses/${entry.id}`, { token })).body as {
        key: string;
        expires_at: string;
        status: string;
      };
      const verdict = verifyKey(license.key, { roots, at: Date.now(), installId: entry.installId });
      expect(verdict.reason).toBe(license.status === 'expired' ? 'expired' : 'ok');
      expect((verdict.claims?.exp ?? 0) * 1000).toBe(Date.parse(license.expires_at));
    }
  });

  it('has users with each role, Alice an Owner of Acme and a Member of Globex, Erin in no organization', async () => {
    const roles = async (email: string) =>
      (
        (await kit.call('GET', '/api/v1/organizations', { token: await kit.token(email) })).body as {
          name: string;
          role: string;
        }[]
      ).map((org) => `${org.name}: ${org.role}`);
    expect(await roles(U.alice.email)).toEqual(['Acme Corp: owner', 'Globex Inc.: member']);
    expect(await roles(U.bob.email)).toEqual(['Acme Corp: member']);
    expect(await roles(U.carol.email)).toEqual(['Globex Inc.: owner']);
    expect(await roles(U.dave.email)).toEqual(['Initech: owner']);
    expect(await roles(U.erin.email)).toEqual([]);
  });

  it('has monthly and yearly plans in EUR and USD, invoices and payments in each status, and billing accounts', async () => {
    const token = await kit.token(U.alice.email);
    const plans = (await kit.call('GET', '/api/v1/plans', { token })).body as {
      billing_period: string;
      currency: string;
    }[];
    expect(new Set(plans.map((plan) => `${plan.billing_period} ${plan.currency}`))).toEqual(
      new Set(['month EUR', 'year EUR', 'month USD', 'year USD']),
    );
    const invoices = (await kit.call('GET', `${acme}/billing/invoices`, { token })).body as {
      status: string;
      number: string;
    }[];
    expect(new Set(invoices.map((invoice) => invoice.status))).toEqual(new Set(['open', 'paid', 'void']));
    const payments = (await kit.call('GET', `${acme}/billing/payments`, { token })).body as { status: string }[];
    expect(new Set(payments.map((payment) => payment.status))).toEqual(new Set(['succeeded', 'failed', 'refunded']));
    const methods = (await kit.call('GET', `${acme}/billing/payment-methods`, { token })).body as {
      type: string;
      is_default: boolean;
    }[];
    expect(methods.map((method) => [method.type, method.is_default])).toEqual([
      ['card', true],
      ['sepa_debit', false],
    ]);
  });

  it('uses the same ids on every start', async () => {
    const again = await startPortalSim();
    try {
      const ids = async (sim: typeof again) => {
        const tokens = await signIn(sim, U.alice.email);
        const licenses = await fetch(`${sim.url}${acme}/licenses`, {
          headers: { Authorization: `Bearer ${tokens.accessToken}` },
        });
        return ((await licenses.json()) as { id: string; install_id: string }[]).map(
          (license) => `${license.id} ${license.install_id}`,
        );
      };
      const first = await ids(kit.sim);
      expect(first).toHaveLength(4);
      expect(await ids(again)).toEqual(first);
    } finally {
      await again.stop();
    }
  });
});

describe('without the demo data', () => {
  const kit = freshPortalSimPerTest({ seed: false, users: [{ email: 'solo@example.test', name: 'Solo User' }] });

  it('has the plans and the given users only; a new user starts with no organization', async () => {
    const token = await kit.token('solo@example.test');
    expect((await kit.call('GET', '/api/v1/me', { token })).body).toMatchObject({
      email: 'solo@example.test',
      name: 'Solo User',
    });
    expect((await kit.call('GET', '/api/v1/organizations', { token })).body).toEqual([]);
    expect(((await kit.call('GET', '/api/v1/plans', { token })).body as unknown[]).length).toBe(4);
    expect(kit.sim.outbox()).toEqual([]);
    const added = kit.sim.addUser({ email: 'late@example.test', name: 'Late Joiner' });
    expect((await kit.call('GET', '/api/v1/me', { token: await kit.token('late@example.test') })).body).toMatchObject({
      user_id: added.id,
    });
  });
});
