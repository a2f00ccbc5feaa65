import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { createSimKit, INSTALL_ID, NOW, NOW_SECONDS, WEEK_MS, YEAR_SECONDS, type SimKit } from './sim-fixtures';
import { call } from './sim-http';

let kit: SimKit;
let sim: AuthentikSim;
const DAY_SECONDS = 86400;

beforeAll(async () => {
  kit = await createSimKit();
});

beforeEach(async () => {
  await sim?.close();
  sim = await startAuthentikSim({
    roots: kit.roots,
    installId: INSTALL_ID,
    now: () => NOW,
    users: { internal: 50, external: 200, internalJoinedLast30Days: 4 },
    lastValid: NOW - 3600_000,
  });
});

afterAll(async () => {
  await sim.close();
});

const summary = async (cached: boolean | null) =>
  (await call(sim.url, `/enterprise/license/summary/${cached === null ? '' : `?cached=${cached}`}`)).body as Record<
    string,
    unknown
  >;

describe('license summary: live and cached', () => {
  it('keeps the cached summary (the default) until refreshCachedSummary, while cached=false is live', async () => {
    expect(await summary(null)).toMatchObject({ status: 'unlicensed', internal_users: 0 });
    const installed = await call(sim.url, '/enterprise/license/', {
      method: 'POST',
      body: { key: kit.key({ internal: 100, external: 1000 }) },
    });
    expect(installed.status).toBe(201);
    expect(await summary(false)).toMatchObject({ status: 'valid', internal_users: 100, external_users: 1000 });
    expect(await summary(null)).toMatchObject({ status: 'unlicensed', internal_users: 0 });
    expect(await summary(true)).toEqual(await summary(null));
    sim.refreshCachedSummary();
    expect(await summary(null)).toEqual(await summary(false));
  });

  it('reads cached=False case-insensitively, as authentik lower-cases it', async () => {
    sim.addLicense(kit.key());
    expect((await call(sim.url, '/enterprise/license/summary/?cached=False')).body).toMatchObject({ status: 'valid' });
  });

  it('2024.8 → 2025.4.0: sums capacity over every license (expired ones too), takes the latest expiry, concatenates flags', async () => {
    await sim.close();
    sim = await startAuthentikSim({
      roots: kit.roots,
      installId: INSTALL_ID,
      now: () => NOW,
      users: { internal: 50, external: 200, internalJoinedLast30Days: 4 },
      lastValid: NOW - 3600_000,
      version: '2025.2.0',
    });
    const soon = NOW_SECONDS + 30 * DAY_SECONDS;
    const later = NOW_SECONDS + YEAR_SECONDS;
    sim.addLicense(kit.key({ internal: 10, external: 100, exp: later, flags: ['trial'] }));
    sim.addLicense(kit.key({ internal: 5, external: 50, exp: soon, flags: ['trial', 'non_production'] }));
    sim.addLicense(kit.key({ internal: 1, external: 1, exp: NOW_SECONDS - DAY_SECONDS }));
    expect(await summary(false)).toEqual({
      internal_users: 16,
      external_users: 151,
      // 50 internal users exceed 16 seats, but the last valid record is an hour old: still valid.
      status: 'valid',
      latest_valid: new Date(later * 1000).toISOString().replace('.000Z', 'Z'),
      license_flags: ['trial', 'trial', 'non_production'],
    });
  });

  it.each([
    ['valid', { internal: 100, external: 1000 }, NOW_SECONDS + YEAR_SECONDS, NOW - 3600_000],
    ['expiry_soon', { internal: 100, external: 1000 }, NOW_SECONDS + 14 * DAY_SECONDS, NOW - 3600_000],
    ['expired', { internal: 100, external: 1000 }, NOW_SECONDS - 7 * DAY_SECONDS, NOW - 3600_000],
    ['read_only', { internal: 100, external: 1000 }, NOW_SECONDS - 43 * DAY_SECONDS, NOW - 3600_000],
    ['valid', { internal: 10, external: 1000 }, NOW_SECONDS + YEAR_SECONDS, NOW - WEEK_MS],
    ['limit_exceeded_admin', { internal: 10, external: 1000 }, NOW_SECONDS + YEAR_SECONDS, NOW - 3 * WEEK_MS],
    ['limit_exceeded_user', { internal: 100, external: 10 }, NOW_SECONDS + YEAR_SECONDS, NOW - 5 * WEEK_MS],
    ['read_only', { internal: 10, external: 1000 }, NOW_SECONDS + YEAR_SECONDS, null],
  ])('computes %s with authentik’s thresholds', async (status, seats, exp, lastValid) => {
    sim.setLastValid(lastValid);
    sim.addLicense(kit.key({ ...seats, exp }));
    expect((await summary(false)).status).toBe(status);
  });
});

describe('license forecast', () => {
  it('reports current counts, 12 × internal users who joined in 30 days, and 12 × ALL external users (authentik’s quirk)', async () => {
    const result = await call(sim.url, '/enterprise/license/forecast/');
    expect(result.body).toEqual({
      internal_users: 50,
      external_users: 200,
      forecasted_internal_users: 48,
      forecasted_external_users: 2400,
    });
    sim.setUsers({ internal: 7, external: 3, internalJoinedLast30Days: 0 });
    expect((await call(sim.url, '/enterprise/license/forecast/')).body).toEqual({
      internal_users: 7,
      external_users: 3,
      forecasted_internal_users: 0,
      forecasted_external_users: 36,
    });
  });
});
