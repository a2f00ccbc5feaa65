import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../../shared/time/iso';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { closedPort, logSince } from '../instances/instance-fixtures';
import { instancePageFixtures } from './instance-page-fixtures';
import { uniqueToken } from './keychain-fixtures';
import { tokenPlaces } from './vault-reader';

const { TOKEN, SECOND_TOKEN, app, sim, key, add, watched } = await instancePageFixtures();
const OLD_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const NEW_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

/** Where a saved token is kept: in the vault alone, never as a keychain entry or in a file in the clear. */
const sealedOnly = (token: string) => ({ vault: token, keychain: null, inClear: [] });

const fields = (row: { name: string; url: string; customer: string | null; tags: string[] }) => ({
  name: row.name,
  url: row.url,
  customer: row.customer,
  tags: row.tags,
  caPem: null,
});

describe('instances:update (the edit dialog)', () => {
  it('changes nothing, registry file or vault, when the connection test fails', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    const before = under.fileText();
    const wrong = uniqueToken();
    watched.push(wrong);

    const refused = await under.call('instances:update', { id: row.id, ...fields(row), name: 'Renamed', token: wrong });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'connection_failed', message: expect.stringContaining('rejected the API token') },
    });
    const unreachable = await under.call('instances:update', {
      id: row.id,
      ...fields(row),
      name: 'Renamed',
      url: `http://127.0.0.1:${await closedPort()}`,
      token: null,
    });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'connection_failed' } });

    expect(under.fileText()).toBe(before);
    expect(tokenPlaces(under.dir, instanceAccount(row.id), TOKEN)).toEqual(sealedOnly(TOKEN));
  });

  it('replaces the token in the vault on success, saves every field, refreshes the row and tells the page', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    under.events.length = 0;

    const { instance } = await under.ok('instances:update', {
      id: row.id,
      name: 'Production EU',
      url: `${server.url}/`,
      customer: 'ACME',
      tags: ['eu', 'prod'],
      caPem: null,
      token: SECOND_TOKEN,
    });

    expect(tokenPlaces(under.dir, instanceAccount(row.id), SECOND_TOKEN)).toEqual(sealedOnly(SECOND_TOKEN));
    expect(instance).toMatchObject({
      id: row.id,
      name: 'Production EU',
      url: server.url,
      customer: 'ACME',
      tags: ['eu', 'prod'],
      status: 'unlicensed',
      installId: server.installId,
    });
    expect(under.registry.get(row.id)).toMatchObject({ name: 'Production EU', customer: 'ACME', tags: ['eu', 'prod'] });
    expect(under.events).toEqual(['instances:did-change']);
    expect(under.fileText()).not.toContain(SECOND_TOKEN);
  });

  it('keeps the saved token when the dialog sends none', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    const { instance } = await under.ok('instances:update', {
      id: row.id,
      ...fields(row),
      name: 'Renamed',
      token: null,
    });
    expect(instance.name).toBe('Renamed');
    expect(tokenPlaces(under.dir, instanceAccount(row.id), TOKEN)).toEqual(sealedOnly(TOKEN));
  });

  it('refuses a name another instance has, and an unknown instance, with words', async () => {
    const under = await app();
    const server = await sim(under);
    const first = await add(under, server, 'Prod');
    await add(under, server, 'Staging');
    expect(
      await under.call('instances:update', { id: first.id, ...fields(first), name: 'staging', token: null }),
    ).toEqual({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('An instance named “staging” already exists') },
    });
    expect(await under.call('instances:update', { id: randomUUID(), ...fields(first), token: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('instances:detail (the instance page)', () => {
  it('reads the instance when first opened in a session, then only when asked to refresh', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    const next = under.restart();

    let sent = server.requests.length;
    const first = await next.ok('instances:detail', { id: row.id, refresh: false });
    expect(server.requests.length).toBeGreaterThan(sent);
    expect(first).toMatchObject({
      instance: { id: row.id, status: 'unlicensed' },
      readAt: toIsoUtc(under.clock.now()),
      hasToken: true,
      caPem: null,
      previousInstallId: null,
    });

    sent = server.requests.length;
    await next.ok('instances:detail', { id: row.id, refresh: false });
    expect(server.requests.length).toBe(sent);
    await next.ok('instances:detail', { id: row.id, refresh: true });
    expect(server.requests.length).toBeGreaterThan(sent);
  });

  it('says whether the vault holds a token, never the token', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    expect((await under.ok('instances:detail', { id: row.id, refresh: false })).hasToken).toBe(true);
    await under.secrets.delete(instanceAccount(row.id));
    const detail = await under.ok('instances:detail', { id: row.id, refresh: true });
    expect(detail).toMatchObject({
      hasToken: false,
      readAt: null,
      licenses: [],
      instance: { state: 'unknown', lastRefresh: { ok: false, error: { code: 'config' } } },
    });
  });

  it('lists the licenses and warns of a duplicate key, a trial about to be the only license, and a server clock 10 minutes ahead', async () => {
    const under = await app();
    // The server's clock 10 minutes ahead of this computer's real one: the app measures skew with the
    // computer's clock (Date.now), not with the manual clock that stands still for the rest of the app.
    const server = await sim(under, {
      now: () => Date.now() + 10 * 60_000,
      users: { internal: 3, external: 0, internalJoinedLast30Days: 0 },
    });
    const full = key(server.installId, 20, { name: 'Acme' });
    server.addLicense(full);
    server.addLicense(full);
    server.addLicense(key(server.installId, 200, { name: 'Acme trial', license_flags: ['trial'] }));
    server.refreshCachedSummary();
    const asked = Date.now();
    const row = await add(under, server);

    const detail = await under.ok('instances:detail', { id: row.id, refresh: false });
    const took = Date.now() - asked;
    expect(detail.licenses.map((license) => [license.name, license.flags, license.verdict.reason])).toEqual([
      ['Acme', [], 'ok'],
      ['Acme', [], 'ok'],
      ['Acme trial', ['trial'], 'ok'],
    ]);
    expect(detail.warnings.map((warning) => warning.kind)).toEqual(['duplicate_key', 'trial_only', 'clock_skew']);
    expect(detail.warnings[2]?.message).toMatch(
      /^The instance's clock is (9 minutes \d+ seconds|10 minutes( \d+ seconds?)?) ahead of this computer's/,
    );
    // The HTTP Date header has whole seconds (the app takes the middle of the second) and is judged against the
    // middle of the request's round trip: off by at most half a second plus the time the requests took.
    expect(Math.abs((detail.clockSkewMs ?? 0) - 10 * 60_000)).toBeLessThanOrEqual(500 + took);
    expect(detail.forecast).toEqual({
      internalUsers: 3,
      externalUsers: 0,
      forecastedInternalUsers: 0,
      forecastedExternalUsers: 0,
    });
  });
});

describe('overCapacitySince, recorded by the real fleet monitor on refresh', () => {
  it('is set the first time a refresh sees usage above capacity, kept while over, unchanged by a failed read, cleared once within', async () => {
    const under = await app();
    const server = await sim(under, { users: { internal: 5, external: 0, internalJoinedLast30Days: 0 } });
    server.addLicense(key(server.installId, 365, { internal_users: 10, external_users: 10 }));
    const row = await add(under, server);
    const since = async () => {
      const detail = await under.ok('instances:detail', { id: row.id, refresh: true });
      expect(detail.overCapacitySince).toBe(under.registry.get(row.id)?.overCapacitySince);
      return detail.overCapacitySince;
    };
    expect(await since()).toBeNull();

    server.setUsers({ internal: 12, external: 0, internalJoinedLast30Days: 0 });
    await under.clock.advance(60_000);
    const firstSeen = toIsoUtc(under.clock.now());
    expect(await since()).toBe(firstSeen);

    await under.clock.advance(3 * 86_400_000);
    expect(await since()).toBe(firstSeen);

    server.fault({ path: '/admin/version/', kind: 'status', status: 500 });
    expect(await since()).toBe(firstSeen);
    expect(under.registry.get(row.id)?.lastRefresh).toMatchObject({ ok: false, errorCode: 'server_error' });

    server.setUsers({ internal: 10, external: 0, internalJoinedLast30Days: 0 });
    expect(await since()).toBeNull();
  });
});

describe('a changed Install ID', () => {
  it('is kept as previousInstallId and explained, until every installed license verifies for the new one', async () => {
    const under = await app();
    const server = await sim(under, { installId: OLD_ID });
    const oldUuid = server.addLicense(key(OLD_ID, 365, { name: 'For the old install' }));
    const row = await add(under, server);

    server.setInstallId(NEW_ID);
    const changed = await under.ok('instances:detail', { id: row.id, refresh: true });
    expect(changed).toMatchObject({ previousInstallId: OLD_ID, instance: { installId: NEW_ID } });
    expect(changed.licenses[0]?.verdict.reason).toBe('install_id_mismatch');
    expect(changed.warnings).toEqual([
      { kind: 'install_id_changed', message: expect.stringContaining(`changed from ${OLD_ID} to ${NEW_ID}`) },
    ]);
    expect(changed.warnings[0]?.message).toContain(`buy a new key for ${NEW_ID}`);
    expect(under.registry.get(row.id)?.previousInstallId).toBe(OLD_ID);

    // With no license installed nothing verifies for the new Install ID yet: still kept.
    await under.ok('instances:delete-license', { id: row.id, licenseUuid: oldUuid });
    expect((await under.ok('instances:detail', { id: row.id, refresh: false })).previousInstallId).toBe(OLD_ID);

    const installed = await under.ok('instances:install-key', {
      id: row.id,
      key: key(NEW_ID, 365, { name: 'For the new install' }),
      allowOverCapacity: false,
      replaces: null,
    });
    expect(installed.installed).toBe(true);
    const settled = await under.ok('instances:detail', { id: row.id, refresh: false });
    expect(settled).toMatchObject({ previousInstallId: null, warnings: [] });
    expect(under.registry.get(row.id)?.previousInstallId).toBeNull();
  });
});

describe('instances:delete-license', () => {
  it('sends exactly one DELETE, then refreshes the row and tells the page', async () => {
    const under = await app();
    const server = await sim(under);
    server.addLicense(key(server.installId, 365, { name: 'Kept', internal_users: 10 }));
    const going = server.addLicense(key(server.installId, 365, { name: 'Going', internal_users: 5 }));
    const row = await add(under, server);
    expect(row.licensed?.internalUsers).toBe(15);
    under.events.length = 0;
    const before = server.requests.length;

    const { instance } = await under.ok('instances:delete-license', { id: row.id, licenseUuid: going });

    expect(logSince(server, before).filter((line) => !line.startsWith('GET '))).toEqual([
      `DELETE /enterprise/license/${going}/ 204`,
    ]);
    expect(server.installed()).toHaveLength(1);
    expect(instance.licensed?.internalUsers).toBe(10);
    expect(under.events).toEqual(['instances:did-change']);
  });

  it('answers not_found, in words, for a license that is not installed, and sends no DELETE', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    const unknown = randomUUID();
    const result = await under.call('instances:delete-license', { id: row.id, licenseUuid: unknown });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: `No license with the id ${unknown} is installed on "Prod": it was deleted or replaced meanwhile. Refresh the instance to see its licenses.`,
      },
    });
    expect(server.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
  });
});
