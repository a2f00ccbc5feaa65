import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../sim/portal';
import { buyFor, instanceHelpers } from './pending-installs-fixtures';
import { portalIpcFixtures } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const { aliceWithInstance, savedInstance } = instanceHelpers(fx);

describe('renewed but not installed, from list data only, and "Install into <instance>"', () => {
  it("refuses a Member who orders or renews, in the portal's words, and opens nothing", async () => {
    const portal = await fx.portal();
    const app = await fx.app(portal.url);
    await app.signIn(SEED.users.bob.email);
    const plan = SEED.plans.yearlyEur.id;
    const order = { plan, name: 'Not mine', install_id: randomUUID(), internal_users: 1, external_users: 1 };
    expect(await app.failure('portal:checkout', { org: ACME.id, order })).toEqual({
      code: 'forbidden',
      message: 'Only an Owner of Acme Corp can order licenses. Ask an Owner to do it, or to make you an Owner.',
    });
    expect(
      await app.failure('portal:renew-license', { org: ACME.id, id: SEED.licenses.acmeProduction.id }),
    ).toMatchObject({ code: 'forbidden' });
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
    expect(license.instances).toEqual([
      { instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: false, lastReadProblem: problem },
    ]);
    const { pending, uncompared } = await app.ok('portal:list-pending-installs', {});
    expect(pending).toEqual([]);
    expect(uncompared).toEqual([
      expect.objectContaining({
        instanceId: instance.id,
        org: ACME.id,
        license: expect.objectContaining({ id: licenseId }),
        lastReadProblem: problem,
      }),
    ]);
  });

  it('does not list a pending payment, nor a license for another installation', async () => {
    const { app, installId, instance } = await aliceWithInstance(60_000);
    const { licenseId } = await buyFor(app, installId);

    expect((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license).toMatchObject({
      status: 'pending_payment',
      instances: [{ instanceId: instance.id, renewedNotInstalled: false }],
    });
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({
      pending: [],
      uncompared: [],
      accountProblems: [],
    });
    expect(
      await app.failure('portal:preflight-license-install', { org: ACME.id, id: licenseId, instanceId: instance.id }),
    ).toMatchObject({ code: 'not_found' });
  });
});
