import { describe, expect, it } from 'vitest';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { startAuthentikSim, type AuthentikSim, type AuthentikSimOptions } from '../../sim/authentik';
import { INSTALL_ID, NOW, NOW_SECONDS, OTHER_INSTALL_ID, WEEK_MS, YEAR_SECONDS, simsOfFile } from './sim-fixtures';
import { call } from './sim-http';

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
const HOUR_MS = 3_600_000;
const UNABLE = { key: ['Unable to verify license'] };

const sims = simsOfFile();

const simOf = (version: string, options: Partial<AuthentikSimOptions> = {}): Promise<AuthentikSim> =>
  sims.start({ version, ...options });

const install = (sim: AuthentikSim, key: string) =>
  call(sim.url, '/enterprise/license/', { method: 'POST', body: { key } });
const liveSummary = async (sim: AuthentikSim) =>
  (await call(sim.url, '/enterprise/license/summary/?cached=false')).body as Record<string, unknown>;
const cachedSummary = async (sim: AuthentikSim) =>
  (await call(sim.url, '/enterprise/license/summary/')).body as Record<string, unknown>;

/** A key of the test PKI for INSTALL_ID, valid for a year, with `claims` on top (undefined drops a claim). */
function keyWith(claims: Record<string, unknown>, options: { alg?: string; p521?: boolean } = {}): string {
  return mintKey({
    signer: options.p521 === true ? sims.kit().pki.signerP521 : sims.kit().pki.signerP384,
    intermediate: sims.kit().pki.intermediate,
    alg: options.alg,
    claims: { ...licenseClaims(INSTALL_ID, NOW_SECONDS + YEAR_SECONDS), ...claims },
  });
}

describe('the release a simulator follows', () => {
  it('answers it at /admin/version/, and refuses a release before 2024.2 or one that contradicts legacy', async () => {
    const sim = await simOf('2025.4.1');
    expect((await call(sim.url, '/admin/version/')).body).toMatchObject({ version_current: '2025.4.1' });
    await expect(startAuthentikSim({ roots: sims.kit().roots, version: '2023.10.7' })).rejects.toThrow(
      /older than the 2024\.2/,
    );
    await expect(startAuthentikSim({ roots: sims.kit().roots, version: '2026.5.6', legacy: true })).rejects.toThrow(
      /contradicts/,
    );
  });
});

