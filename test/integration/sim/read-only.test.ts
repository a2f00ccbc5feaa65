import { describe, expect, it } from 'vitest';
import { startAuthentikSim } from '../../sim/authentik';
import { freshSimPerTest, INSTALL_ID, NOW, NOW_SECONDS } from './sim-fixtures';
import { call } from './sim-http';

const DENIED = { detail: 'Request denied due to expired/invalid license.', code: 'denied_license' };
const ctx = freshSimPerTest({}, (ready) => {
  // Expired 7 weeks ago: past the 6-week read-only threshold.
  ready.sim.addLicense(ready.kit.key({ exp: NOW_SECONDS - 49 * 86400 }));
  ready.sim.refreshCachedSummary();
});

describe('read-only mode (authentik’s EnterpriseMiddleware)', () => {
  it('refuses a write outside licenses with 400 denied_license, before authentication', async () => {
    expect(await call(ctx.sim.url, '/core/applications/', { method: 'POST', body: { name: 'x' } })).toMatchObject({
      status: 400,
      body: DENIED,
    });
    expect(await call(ctx.sim.url, '/core/applications/', { method: 'POST', token: null, body: {} })).toMatchObject({
      status: 400,
      body: DENIED,
    });
    expect(await call(ctx.sim.url, '/admin/system/', { method: 'POST' })).toMatchObject({ status: 400, body: DENIED });
  });

  it('still answers reads', async () => {
    expect((await call(ctx.sim.url, '/core/applications/')).status).toBe(200);
    expect((await call(ctx.sim.url, '/admin/system/')).status).toBe(200);
  });

  it('still installs, replaces and deletes licenses, and writes resume once the cached status recovers', async () => {
    const installed = await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key: ctx.kit.key() } });
    expect(installed.status).toBe(201);
    const uuid = (installed.body as { license_uuid: string }).license_uuid;
    expect(
      (
        await call(ctx.sim.url, `/enterprise/license/${uuid}/`, {
          method: 'PATCH',
          body: { key: ctx.kit.key({ name: 'Renewed' }) },
        })
      ).status,
    ).toBe(200);
    const [expired] = ctx.sim.installed();
    expect((await call(ctx.sim.url, `/enterprise/license/${expired?.licenseUuid}/`, { method: 'DELETE' })).status).toBe(
      204,
    );

    // Enforcement reads the cached status: live is valid now, the cache still says read_only.
    expect((await call(ctx.sim.url, '/enterprise/license/summary/?cached=false')).body).toMatchObject({
      status: 'valid',
    });
    expect((await call(ctx.sim.url, '/core/applications/', { method: 'POST', body: {} })).status).toBe(400);
    ctx.sim.refreshCachedSummary();
    expect(await call(ctx.sim.url, '/core/applications/', { method: 'POST', body: {} })).toMatchObject({
      status: 201,
      body: {},
    });
  });

  it('enforces nothing while only the live status is read_only', async () => {
    await ctx.sim.close();
    ctx.sim = await startAuthentikSim({ roots: ctx.kit.roots, installId: INSTALL_ID, now: () => NOW });
    ctx.sim.addLicense(ctx.kit.key({ exp: NOW_SECONDS - 49 * 86400 }));
    expect((await call(ctx.sim.url, '/enterprise/license/summary/?cached=false')).body).toMatchObject({
      status: 'read_only',
    });
    expect((await call(ctx.sim.url, '/core/applications/', { method: 'POST', body: {} })).status).toBe(201);
  });
});
