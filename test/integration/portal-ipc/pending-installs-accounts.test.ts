import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { buyFor, instanceHelpers } from './pending-installs-fixtures';
import { portalIpcFixtures, type PortalApp } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE, bob: BOB, dave: DAVE } = SEED.users;
const { initech: INITECH } = SEED.organizations;
const { savedInstance } = instanceHelpers(fx);

describe('renewed but not installed across every signed-in account', () => {
  const accountOf = (portalUrl: string, user: { id: string }) => `${user.id}@${new URL(portalUrl).host}`;
  const activeAccount = async (app: PortalApp) =>
    (await app.ok('portal:list-accounts', {})).accounts.find((account) => account.active)?.email;

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
    expect(
      pending.map((entry) => [entry.license.id, entry.instanceId, entry.accountEmail, entry.organizationName]).sort(),
    ).toEqual(
      [
        [labLicense, lab.instance.id, DAVE.email, 'Initech'],
        [productionLicense, production.instance.id, BOB.email, 'Acme Corp'],
      ].sort(),
    );
    expect(pending.find((entry) => entry.license.id === labLicense)?.accountId).toBe(accountOf(portal.url, DAVE));
    // Reading every account made none of them the active one.
    expect(await activeAccount(app)).toBe(BOB.email);

    // Bob is in no organization of the lab license: its one-click install fetches the key as Dave.
    const preflight = await app.ok('portal:preflight-license-install', {
      org: INITECH.id,
      id: labLicense,
      instanceId: lab.instance.id,
      accountId: accountOf(portal.url, DAVE),
    });
    expect(preflight).toMatchObject({ action: 'send', verdict: { valid: true } });
    expect(
      await app.failure('portal:preflight-license-install', {
        org: INITECH.id,
        id: labLicense,
        instanceId: lab.instance.id,
        accountId: null,
      }),
    ).toMatchObject({ code: 'not_found' });
    const installed = await app.ok('portal:install-license', {
      org: INITECH.id,
      id: labLicense,
      instanceId: lab.instance.id,
      allowOverCapacity: false,
      replaces: null,
      accountId: accountOf(portal.url, DAVE),
    });
    expect(installed).toMatchObject({ installed: true, instance: { id: lab.instance.id } });
    expect(lab.sim.installed()).toHaveLength(2);
    expect(await activeAccount(app)).toBe(BOB.email);
    expect((await app.ok('portal:list-pending-installs', {})).pending.map((entry) => entry.license.id)).toEqual([
      productionLicense,
    ]);
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
