import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { json } from '../../cli/run-aklm';
import { DECLINED_CARD, SEED } from '../../sim/portal';
import { freshPortalSimPerTest, pressPay, type ApiCall } from './portal-sim-fixtures';
import { expectKeyAcceptedForAYear, verifyWithCli, type LicenseWithKey, type Verdict } from './verify-with-cli';

const { users: U, organizations: O, licenses: L, plans: P } = SEED;
const acme = `/api/v1/organizations/${O.acme.id}`;
const INSTALL_ID = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';
const DAY_S = 24 * 3600;

async function license(call: ApiCall, token: string, id: string): Promise<LicenseWithKey> {
  return (await call('GET', `${acme}/licenses/${id}`, { token })).body as LicenseWithKey;
}

async function order(call: ApiCall, token: string): Promise<{ checkout_url: string; license_id: string }> {
  const answer = await call('POST', `${acme}/checkout`, {
    token,
    body: { plan: P.yearlyEur.id, name: 'Acme QA', install_id: INSTALL_ID, internal_users: 40, external_users: 250 },
  });
  expect(answer.status).toBe(201);
  return answer.body as { checkout_url: string; license_id: string };
}

describe('checkout: the Pay form, the delay, then a key the CLI accepts', () => {
  const kit = freshPortalSimPerTest({ checkoutDelayMs: 300 });

  it('issues a key for the Install ID and users, valid for a year, after the delay', async () => {
    const token = await kit.token(U.alice.email);
    const { checkout_url: checkoutUrl, license_id: licenseId } = await order(kit.call, token);
    const page = await (await fetch(checkoutUrl)).text();
    expect(page).toContain(INSTALL_ID);
    expect(page).toContain('<button type="submit">Pay</button>');
    expect(page).toContain('2,050.00 EUR');

    const paidAt = Date.now();
    expect(await pressPay(checkoutUrl)).toBe(303);
    let current = await license(kit.call, token, licenseId);
    while (current.status === 'pending_payment') {
      await sleep(50);
      current = await license(kit.call, token, licenseId);
    }
    expect(current.status).toBe('active');
    expect(current.key).toEqual(expect.any(String));

    await expectKeyAcceptedForAYear(
      kit.sim,
      current,
      { installId: INSTALL_ID, name: 'Acme QA', internal_users: 40, external_users: 250 },
      paidAt,
    );
    expect(await (await fetch(checkoutUrl)).text()).toContain('Payment complete');
  });

  it('the key is for that installation only: the CLI refuses it for another Install ID', async () => {
    const token = await kit.token(U.alice.email);
    const run = await verifyWithCli(
      kit.sim,
      (await license(kit.call, token, L.acmeProduction.id)).key ?? '',
      INSTALL_ID,
    );
    expect(run.code).toBe(1);
    expect(json<Verdict>(run).reason).toBe('install_id_mismatch');
  });

  it('renewing extends from the current expiry when it is ahead, with a new key, and remembers the key it replaced', async () => {
    const token = await kit.token(U.alice.email);
    const before = await license(kit.call, token, L.acmeProduction.id);
    const renewal = await kit.call('POST', `${acme}/licenses/${L.acmeProduction.id}/renew`, { token });
    expect(await pressPay((renewal.body as { checkout_url: string }).checkout_url)).toBe(303);
    expect((await license(kit.call, token, L.acmeProduction.id)).key).toBe(before.key);
    let after = await license(kit.call, token, L.acmeProduction.id);
    while (after.key === before.key) {
      await sleep(50);
      after = await license(kit.call, token, L.acmeProduction.id);
    }
    const oldExpiry = new Date(before.expires_at ?? '');
    const expected = new Date(oldExpiry);
    expected.setUTCFullYear(oldExpiry.getUTCFullYear() + 1);
    expect(after.expires_at).toBe(expected.toISOString().replace('.000Z', 'Z'));
    expect(before.previous_key_fingerprint).toBeNull();
    expect(after.previous_key_fingerprint).toBe(before.key_fingerprint);
    expect(after.key_fingerprint).not.toBe(before.key_fingerprint);
    const run = await verifyWithCli(kit.sim, after.key ?? '', L.acmeProduction.installId);
    expect(run.code).toBe(0);
    expect(json<Verdict>(run).claims.exp * 1000).toBe(expected.getTime());
  });
});

describe('checkout payments', () => {
  const kit = freshPortalSimPerTest({ checkoutDelayMs: 60_000 });

  it('stays pending_payment during the delay after Pay, with the payment pending and the invoice open', async () => {
    const token = await kit.token(U.alice.email);
    const { checkout_url: checkoutUrl, license_id: licenseId } = await order(kit.call, token);
    expect(await pressPay(checkoutUrl)).toBe(303);
    expect(await license(kit.call, token, licenseId)).toMatchObject({ status: 'pending_payment', key: null });
    expect(await (await fetch(checkoutUrl)).text()).toContain("once we've validated your payment");
    const [payment] = (await kit.call('GET', `${acme}/billing/payments`, { token })).body as {
      status: string;
      amount: number;
      description: string;
    }[];
    expect(payment).toMatchObject({
      status: 'pending',
      amount: 40 * 5000 + 250 * 20,
      description: 'Visa ending in 4242',
    });
    const [invoice] = (await kit.call('GET', `${acme}/billing/invoices`, { token })).body as { status: string }[];
    expect(invoice).toMatchObject({ status: 'open' });
  });

  it('a declined card charges nothing, records a failed payment, and the checkout can be paid with another card', async () => {
    const token = await kit.token(U.alice.email);
    const { checkout_url: checkoutUrl } = await order(kit.call, token);
    expect(await pressPay(checkoutUrl, DECLINED_CARD)).toBe(402);
    const payments = (await kit.call('GET', `${acme}/billing/payments`, { token })).body as { status: string }[];
    expect(payments[0]).toMatchObject({ status: 'failed' });
    expect(await pressPay(checkoutUrl)).toBe(303);
    expect(await pressPay(checkoutUrl)).toBe(409);
    const after = (await kit.call('GET', `${acme}/billing/payments`, { token })).body as { status: string }[];
    expect(after.length).toBe(payments.length + 1);
  });

  it('an unknown checkout page is 404', async () => {
    expect((await fetch(`${kit.sim.url}/checkout/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe('renewing an expired license', () => {
  const kit = freshPortalSimPerTest({ checkoutDelayMs: 0 });

  it('runs one year from now, not from the past expiry', async () => {
    const token = await kit.token(U.alice.email);
    expect((await license(kit.call, token, L.acmeLegacy.id)).status).toBe('expired');
    const renewal = await kit.call('POST', `${acme}/licenses/${L.acmeLegacy.id}/renew`, { token });
    const paidAt = Date.now();
    expect(await pressPay((renewal.body as { checkout_url: string }).checkout_url)).toBe(303);
    const after = await license(kit.call, token, L.acmeLegacy.id);
    expect(after.status).toBe('active');
    const daysAhead = (Date.parse(after.expires_at ?? '') - paidAt) / 1000 / DAY_S;
    expect(daysAhead).toBeGreaterThan(364.9);
    expect(daysAhead).toBeLessThan(366.1);
  });
});
