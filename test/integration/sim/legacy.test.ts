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

  it('serves the install ID at get_install_id/ (install_id/ falls through to the detail route: 404) and the forecast, which 2023.10 already had', async () => {
    expect(await call(ctx.sim.url, '/enterprise/license/get_install_id/')).toMatchObject({
      status: 200,
      body: { install_id: INSTALL_ID },
    });
    expect(await call(ctx.sim.url, '/enterprise/license/install_id/')).toMatchObject({
      status: 404,
      body: { detail: 'No License matches the given query.' },
    });
    expect(await call(ctx.sim.url, '/enterprise/license/forecast/')).toMatchObject({
      status: 200,
      body: { internal_users: 50, external_users: 10, forecasted_internal_users: 24, forecasted_external_users: 120 },
    });
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

  // `valid` looks at the seats only; the warnings at the last in-limits usage record; an expired license adds no seats.
  it.each([
    [
      'a current license',
      100,
      NOW_SECONDS + 365 * 86400,
      NOW,
      { valid: true, show_admin_warning: false, show_user_warning: false, read_only: false, internal_users: 100 },
    ],
    [
      'only an expired license',
      100,
      NOW_SECONDS - 86400,
      NOW,
      { valid: false, show_admin_warning: false, show_user_warning: false, read_only: false, internal_users: 0 },
    ],
    [
      'over capacity, in limits 3 weeks ago',
      10,
      NOW_SECONDS + 365 * 86400,
      NOW - 3 * WEEK_MS,
      { valid: false, show_admin_warning: true, show_user_warning: false, read_only: false, internal_users: 10 },
    ],
    [
      'over capacity, in limits 5 weeks ago',
      10,
      NOW_SECONDS + 365 * 86400,
      NOW - 5 * WEEK_MS,
      { valid: false, show_admin_warning: true, show_user_warning: true, read_only: false, internal_users: 10 },
    ],
    [
      'over capacity, in limits 7 weeks ago',
      10,
      NOW_SECONDS + 365 * 86400,
      NOW - 7 * WEEK_MS,
      { valid: false, show_admin_warning: true, show_user_warning: true, read_only: true, internal_users: 10 },
    ],
  ])('computes the booleans of %s as 2024.2–2024.6 did', async (_title, internal, exp, lastValid, expected) => {
    ctx.sim.setLastValid(lastValid);
    ctx.sim.addLicense(ctx.kit.key({ internal, external: 100, exp }));
    expect(await legacySummary()).toMatchObject({ ...expected, has_license: true });
  });

  it('always answers the cached summary: there is no cached parameter before 2024.8', async () => {
    ctx.sim.refreshCachedSummary();
    ctx.sim.addLicense(ctx.kit.key());
    expect((await call(ctx.sim.url, '/enterprise/license/summary/?cached=false')).body).toMatchObject({
      has_license: false,
    });
  });

  it('installs licenses with the same rules and shape', async () => {
    expect(
      (await call(ctx.sim.url, '/enterprise/license/', { method: 'POST', body: { key: ctx.kit.key() } })).status,
    ).toBe(201);
    expect((await call(ctx.sim.url, '/enterprise/license/')).body).toMatchObject({ pagination: { count: 1, next: 0 } });
  });
});
