import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { SEED, type PortalSim } from '../../sim/portal';
import { pressPay, signIn as signInOnWebsite } from '../portal-sim/portal-sim-fixtures';
import type { PortalApp, PortalIpcFixtures } from './portal-ipc-fixtures';

// The saved instances, purchases and renewals the pending installs tests start from.

const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

/** Saving an instance over `fx`'s simulators, alone or with Alice signed in at a portal. */
export function instanceHelpers(fx: PortalIpcFixtures) {
  /** A saved instance behind an authentik simulator that has one older key installed (expiring in 20 days). */
  async function savedInstance(app: PortalApp, name = 'Production') {
    const installId = randomUUID();
    const sim = await fx.authentik({ installId, users: { internal: 10, external: 0, internalJoinedLast30Days: 0 } });
    const oldKey = mintKey({
      signer: fx.pki.signerP384,
      intermediate: fx.pki.intermediate,
      claims: licenseClaims(installId, Math.floor((Date.now() + 20 * DAY_MS) / 1000), {
        name: 'Production 2025',
        internal_users: 20,
        external_users: 0,
      }),
    });
    sim.addLicense(oldKey);
    sim.refreshCachedSummary();
    const { instance } = await app.ok('instances:add', {
      name,
      url: sim.url,
      token: 'sim-admin-token',
      customer: null,
      tags: [],
      caPem: null,
    });
    return { sim, installId, instance };
  }

  /** A portal (paying completes at once unless told), the app signed in as Alice (an Owner of Acme) and a saved instance. */
  async function aliceWithInstance(checkoutDelayMs = 0) {
    const portal = await fx.portal({ checkoutDelayMs });
    const app = await fx.app(portal.url);
    await app.signIn(ALICE.email);
    return { portal, app, ...(await savedInstance(app)) };
  }

  return { savedInstance, aliceWithInstance };
}

/** The Owner (the active account) orders a license for the instance's Install ID and pays on the checkout page the browser opened. */
export async function buyFor(
  app: PortalApp,
  installId: string,
  org: string = ACME.id,
): Promise<{ licenseId: string; checkoutUrl: string }> {
  const plan = (await app.ok('portal:list-plans', {})).plans.find(
    (candidate) => candidate.currency === 'EUR' && candidate.billing_period === 'year',
  );
  if (plan === undefined) throw new Error('the simulator sells a yearly EUR plan');
  const order = await app.ok('portal:checkout', {
    org,
    order: { plan: plan.id, name: 'Production 2026', install_id: installId, internal_users: 20, external_users: 1 },
  });
  expect(app.browser.opened.at(-1)).toBe(order.checkoutUrl);
  expect(await pressPay(order.checkoutUrl)).toBe(303);
  return order;
}

/** Alice buys a license for the instance and installs it as new; `bought` is that license as the portal lists it. */
export async function boughtAndInstalled(app: PortalApp, installId: string, instanceId: string) {
  const { licenseId } = await buyFor(app, installId);
  await app.ok('portal:install-license', {
    org: ACME.id,
    id: licenseId,
    instanceId,
    allowOverCapacity: false,
    replaces: null,
  });
  return { licenseId, bought: (await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license };
}

/** `email` renews the license at the portal outside the app (as its website does) and pays on the checkout page: the app takes no part. */
export async function renewOnWebsite(portal: PortalSim, email: string, licenseId: string): Promise<void> {
  const { accessToken } = await signInOnWebsite(portal, email);
  const renewal = await fetch(`${portal.url}/api/v1/organizations/${ACME.id}/licenses/${licenseId}/renew`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect(renewal.status).toBe(201);
  expect(await pressPay(((await renewal.json()) as { checkout_url: string }).checkout_url)).toBe(303);
}
