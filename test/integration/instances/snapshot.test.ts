import { describe, expect, it } from 'vitest';
import { DAY_S, instanceFixtures, logSince, nowSeconds, WEEK_MS } from './instance-fixtures';

const fx = await instanceFixtures();

describe('readSnapshot on authentik 2024.8 and later', () => {
  it('reads version, Install ID, live and cached summary, forecast, every license and the server time in 7 requests', async () => {
    const sim = await fx.sim({
      users: { internal: 30, external: 200, internalJoinedLast30Days: 2 },
      lastValid: Date.now(),
    });
    const expA = nowSeconds() + 200 * DAY_S;
    const expB = nowSeconds() + 400 * DAY_S;
    const keyA = fx.key(sim.installId, 200, {
      name: 'Acme A',
      internal_users: 50,
      external_users: 500,
      license_flags: ['trial'],
    });
    const keyB = fx.key(sim.installId, 400, {
      name: 'Acme B',
      internal_users: 25,
      external_users: 100,
      license_flags: ['non_production'],
    });
    const uuidA = sim.addLicense(keyA);
    const uuidB = sim.addLicense(keyB);
    sim.refreshCachedSummary();
    const before = sim.requests.length;

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot).toMatchObject({
      url: sim.url,
      version: '2026.5.6',
      rules: expect.objectContaining({
        version: '2026.5.6',
        summaryShape: 'status',
        installIdPath: '/enterprise/license/install_id/',
        assumption: null,
      }),
      installId: sim.installId,
      installIdAvailability: 'ok',
      forecast: { internalUsers: 30, externalUsers: 200, forecastedInternalUsers: 24, forecastedExternalUsers: 2400 },
      forecastAvailability: 'ok',
    });
    const summary = {
      status: 'valid',
      internalUsers: 75,
      externalUsers: 600,
      latestValid: expB * 1000,
      licenseFlags: ['trial', 'non_production'],
    };
    expect(snapshot.live).toEqual(summary);
    expect(snapshot.cached).toEqual(summary);
    expect(snapshot.licenses).toEqual([
      { licenseUuid: uuidA, name: 'Acme A', key: keyA, expiry: expA * 1000, internalUsers: 50, externalUsers: 500 },
      { licenseUuid: uuidB, name: 'Acme B', key: keyB, expiry: expB * 1000, internalUsers: 25, externalUsers: 100 },
    ]);
    // The server's clock from /admin/system/'s server_time; this simulator's is this computer's.
    expect(snapshot.clock).toEqual({ skewMs: expect.any(Number), source: 'server_time' });
    expect(Math.abs(snapshot.clock?.skewMs ?? Number.POSITIVE_INFINITY)).toBeLessThan(5_000);

    const log = logSince(sim, before);
    expect(log).toHaveLength(7);
    expect(log[0]).toBe('GET /admin/version/ 200');
    expect(log.slice(1).sort()).toEqual(
      [
        'GET /enterprise/license/install_id/ 200',
        'GET /enterprise/license/summary/?cached=false 200',
        'GET /enterprise/license/summary/ 200',
        'GET /enterprise/license/forecast/ 200',
        'GET /enterprise/license/?page=1&page_size=100 200',
        'GET /admin/system/ 200',
      ].sort(),
    );
    expect(sim.requests.slice(before).every((entry) => entry.authorized)).toBe(true);
  });

  it('reports the live and the cached summary separately when authentik has not refreshed its cache', async () => {
    const sim = await fx.sim({ users: { internal: 5, external: 0, internalJoinedLast30Days: 0 } });
    sim.addLicense(fx.key(sim.installId, 300, { internal_users: 10, external_users: 10 }));

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot.live.status).toBe('valid');
    expect(snapshot.cached).toEqual({
      status: 'unlicensed',
      internalUsers: 0,
      externalUsers: 0,
      latestValid: null,
      licenseFlags: [],
    });
  });

  it('reads an unlicensed instance: the epoch as latest_valid becomes null, no licenses', async () => {
    const sim = await fx.sim();
    const snapshot = await fx.client(sim.url).readSnapshot();
    expect(snapshot.live).toEqual({
      status: 'unlicensed',
      internalUsers: 0,
      externalUsers: 0,
      latestValid: null,
      licenseFlags: [],
    });
    expect(snapshot.licenses).toEqual([]);
  });

  it('passes status and flag values this version does not know through as received', async () => {
    const sim = await fx.sim();
    const future = {
      internal_users: 7,
      external_users: 8,
      status: 'quantum_flux',
      latest_valid: '2031-01-02T03:04:05.250000Z',
      license_flags: ['trial', 'galactic'],
    };
    sim.fault({
      method: 'GET',
      path: '/enterprise/license/summary/',
      times: 2,
      kind: 'status',
      status: 200,
      body: future,
    });

    const snapshot = await fx.client(sim.url).readSnapshot();

    const expected = {
      status: 'quantum_flux',
      internalUsers: 7,
      externalUsers: 8,
      latestValid: Date.UTC(2031, 0, 2, 3, 4, 5, 250),
      licenseFlags: ['trial', 'galactic'],
    };
    expect(snapshot.live).toEqual(expected);
    expect(snapshot.cached).toEqual(expected);
  });
});

