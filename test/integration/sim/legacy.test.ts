import { describe, expect, it } from 'vitest';
import { loadOpenApiValidator } from './openapi-validator';
import { freshSimPerTest, INSTALL_ID, NOW, NOW_SECONDS, WEEK_MS } from './sim-fixtures';
import { call } from './sim-http';

const ctx = freshSimPerTest({ legacy: true, users: { internal: 50, external: 10, internalJoinedLast30Days: 2 } });

const legacySummary = async () => {
  ctx.sim.refreshCachedSummary();
  return (await call(ctx.sim.url, '/enterprise/license/summary/')).body as Record<string, unknown>;
};

describe('pre-2024.8 authentik (legacy: true)', () => {
  it('reports version 2024.6.3 by default', async () => {
    expect((await call(ctx.sim.url, '/admin/version/')).body).toMatchObject({ version_current: '2024.6.3' });
  });

  it('serves the install ID at get_install_id/; install_id/ and forecast/ fall through to the detail route: 404', async () => {
    expect(await call(ctx.sim.url, '/enterprise/license/get_install_id/')).toMatchObject({ status: 200, body: { install_id: INSTALL_ID } });
    for (const path of ['/enterprise/license/install_id/', '/enterprise/license/forecast/']) {
      expect(await call(ctx.sim.url, path)).toMatchObject({ status: 404, body: { detail: 'No License matches the given query.' } });
    }
  });

  it('gives the boolean summary shape, which does not pass for the current LicenseSummary', async () => {
    const body = await legacySummary();
    expect(body).toEqual({
      internal_users: 0,
      external_users: 0,
      valid: false,
      show_admin_warning: false,
      show_user_warning: false,
      read_only: false,
      latest_valid: '1970-01-01T00:00:00Z',
      has_license: false,
    });
    expect(loadOpenApiValidator().validateComponent('LicenseSummary', body).valid).toBe(false);
  });

  it.each([
    ['valid', 100, NOW_SECONDS + 365 * 86400, NOW, { valid: true, show_admin_warning: false, show_user_warning: false, read_only: false, has_license: true }],
    ['expired', 100, NOW_SECONDS - 86400, NOW, { valid: false, show_admin_warning: false, show_user_warning: false, read_only: false, has_license: true }],
    ['limit_exceeded_admin', 10, NOW_SECONDS + 365 * 86400, NOW - 3 * WEEK_MS, { valid: false, show_admin_warning: true, show_user_warning: false, read_only: false }],
    ['limit_exceeded_user', 10, NOW_SECONDS + 365 * 86400, NOW - 5 * WEEK_MS, { valid: false, show_admin_warning: true, show_user_warning: true, read_only: false }],
    ['read_only', 10, NOW_SECONDS + 365 * 86400, NOW - 7 * WEEK_MS, { valid: false, show_admin_warning: true, show_user_warning: true, read_only: true }],
  ])('maps %s to the booleans a legacy client reads back', async (_status, internal, exp, lastValid, expected) => {
    ctx.sim.setLastValid(lastValid);
    ctx.sim.addLicense(ctx.kit.key({ internal, external: 100, exp }));
    expect(await legacySummary()).toMatchObject({ ...expected, internal_users: internal, external_users: 100 });
  });

  it('always answers the cached summary: there is no cached parameter before 2024.8', async () => {
    ctx.sim.refreshCachedSummary();
    ctx.sim.addLicense(ctx.kit.key());
    expect((await call(ctx.sim.url, '/enterprise/license/summary/?cached=false')).body).toMatchObject({ has_license: false });
  });

  it('installs licenses with the same rules and shape', async () => {
    expect((await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key: ctx.kit.key() } })).status).toBe(201);
    expect((await call(ctx.sim.url, '/enterprise/license/')).body).toMatchObject({ pagination: { count: 1, next: 0 } });
  });
});