describe('key validation per release (LicenseKey.validate and PyJWT)', () => {
  it.each([
    ['2024.6.3', 'Unable to verify license'],
    ['2024.8.0', 'Invalid Install ID in license'],
    ['2026.5.6', 'Invalid Install ID in license'],
  ])('%s answers a key for another install with "%s"', async (version, message) => {
    const sim = await simOf(version);
    expect(
      (await install(sim, keyWith({ aud: `enterprise.goauthentik.io/license/${OTHER_INSTALL_ID}` }))).body,
    ).toEqual({ key: [message] });
  });

  it('accepts ES384 only from 2026.5 (#20507), and ES512 whatever the curve in every release (#20402 keeps PyJWT 2.11 from checking it)', async () => {
    expect(await install(await simOf('2025.4.1'), keyWith({}, { alg: 'ES384' }))).toMatchObject({
      status: 400,
      body: UNABLE,
    });
    expect((await install(await simOf('2026.5.6'), keyWith({}, { alg: 'ES384' }))).status).toBe(201);
    const legacy = await simOf('2024.6.3');
    expect((await install(legacy, keyWith({}, { p521: true }))).status).toBe(201);
    expect((await install(legacy, keyWith({}))).status).toBe(201);
    expect(await install(legacy, keyWith({}, { alg: 'ES256' }))).toMatchObject({ status: 400, body: UNABLE });
  });

  it.each([
    ['an iat in the future', { iat: NOW_SECONDS + 60 }, 400],
    ['an iat that is not a number', { iat: 'yesterday' }, 400],
    ['an iat given as a numeric string', { iat: String(NOW_SECONDS - 60) }, 201],
    ['an nbf in the future', { nbf: NOW_SECONDS + 60 }, 400],
    ['an nbf in the past', { nbf: NOW_SECONDS - 60 }, 201],
    ['an exp one second ahead (no leeway)', { exp: NOW_SECONDS + 1 }, 201],
    ['a null iat (int(None) is a TypeError, not a PyJWTError)', { iat: null }, 500],
    ['a float exp (dacite: exp is an int)', { exp: NOW_SECONDS + 3600.5 }, 500],
    ['no name (dacite: name is required)', { name: undefined }, 500],
    [
      'an aud list holding the audience (PyJWT passes it, dacite wants a str)',
      { aud: [`enterprise.goauthentik.io/license/${INSTALL_ID}`] },
      500,
    ],
  ])('2026.5.6 answers a key with %s: %s', async (_title, claims, status) => {
    const result = await install(await simOf('2026.5.6'), keyWith(claims));
    expect(result.status).toBe(status);
    if (status === 400) expect(result.body).toEqual(UNABLE);
  });

  it('refuses a non-string sub from 2026.5 (PyJWT 2.11), not before', async () => {
    expect(await install(await simOf('2026.5.6'), keyWith({ sub: 42 }))).toMatchObject({ status: 400, body: UNABLE });
    expect((await install(await simOf('2025.4.1'), keyWith({ sub: 42 }))).status).toBe(201);
  });

  it('answers 500 for a key without aud from 2024.8 (the unverified re-read raises KeyError), "Unable to verify license" before', async () => {
    expect((await install(await simOf('2024.8.0'), keyWith({ aud: undefined }))).status).toBe(500);
    expect(await install(await simOf('2024.6.3'), keyWith({ aud: undefined }))).toMatchObject({
      status: 400,
      body: UNABLE,
    });
  });

  it('reads x5c as standard base64 only: the same chain in base64url does not verify', async () => {
    const x5c = [sims.kit().pki.signerP384.x5c, sims.kit().pki.intermediate.x5c].map((entry) =>
      Buffer.from(entry, 'base64').toString('base64url'),
    );
    const key = mintKey({
      signer: sims.kit().pki.signerP384,
      intermediate: sims.kit().pki.intermediate,
      header: { alg: 'ES512', typ: 'JWT', x5c },
      claims: licenseClaims(INSTALL_ID, NOW_SECONDS + YEAR_SECONDS),
    });
    expect(await install(await simOf('2026.5.6'), key)).toMatchObject({ status: 400, body: UNABLE });
  });
});

describe('get_total() per release: whose seats count, which expiry', () => {
  const inThirtyDays = NOW_SECONDS + 30 * DAY_S;
  const inAYear = NOW_SECONDS + YEAR_SECONDS;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  it.each([
    ['2024.6.3', 15, 150, inThirtyDays],
    ['2025.2.0', 16, 151, inAYear],
    ['2025.4.1', 15, 150, inAYear],
    ['2026.5.6', 15, 150, inAYear],
  ])('%s licenses %i internal and %i external users until %i', async (version, internal, external, expiry) => {
    const sim = await simOf(version);
    sim.addLicense(keyWith({ internal_users: 10, external_users: 100, exp: inThirtyDays }));
    sim.addLicense(keyWith({ internal_users: 5, external_users: 50, exp: inAYear }));
    sim.addLicense(keyWith({ internal_users: 1, external_users: 1, exp: NOW_SECONDS - DAY_S }));
    sim.refreshCachedSummary();
    expect(await cachedSummary(sim)).toMatchObject({
      internal_users: internal,
      external_users: external,
      latest_valid: iso(expiry),
    });
  });
});