describe('readSnapshot on authentik before 2024.8', () => {
  it('uses get_install_id/, maps the summary booleans, and finds no forecast endpoint (absent, not a failure)', async () => {
    const sim = await fx.sim({
      legacy: true,
      users: { internal: 3, external: 4, internalJoinedLast30Days: 1 },
      lastValid: Date.now(),
    });
    const key = fx.key(sim.installId, 100, { internal_users: 10, external_users: 20 });
    sim.addLicense(key);
    sim.refreshCachedSummary();
    // authentik has served forecast/ since 2023.10; the 2023.8 enterprise preview did not, which this 404 stands for.
    sim.fault({
      path: '/enterprise/license/forecast/',
      kind: 'status',
      status: 404,
      body: { detail: 'No License matches the given query.' },
    });
    const before = sim.requests.length;

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot).toMatchObject({
      version: '2024.6.3',
      rules: expect.objectContaining({
        version: '2024.6.3',
        summaryShape: 'booleans',
        installIdPath: '/enterprise/license/get_install_id/',
        assumption: null,
      }),
      installId: sim.installId,
      installIdAvailability: 'ok',
      forecast: null,
      forecastAvailability: 'absent',
    });
    expect(snapshot.cached).toEqual({
      status: 'valid',
      internalUsers: 10,
      externalUsers: 20,
      latestValid: snapshot.licenses[0]?.expiry,
      licenseFlags: [],
    });
    expect(snapshot.licenses).toHaveLength(1);
    const log = logSince(sim, before);
    expect(log).toHaveLength(7);
    expect(log).toContain('GET /enterprise/license/get_install_id/ 200');
    expect(log).toContain('GET /enterprise/license/forecast/ 404');
    expect(log.some((line) => line.includes('/install_id/'))).toBe(false);
  });

  const overCapacity = { internal: 50, external: 0, internalJoinedLast30Days: 0 };
  it.each([
    { name: 'no license', expected: 'unlicensed', keys: [], users: undefined, lastValidAgo: null },
    { name: 'a current license', expected: 'valid', keys: [100], users: undefined, lastValidAgo: 0 },
    // valid: false means the users exceed the unexpired licenses' seats (over capacity, or every license expired): invalid, not expired.
    {
      name: 'only an expired license, one user',
      expected: 'invalid',
      keys: [-7],
      users: { internal: 1, external: 0, internalJoinedLast30Days: 0 },
      lastValidAgo: 0,
    },
    { name: 'only an expired license, no user', expected: 'valid', keys: [-7], users: undefined, lastValidAgo: 0 },
    { name: 'over capacity, no warning yet', expected: 'invalid', keys: [100], users: overCapacity, lastValidAgo: 0 },
    {
      name: 'over capacity for 3 weeks',
      expected: 'limit_exceeded_admin',
      keys: [100],
      users: overCapacity,
      lastValidAgo: 3 * WEEK_MS,
    },
    {
      name: 'over capacity for 5 weeks',
      expected: 'limit_exceeded_user',
      keys: [100],
      users: overCapacity,
      lastValidAgo: 5 * WEEK_MS,
    },
    {
      name: 'over capacity for 7 weeks',
      expected: 'read_only',
      keys: [100],
      users: overCapacity,
      lastValidAgo: 7 * WEEK_MS,
    },
  ])('maps the legacy booleans of $name to $expected', async ({ expected, keys, users, lastValidAgo }) => {
    const sim = await fx.sim({
      legacy: true,
      users,
      lastValid: lastValidAgo === null ? null : Date.now() - lastValidAgo,
    });
    for (const days of keys) sim.addLicense(fx.key(sim.installId, days, { internal_users: 10, external_users: 10 }));
    sim.refreshCachedSummary();

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot.live.status).toBe(expected);
    expect(snapshot.cached.status).toBe(expected);
    // Before 2024.8 latest_valid is the earliest unexpired expiry: the epoch (none) once every license expired.
    expect(snapshot.live.latestValid).toBe(keys.every((days) => days < 0) ? null : snapshot.licenses[0]?.expiry);
  });
});

