import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { SEED } from '../../sim/portal';
import { pressPay } from '../portal-sim/portal-sim-fixtures';
import {
  boughtAndInstalled,
  buyFor,
  DAY_MS,
  instanceHelpers,
  renewOnWebsite,
  YEAR_MS,
} from './pending-installs-fixtures';
import { portalIpcFixtures } from './portal-ipc-fixtures';

const fx = portalIpcFixtures();
const { alice: ALICE } = SEED.users;
const { acme: ACME } = SEED.organizations;
const { aliceWithInstance } = instanceHelpers(fx);

describe('renewed but not installed, from list data only, and "Install into <instance>"', () => {
  it('links the paid license to the saved instance, lists it as pending until it is installed, then not', async () => {
    const { portal, app, sim, installId, instance } = await aliceWithInstance();

    const { licenseId } = await buyFor(app, installId);
    const { license } = await app.ok('portal:get-license', { org: ACME.id, id: licenseId });
    expect(license).toMatchObject({
      id: licenseId,
      status: 'active',
      install_id: installId,
      instances: [
        { instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: true, lastReadProblem: null },
      ],
    });
    expect(Date.parse(license.expires_at ?? '')).toBeGreaterThan(Date.now() + YEAR_MS - 2 * DAY_MS);

    const { pending } = await app.ok('portal:list-pending-installs', {});
    expect(pending).toEqual([
      {
        instanceId: instance.id,
        accountId: `${ALICE.id}@${new URL(portal.url).host}`,
        accountEmail: ALICE.email,
        org: ACME.id,
        organizationName: 'Acme Corp',
        license: expect.objectContaining({ id: licenseId }),
      },
    ]);
    const listed = (await app.ok('portal:list-licenses', { org: ACME.id })).licenses;
    expect(
      listed
        .filter((entry) => entry.instances.length > 0)
        .map(({ id, instances }) => [id, instances.map((link) => link.renewedNotInstalled)]),
    ).toEqual([[licenseId, [true]]]);

    const preflight = await app.ok('portal:preflight-license-install', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
    });
    expect(preflight).toMatchObject({
      action: 'send',
      reason: null,
      verdict: { valid: true, reason: 'ok' },
      capacityNow: { internalUsers: 20 },
      capacityAfter: { internalUsers: 40 },
    });
    const posts = () => sim.requests.filter((request) => request.method === 'POST').length;
    expect(posts()).toBe(0);

    const installed = await app.ok('portal:install-license', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
      allowOverCapacity: false,
      replaces: null,
    });
    expect(installed).toMatchObject({ installed: true, reason: 'ok', instance: { id: instance.id } });
    expect(posts()).toBe(1);
    const key = portal.state.data.licenses.find((entry) => entry.id === licenseId)?.key ?? '';
    expect(sim.installed().map((entry) => keyFingerprint(entry.key))).toContain(license.key_fingerprint);
    expect(JSON.stringify([preflight, installed])).not.toContain(key);
    expect(app.events).toEqual(expect.arrayContaining(['instances:did-change', 'portal:did-change']));

    expect(await app.ok('portal:list-pending-installs', {})).toEqual({
      pending: [],
      uncompared: [],
      accountProblems: [],
    });
    expect((await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.instances).toEqual([
      { instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: false, lastReadProblem: null },
    ]);
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
    expect(renewed.instances).toEqual([
      { instanceId: instance.id, instanceName: 'Production', renewedNotInstalled: true, lastReadProblem: null },
    ]);

    // The renewal replaces the installed key it renews (one PATCH), so its seats are not counted twice: main finds it by the previous key's fingerprint.
    expect(renewed.previous_key_fingerprint).toBe(bought.key_fingerprint);
    const installedBefore = (await app.ok('instances:detail', { id: instance.id, refresh: false })).licenses.find(
      (entry) => entry.fingerprint === bought.key_fingerprint,
    );
    const preflight = await app.ok('portal:preflight-license-install', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
    });
    expect(preflight).toMatchObject({
      action: 'send',
      replaces: { licenseUuid: installedBefore?.licenseUuid, name: 'Production 2026' },
      capacityNow: { internalUsers: 40 },
      capacityAfter: { internalUsers: 40 },
    });
    const replaces = preflight.replaces?.licenseUuid ?? null;
    expect(
      await app.ok('portal:install-license', {
        org: ACME.id,
        id: licenseId,
        instanceId: instance.id,
        allowOverCapacity: false,
        replaces,
      }),
    ).toMatchObject({ installed: true });
    const fingerprints = sim.installed().map((entry) => keyFingerprint(entry.key));
    // The older 2025 key, and the renewal in place of the key it renews.
    expect(fingerprints).toHaveLength(2);
    expect(fingerprints).toContain(renewed.key_fingerprint);
    expect(fingerprints).not.toContain(bought.key_fingerprint);
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({
      pending: [],
      uncompared: [],
      accountProblems: [],
    });
  });

  it("a renewal paid on the portal's website replaces the key it renews when installed with one click: the instance keeps as many licenses, the old key is gone", async () => {
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
    const preflight = await app.ok('portal:preflight-license-install', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
      accountId: pairing?.accountId ?? null,
    });
    const renewedUuid = installedBefore.find((entry) => entry.fingerprint === bought.key_fingerprint)?.licenseUuid;
    expect(preflight).toMatchObject({
      action: 'send',
      replaces: { licenseUuid: renewedUuid, name: 'Production 2026' },
      message: expect.stringContaining('would replace the key of "Production 2026"'),
      capacityNow: { internalUsers: 40 },
      capacityAfter: { internalUsers: 40 },
    });
    const writes = () =>
      sim.requests
        .filter((request) => request.method === 'POST' || request.method === 'PATCH')
        .map((request) => request.method);
    const writesBefore = writes().length;
    const installed = await app.ok('portal:install-license', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
      allowOverCapacity: false,
      replaces: preflight.replaces?.licenseUuid ?? null,
      accountId: pairing?.accountId ?? null,
    });
    expect(installed).toMatchObject({
      installed: true,
      message: expect.stringContaining('Replaced the key of "Production 2026"'),
    });
    // One PATCH of the renewed license, no POST beside it.
    expect(writes().slice(writesBefore)).toEqual(['PATCH']);
    const fingerprints = sim.installed().map((entry) => keyFingerprint(entry.key));
    expect(fingerprints).toHaveLength(installedBefore.length);
    expect(fingerprints).not.toContain(bought.key_fingerprint);
    expect(fingerprints).toContain(
      (await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.key_fingerprint,
    );
    expect(await app.ok('portal:list-pending-installs', {})).toEqual({
      pending: [],
      uncompared: [],
      accountProblems: [],
    });
  });

  it('installs a renewal as a new license when the instance does not run the key it renews', async () => {
    const { portal, app, sim, installId, instance } = await aliceWithInstance();
    const { licenseId } = await buyFor(app, installId);
    // Renewed on the website before its first key was ever installed: nothing on the instance is the key it renews.
    await renewOnWebsite(portal, ALICE.email, licenseId);
    expect(
      (await app.ok('portal:get-license', { org: ACME.id, id: licenseId })).license.previous_key_fingerprint,
    ).not.toBeNull();

    const preflight = await app.ok('portal:preflight-license-install', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
    });
    expect(preflight).toMatchObject({
      action: 'send',
      replaces: null,
      capacityNow: { internalUsers: 20 },
      capacityAfter: { internalUsers: 40 },
    });
    await app.ok('portal:install-license', {
      org: ACME.id,
      id: licenseId,
      instanceId: instance.id,
      allowOverCapacity: false,
      replaces: null,
    });
    expect(sim.installed()).toHaveLength(2);
  });
});