describe('status() and the usage history', () => {
  // A license that expired 3 days ago; the two weeks before expiry were recorded as expiry_soon, so the last valid record is 17 days old.
  it.each([
    ['2025.2.0', 'expired'],
    ['2025.4.1', 'limit_exceeded_admin'],
    ['2026.5.6', 'limit_exceeded_admin'],
  ])('%s reports %s: from #14451 an expired license leaves its users over capacity', async (version, status) => {
    const usageRecords = [
      { at: NOW - 17 * DAY_MS, status: 'valid' },
      { at: NOW - 10 * DAY_MS, status: 'expiry_soon' },
    ];
    const sim = await simOf(version, {
      users: { internal: 10, external: 0, internalJoinedLast30Days: 0 },
      usageRecords,
    });
    sim.addLicense(keyWith({ exp: NOW_SECONDS - 3 * DAY_S }));
    expect(await liveSummary(sim)).toMatchObject({ status });
  });

  it('records status() at most every 8 hours, forgets records after 90 days, and falls back to the epoch (2024.8 →)', async () => {
    let clock = NOW;
    const sim = await simOf('2026.5.6', {
      now: () => clock,
      users: { internal: 10, external: 0, internalJoinedLast30Days: 0 },
      usageRecords: [{ at: NOW - 91 * DAY_MS, status: 'valid' }],
    });
    sim.addLicense(keyWith({ internal_users: 100 }));
    expect(sim.usageRecords()).toEqual([]);
    sim.refreshCachedSummary();
    expect(sim.usageRecords()).toEqual([{ at: NOW, status: 'valid' }]);

    sim.setUsers({ internal: 200, external: 0, internalJoinedLast30Days: 0 });
    clock = NOW + 4 * HOUR_MS;
    sim.refreshCachedSummary();
    expect(sim.usageRecords()).toHaveLength(1);
    // Over capacity, but the last valid record is 4 hours old: the expiry checks decide, so it is valid again.
    expect(await cachedSummary(sim)).toMatchObject({ status: 'valid' });
    clock = NOW + 9 * HOUR_MS;
    sim.refreshCachedSummary();
    expect(sim.usageRecords()).toEqual([
      { at: NOW, status: 'valid' },
      { at: clock, status: 'valid' },
    ]);

    sim.setUsageRecords([]);
    expect(await liveSummary(sim)).toMatchObject({ status: 'read_only' });
  });

  it('before 2024.8 records within_limits, and with no in-limits record the warnings never start (the now() fallback)', async () => {
    const sim = await simOf('2024.6.3', { users: { internal: 200, external: 0, internalJoinedLast30Days: 0 } });
    sim.addLicense(keyWith({ internal_users: 100 }));
    sim.refreshCachedSummary();
    expect(sim.usageRecords()).toEqual([{ at: NOW, withinLimits: false }]);
    expect(await cachedSummary(sim)).toMatchObject({
      valid: false,
      show_admin_warning: false,
      show_user_warning: false,
      read_only: false,
      has_license: true,
    });
    expect(() => sim.setUsageRecords([{ at: NOW, status: 'valid' }])).toThrow(/withinLimits/);
  });

  it('before 2024.8 refuses writes while the cached read_only boolean is set, and switches enterprise features off', async () => {
    const sim = await simOf('2024.6.3', {
      users: { internal: 200, external: 0, internalJoinedLast30Days: 0 },
      lastValid: NOW - 7 * WEEK_MS,
    });
    sim.addLicense(keyWith({ internal_users: 100 }));
    sim.refreshCachedSummary();
    expect(await cachedSummary(sim)).toMatchObject({ read_only: true });
    expect(await call(sim.url, '/core/applications/', { method: 'POST', body: {} })).toMatchObject({
      status: 400,
      body: { code: 'denied_license' },
    });
    expect((await call(sim.url, '/root/config/')).body).toMatchObject({
      capabilities: ['can_save_media', 'can_geo_ip', 'can_impersonate'],
    });
  });
});
