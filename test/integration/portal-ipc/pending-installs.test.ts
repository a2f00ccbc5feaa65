import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { SEED, type PortalSim } from '../../sim/portal';
import { pressPay, signIn as signInOnWebsite } from '../portal-sim/portal-sim-fixtures';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB, dave: DAVE } = SEED.users;
const { acme: ACME, initech: INITECH } = SEED.organizations;
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/** A saved instance behind an authentik simulator that has one older key installed (expiring in 20 days). */
async function savedInstance(app: PortalApp, name = 'Production') {
  const installId = randomUUID();
  const sim = await fx.authentik({ installId, users: { internal: 10, external: 0, internalJoinedLast30Days: 0 } });
  const oldKey = mintKey({ signer: fx.pki.signerP384, intermediate: fx.pki.intermediate, claims: licenseClaims(installId, Math.floor((Date.now() + 20 * DAY_MS) / 1000), { name: 'Production 2025', internal_users: 20, external_users: 0 }) });
  sim.addLicense(oldKey);
  sim.refreshCachedSummary();
  const { instance } = await app.ok('instances:add', { name, url: sim.url, token: 'sim-admin-token', customer: null, tags: [], caPem: null });
  return { sim, installId, instance };
}

/** The Owner (the active account) orders a license for the instance's Install ID and pays on the checkout page the browser opened. */
async function buyFor(app: PortalApp, installId: string, org: string = ACME.id): Promise<{ licenseId: string; checkoutUrl: string }> {
  const plan = (await app.ok('portal:list-plans', {})).plans.find((candidate) => candidate.currency === 'EUR' && candidate.billing_period === 'year');
  if (plan === undefined) throw new Error('the simulator sells a yearly EUR plan');
  const order = await app.ok('portal:checkout', { org, order: { plan: plan.id, name: 'Production 2026', install_id: installId, internal_users: 20, external_users: 1 } });
  expect(app.browser.opened.at(-1)).toBe(order.checkoutUrl);
  expect(await pressPay(order.checkoutUrl)).toBe(303);
  return order;
}

/** A portal (paying completes at once unless told), the app signed in as Alice (an Owner of Acme) and a saved instance. */
async function aliceWithInstance(checkoutDelayMs = 0) {
  const portal = await fx.portal({ checkoutDelayMs });
  const app = await fx.app(portal.url);
  await app.signIn(ALICE.email);
  return { portal, app, ...(await savedInstance(app)) };
}