describe('license pagination', () => {
  it('follows pagination.next page numbers until 0, honouring the page size the server caps to', async () => {
    const sim = await fx.sim({ maxPageSize: 2 });
    const uuids = [1, 2, 3, 4, 5].map((n) => sim.addLicense(fx.key(sim.installId, 100 + n, { name: `License ${n}` })));
    const before = sim.requests.length;

    const licenses = await fx.client(sim.url).listLicenses();

    expect(licenses.map((license) => license.licenseUuid).sort()).toEqual([...uuids].sort());
    expect(licenses.map((license) => license.name).sort()).toEqual([
      'License 1',
      'License 2',
      'License 3',
      'License 4',
      'License 5',
    ]);
    expect(logSince(sim, before)).toEqual([
      'GET /enterprise/license/?page=1&page_size=100 200',
      'GET /enterprise/license/?page=2&page_size=100 200',
      'GET /enterprise/license/?page=3&page_size=100 200',
    ]);
  });

  it('reads every page inside readSnapshot too (7 requests + one per extra page)', async () => {
    const sim = await fx.sim({ maxPageSize: 2 });
    for (let n = 0; n < 5; n += 1) sim.addLicense(fx.key(sim.installId, 50));
    const before = sim.requests.length;

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot.licenses).toHaveLength(5);
    expect(logSince(sim, before)).toHaveLength(9);
  });
});

describe('reads without the view_license permission', () => {
  it('degrades a 403 on install_id/ and forecast/ to "forbidden" while the rest of the read succeeds', async () => {
    // authentik answers these two with 403 when the token's user lacks view_license, as below.
    const sim = await fx.sim();
    sim.addLicense(fx.key(sim.installId, 100));
    const denied = { detail: 'You do not have permission to perform this action.' };
    sim.fault({ method: 'GET', path: '/enterprise/license/install_id/', kind: 'status', status: 403, body: denied });
    sim.fault({ method: 'GET', path: '/enterprise/license/forecast/', kind: 'status', status: 403, body: denied });

    const snapshot = await fx.client(sim.url).readSnapshot();

    expect(snapshot).toMatchObject({
      installId: null,
      installIdAvailability: 'forbidden',
      forecast: null,
      forecastAvailability: 'forbidden',
    });
    expect(snapshot.licenses).toHaveLength(1);
    expect(snapshot.live.status).toBe('valid');
  });
});