/** Alice buys a license for the instance and installs it as new; `bought` is that license as the portal lists it. */
async function boughtAndInstalled(app: PortalApp, installId: string, instanceId: string) {
  const { licenseId } = await buyFor(app, installId);
  await app.ok('portal:install-license', { org: ACME.id, id: licenseId, instanceId, allowOverCapacity: false, replaces: null });
  return { licenseId, bought: (await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license };
}

/** `email` renews the license at the portal outside the app (as its website does) and pays on the checkout page: the app takes no part. */
async function renewOnWebsite(portal: PortalSim, email: string, licenseId: string): Promise<void> {
  const { accessToken } = await signInOnWebsite(portal, email);
  const renewal = await fetch(`${portal.url}/api/v1/organizations/${ACME.id}/licenses/${licenseId}/renew`, { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
  expect(renewal.status).toBe(201);
  expect(await pressPay(((await renewal.json()) as { checkout_url: string }).checkout_url)).toBe(303);
}

describe('renewed but not installed, from list data only, and "Install into <instance>"', () => {
  it('links the paid license to the saved instance, lists it as pending until it is installed, then not', async () => {
    const { portal, app, sim, installId, instance } = await aliceWithInstance();

    const { licenseId } = await buyFor(app, installId);
    const { license } = await app.ok('portal:get-license', { org: ACME.id, id: licenseId });
    expect(license).toMatchObject({ id: licenseId, status: 'active', install_id: installId, instances: [{ instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: true, lastReadProblem: null }] });
    expect(Date.parse(license.expires_at ?? '')).toBeGreaterThan(Date.now() + YEAR_MS - 2 * DAY_MS);

    const { pending } = await app.ok('portal:list-pending-installs', {});
    expect(pending).toEqual([
      { instanceId: instance.id, accountId: `${ALICE.id}@${new URL(portal.url).host}`, accountEmail: ALICE.email, org: ACME.id, organizationName: 'Acme Corp', license: expect.objectContaining({ id: licenseId }) },
    ]);
    const listed = (await app.ok('portal:list-licenses', { org: ACME.id })).licenses;
    expect(listed.filter((entry) => entry.instances.length > 0).map(({ id, instances }) => [id, instances.map((link) => link.renewedNotInstalled)])).toEqual([[licenseId, [true]]]);

    const preflight = await app.ok('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id });
    expect(preflight).toMatchObject({ action: 'send', reason: null, verdict: { valid: true, reason: 'ok' }, capacityNow: { internalUsers: 20 }, capacityAfter: { internalUsers: 40 } });
    const posts = () => sim.requests.filter((request) => request.method === 'POST').length;
    expect(posts()).toBe(0);

    const installed = await app.ok('portal:install-license', { org: ACME.id, id: licenseId, instanceId: instance.id, allowOverCapacity: false, replaces: null });
    expect(installed).toMatchObject({ installed: true, reason: 'ok', instance: { id: instance.id } });
    expect(posts()).toBe(1);
    const key = portal.state.data.licenses.find((entry) => entry.id === licenseId)?.key ?? '';
    expect(sim.installed().map((entry) => keyFingerprint(entry.key))).toContain(license.key_fingerprint);
    expect(JSON.stringify([preflight, installed])).not.toContain(key);
    expect(app.events).toEqual(expect.arrayContaining(['instances:did-change', 'portal:did-change']));

    expect(await app.ok('portal:list-pending-installs', {})).toEqual({ pending: [], uncompared: [], accountProblems: [] });
    expect((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.instances).toEqual([{ instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: false, lastReadProblem: null }]);
  });

  it('renews through the browser checkout: the new key is pending again until it replaces the old one', async () => {
    const { app, sim, installId, instance } = await aliceWithInstance();
    const { licenseId, bought } = await boughtAndInstalled(app, installId, instance.id);

    const { checkoutUrl } = await app.ok('portal:renew-license', { org: ACME.id, id: licenseId });
    expect(app.browser.opened.at(-1)).toBe(checkoutUrl);
    expect(await pressPay(checkoutUrl)).toBe(303);
    const renewed = (await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license;
    expect(renewed.key_fingerprint).not.toBe(bought.key_fingerprint);
    expect(Date.parse(renewed.expires_at ?? '')).toBeGreaterThan(Date.parse(bought.expires_at ?? ''));
    expect(renewed.instances).toEqual([{ instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: true, lastReadProblem: null }]);

    // The renewal replaces the installed key it renews (one PATCH), so its seats are not counted twice: main finds it by the previous key's fingerprint.
    expect(renewed.previous_key_fingerprint).toBe(bought.key_fingerprint);
    const installedBefore = (await app.ok('instances:detail', { id: instance.id, refresh: false })).licenses.find((entry) => entry.fingerprint === bought.key_fingerprint);
    const preflight = await app.ok('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id });
    expect(preflight).toMatchObject({ action: 'send', replaces: { licenseUuid: installedBefore?.licenseUuid, name: 'Production 2026' }, capacityNow: { internalUsers: 40 }, capacityAfter: { internalUsers: 40 } });
    const replaces = preflight.replaces?.licenseUuid ?? null;
    expect(await app.ok('portal:install-license', { org: ACME.id, id: licenseId, instanceId: instance.id, allowOverCapacity: false, replaces })).toMatchObject({ installed: true });
    const fingerprints = sim.installed().map((entry) => keyFingerprint(entry.key));
    // The older 2025 key, and the renewal in place of the key it renews.
    expect(fingerprints).toHaveLength(2);
    expect(fingerprints).toContain(renewed.key_fingerprint);
    expect(fingerprints).not.toContain(bought.key_fingerprint);
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({ pending: [], uncompared: [], accountProblems: [] });
  });

  it('a renewal paid on the portal\'s website replaces the key it renews when installed with one click: the instance keeps as many licenses, the old key is gone', async () => {
    const { portal, app, sim, installId, instance } = await aliceWithInstance();
    const { licenseId, bought } = await boughtAndInstalled(app, installId, instance.id);
    const installedBefore = (await app.ok('instances:detail', { id: instance.id, refresh: true })).licenses;
    expect(installedBefore.map((entry) => entry.name).sort()).toEqual(['Production 2025', 'Production 2026']);

    // Renewed and paid on the portal's own pages, in the browser: the app took no part and remembers nothing of it.
    await renewOnWebsite(portal, ALICE.email, licenseId);
    const { pending } = await app.ok('portal:list-pending-installs', {});
    const [pairing] = pending;
    expect(pending).toHaveLength(1);
    expect(pairing?.license).toMatchObject({ id: licenseId, previous_key_fingerprint: bought.key_fingerprint });

    // The one-click install of that pairing (the dashboard, the instance page, the licenses row and Details all send this).
    const preflight = await app.ok('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id, accountId: pairing?.accountId ?? null });
    const renewedUuid = installedBefore.find((entry) => entry.fingerprint === bought.key_fingerprint)?.licenseUuid;
    expect(preflight).toMatchObject({
      action: 'send',
      replaces: { licenseUuid: renewedUuid, name: 'Production 2026' },
      message: expect.stringContaining('would replace the key of "Production 2026"'),
      capacityNow: { internalUsers: 40 },
      capacityAfter: { internalUsers: 40 },
    });
    const writes = () => sim.requests.filter((request) => request.method === 'POST' || request.method === 'PATCH').map((request) => request.method);
    const writesBefore = writes().length;
    const installed = await app.ok('portal:install-license', { org: ACME.id, id: licenseId, instanceId: instance.id, allowOverCapacity: false, replaces: preflight.replaces?.licenseUuid ?? null, accountId: pairing?.accountId ?? null });
    expect(installed).toMatchObject({ installed: true, message: expect.stringContaining('Replaced the key of "Production 2026"') });
    // One PATCH of the renewed license, no POST beside it.
    expect(writes().slice(writesBefore)).toEqual(['PATCH']);
    const fingerprints = sim.installed().map((entry) => keyFingerprint(entry.key));
    expect(fingerprints).toHaveLength(installedBefore.length);
    expect(fingerprints).not.toContain(bought.key_fingerprint);
    expect(fingerprints).toContain((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.key_fingerprint);
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({ pending: [], uncompared: [], accountProblems: [] });
  });

  it('installs a renewal as a new license when the instance does not run the key it renews', async () => {
    const { portal, app, sim, installId, instance } = await aliceWithInstance();
    const { licenseId } = await buyFor(app, installId);
    // Renewed on the website before its first key was ever installed: nothing on the instance is the key it renews.
    await renewOnWebsite(portal, ALICE.email, licenseId);
    expect((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.previous_key_fingerprint).not.toBeNull();

    const preflight = await app.ok('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id });
    expect(preflight).toMatchObject({ action: 'send', replaces: null, capacityNow: { internalUsers: 20 }, capacityAfter: { internalUsers: 40 } });
    await app.ok('portal:install-license', { org: ACME.id, id: licenseId, instanceId: instance.id, allowOverCapacity: false, replaces: null });
    expect(sim.installed()).toHaveLength(2);
  });

  it('refuses a Member who orders or renews, in the portal\'s words, and opens nothing', async () => {
    const portal = await fx.portal();
    const app = await fx.app(portal.url);
    await app.signIn(SEED.users.bob.email);
    const plan = SEED.plans.yearlyEur.id;
    const order = { plan, name: 'Not mine', install_id: randomUUID(), internal_users: 1, external_users: 1 };
    expect(await app.failure('portal:checkout', { org: ACME.id, order })).toEqual({ code: 'forbidden', message: 'Only an Owner of Acme Corp can order licenses. Ask an Owner to do it, or to make you an Owner.' });
    expect(await app.failure('portal:renew-license', { org: ACME.id, id: SEED.licenses.acmeProduction.id })).toMatchObject({ code: 'forbidden' });
    expect(app.browser.opened.filter((url) => url.includes('/checkout/'))).toEqual([]);
  });

  it('reads a saved instance not yet read this session before judging it', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const first = await fx.app(portal.url);
    await first.signIn(ALICE.email);
    const { sim, installId, instance } = await savedInstance(first);
    const { licenseId } = await buyFor(first, installId);

    // The app starts again: same data folder and keychain, nothing read yet.
    const again = await fx.app(portal.url, first.dataDir);
    const reads = sim.requests.length;
    const { pending } = await again.ok('portal:list-pending-installs', {});
    expect(pending.map((entry) => [entry.instanceId, entry.license.id])).toEqual([[instance.id, licenseId]]);
    expect(sim.requests.length).toBeGreaterThan(reads);
    expect(again.events).toContain('instances:did-change');
  });

  it('says a paid license could not be compared with an instance whose last read failed, instead of keeping quiet', async () => {
    const { app, sim, installId, instance } = await aliceWithInstance();
    const { licenseId } = await buyFor(app, installId);

    // The instance starts refusing the token: its next read fails, so what it has installed is unknown.
    sim.fault({ kind: 'status', status: 401, times: 50 });
    const [row] = (await app.ok('instances:refresh', { ids: [instance.id] })).instances;
    expect(row?.lastRefresh).toMatchObject({ ok: false });
    const problem = row?.lastRefresh?.error?.message ?? '';
    expect(problem).not.toBe('');

    const { license } = await app.ok('portal:get-license', { org: ACME.id, id: licenseId });
    expect(license.instances).toEqual([{ instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: false, lastReadProblem: problem }]);
    const { pending, uncompared } = await app.ok('portal:list-pending-installs', {});
    expect(pending).toEqual([]);
    expect(uncompared).toEqual([expect.objectContaining({ instanceId: instance.id, org: ACME.id, license: expect.objectContaining({ id: licenseId }), lastReadProblem: problem })]);
  });

  it('does not list a pending payment, nor a license for another installation', async () => {
    const { app, installId, instance } = await aliceWithInstance(60_000);
    const { licenseId } = await buyFor(app, installId);

    expect((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license).toMatchObject({ status: 'pending_payment', instances: [{ instanceId: instance.id, renewedNotInstalled: false }] });
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({ pending: [], uncompared: [], accountProblems: [] });
    expect(await app.failure('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id })).toMatchObject({ code: 'not_found' });
  });
});

describe('renewed but not installed across every signed-in account', () => {
  const accountOf = (portalUrl: string, user: { id: string }) => `${user.id}@${new URL(portalUrl).host}`;
  const activeAccount = async (app: PortalApp) => (await app.ok('portal:list-accounts', {})).accounts.find((account) => account.active)?.email;

  it('lists the pairings of every account, each license once, and installs each as the account it came from without switching', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const app = await fx.app(portal.url);
    // Dave buys for the lab instance in Initech; Alice for production in Acme; then Bob (a Member of Acme) signs in too.
    await app.signIn(DAVE.email);
    const lab = await savedInstance(app, 'Lab');
    const { licenseId: labLicense } = await buyFor(app, lab.installId, INITECH.id);
    await app.signIn(ALICE.email);
    const production = await savedInstance(app, 'Production');
    const { licenseId: productionLicense } = await buyFor(app, production.installId);
    await app.signIn(BOB.email);
    expect(await activeAccount(app)).toBe(BOB.email);

    const { pending, accountProblems } = await app.ok('portal:list-pending-installs', {});
    expect(accountProblems).toEqual([]);
    // Acme's license is seen by Alice and by Bob: listed once, as the active account (Bob) sees it.
    expect(pending.map((entry) => [entry.license.id, entry.instanceId, entry.accountEmail, entry.organizationName]).sort()).toEqual(
      [
        [labLicense, lab.instance.id, DAVE.email, 'Initech'],
        [productionLicense, production.instance.id, BOB.email, 'Acme Corp'],
      ].sort(),
    );
    expect(pending.find((entry) => entry.license.id === labLicense)?.accountId).toBe(accountOf(portal.url, DAVE));
    // Reading every account made none of them the active one.
    expect(await activeAccount(app)).toBe(BOB.email);

    // Bob is in no organization of the lab license: its one-click install fetches the key as Dave.
    const preflight = await app.ok('portal:preflight-license-install', { org: INITECH.id, id: labLicense, instanceId: lab.instance.id, accountId: accountOf(portal.url, DAVE) });
    expect(preflight).toMatchObject({ action: 'send', verdict: { valid: true } });
    expect(await app.failure('portal:preflight-license-install', { org: INITECH.id, id: labLicense, instanceId: lab.instance.id, accountId: null })).toMatchObject({ code: 'not_found' });
    const installed = await app.ok('portal:install-license', { org: INITECH.id, id: labLicense, instanceId: lab.instance.id, allowOverCapacity: false, replaces: null, accountId: accountOf(portal.url, DAVE) });
    expect(installed).toMatchObject({ installed: true, instance: { id: lab.instance.id } });
    expect(lab.sim.installed()).toHaveLength(2);
    expect(await activeAccount(app)).toBe(BOB.email);
    expect((await app.ok('portal:list-pending-installs', {})).pending.map((entry) => entry.license.id)).toEqual([productionLicense]);
  });

  it('reports an account whose sign-in has ended, and still lists the pairings of the others', async () => {
    const portal = await fx.portal({ checkoutDelayMs: 0 });
    const app = await fx.app(portal.url);
    await app.signIn(DAVE.email);
    const lab = await savedInstance(app, 'Lab');
    await buyFor(app, lab.installId, INITECH.id);
    // Dave's sign-in ends at the portal: his access and refresh tokens no longer work.
    portal.expireTokens(['AccessToken', 'RefreshToken']);
    await app.signIn(ALICE.email);
    const production = await savedInstance(app, 'Production');
    const { licenseId } = await buyFor(app, production.installId);

    const { pending, accountProblems } = await app.ok('portal:list-pending-installs', {});
    expect(pending.map((entry) => [entry.license.id, entry.accountEmail])).toEqual([[licenseId, ALICE.email]]);
    expect(accountProblems).toEqual([
      {
        accountId: accountOf(portal.url, DAVE),
        email: DAVE.email,
        portalUrl: portal.url,
        signInAgain: true,
        message: `Your sign-in to the portal at ${new URL(portal.url).host} as ${DAVE.email} has ended; sign in again.`,
      },
    ]);
  });
});
