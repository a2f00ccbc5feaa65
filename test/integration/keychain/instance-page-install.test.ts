import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { logSince } from '../instances/instance-fixtures';
import { instancePageFixtures } from './instance-page-fixtures';

const { app, sim, key, add } = await instancePageFixtures();
const OLD_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';

describe('renewal: instances:preflight-install and instances:install-key with replaces', () => {
  it('judges a same-size renewal without double-counting the replaced seats, then sends one PATCH and no POST', async () => {
    const under = await app();
    const server = await sim(under, { users: { internal: 10, external: 0, internalJoinedLast30Days: 0 } });
    const current = key(server.installId, 10, { name: 'Acme 2026', internal_users: 10, external_users: 10 });
    const uuid = server.addLicense(current);
    const row = await add(under, server);
    const renewal = key(server.installId, 375, { name: 'Acme 2027', internal_users: 10, external_users: 10 });

    const preflight = await under.ok('instances:preflight-install', { id: row.id, key: renewal, replaces: uuid });
    expect(preflight).toMatchObject({
      action: 'send',
      reason: null,
      message: expect.stringContaining('would replace the key of "Acme 2026"'),
      capacityNow: { internalUsers: 10, externalUsers: 10 },
      capacityAfter: { internalUsers: 10, externalUsers: 10 },
    });
    expect(Date.parse(preflight.cumulativeExpiryAfter ?? '')).toBeGreaterThan(
      Date.parse(preflight.cumulativeExpiryNow ?? ''),
    );

    const before = server.requests.length;
    const result = await under.ok('instances:install-key', {
      id: row.id,
      key: renewal,
      allowOverCapacity: false,
      replaces: uuid,
    });
    expect(result).toMatchObject({
      installed: true,
      reason: 'ok',
      message: expect.stringContaining('Replaced the key of "Acme 2026" with "Acme 2027"'),
    });
    expect(logSince(server, before).filter((line) => !line.startsWith('GET '))).toEqual([
      `PATCH /enterprise/license/${uuid}/ 200`,
    ]);
    expect(server.installed()).toEqual([{ licenseUuid: uuid, key: renewal }]);
    expect(result.instance.licensed).toEqual({ internalUsers: 10, externalUsers: 10 });
  });

  it('refuses, in words, to renew a license that is not installed, and reports a key already installed', async () => {
    const under = await app();
    const server = await sim(under);
    const current = key(server.installId, 10);
    const uuid = server.addLicense(current);
    const row = await add(under, server);
    const unknown = randomUUID();

    const missing = await under.ok('instances:preflight-install', {
      id: row.id,
      key: key(server.installId, 375),
      replaces: unknown,
    });
    expect(missing).toMatchObject({
      action: 'refuse',
      reason: 'not_installed',
      message: expect.stringContaining(`The license to replace (id ${unknown}) is not installed`),
    });
    expect(await under.ok('instances:preflight-install', { id: row.id, key: current, replaces: uuid })).toMatchObject({
      action: 'already_installed',
    });

    const before = server.requests.length;
    const refused = await under.ok('instances:install-key', {
      id: row.id,
      key: key(server.installId, 375),
      allowOverCapacity: false,
      replaces: unknown,
    });
    expect(refused).toMatchObject({ installed: false, reason: 'not_installed' });
    expect(logSince(server, before).filter((line) => !line.startsWith('GET '))).toEqual([]);
  });
});

describe("the combined expiry around an install: authentik's latest_valid beside the product guide's", () => {
  const DAY_MS = 86_400_000;
  const daysAhead = (iso: string | null, now: number): number => Math.round((Date.parse(iso ?? '') - now) / DAY_MS);

  it("a year-long key installed beside a 10-day one moves authentik's expiry a year out, while the guide's earliest expiry stays", async () => {
    const under = await app();
    const server = await sim(under);
    server.addLicense(key(server.installId, 10, { name: 'Acme 2026' }));
    const row = await add(under, server);
    const renewal = key(server.installId, 365, { name: 'Acme 2027' });
    const now = under.clock.now();

    const preflight = await under.ok('instances:preflight-install', { id: row.id, key: renewal, replaces: null });
    expect(daysAhead(preflight.latestValidNow, now)).toBe(10);
    expect(daysAhead(preflight.latestValidAfter, now)).toBe(365);
    expect(daysAhead(preflight.cumulativeExpiryNow, now)).toBe(10);
    expect(preflight.cumulativeExpiryAfter).toBe(preflight.cumulativeExpiryNow);

    const outcome = await under.ok('instances:install-key', {
      id: row.id,
      key: renewal,
      allowOverCapacity: false,
      replaces: null,
    });
    expect(outcome).toMatchObject({ installed: true, reason: 'ok' });
    expect(outcome.instance.latestValid).toBe(preflight.latestValidAfter);
    expect(outcome.authentikExpiry).toEqual({
      latestValid: preflight.latestValidAfter,
      readAt: outcome.instance.lastRefresh?.at,
    });
    expect(outcome.cumulativeExpiry).toBe(preflight.cumulativeExpiryNow);
  });

  it('expects no change when the key is already installed', async () => {
    const under = await app();
    const server = await sim(under);
    const current = key(server.installId, 30);
    server.addLicense(current);
    const row = await add(under, server);

    const preflight = await under.ok('instances:preflight-install', { id: row.id, key: current, replaces: null });
    expect(preflight.action).toBe('already_installed');
    expect(preflight.latestValidAfter).toBe(preflight.latestValidNow);
    expect(daysAhead(preflight.latestValidNow, under.clock.now())).toBe(30);
  });
});

describe('instances:copy-install-id', () => {
  it('copies the Install ID last read (not a secret, so it stays on the clipboard)', async () => {
    const under = await app();
    const server = await sim(under);
    const row = await add(under, server);
    expect(await under.ok('instances:copy-install-id', { id: row.id })).toEqual({});
    expect(under.clipboard.peek()).toBe(server.installId);
  });

  it('says so in words when no Install ID is known yet, and copies nothing', async () => {
    const under = await app();
    const id = randomUUID();
    under.registry.add({
      id,
      name: 'Never read',
      url: 'https://auth.example.com',
      customer: null,
      tags: [],
      caPem: null,
      lastInstallId: null,
      lastVersion: null,
      lastRefresh: null,
      overCapacitySince: null,
    });
    expect(await under.call('instances:copy-install-id', { id })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: expect.stringContaining('The Install ID of "Never read" is not known yet: refresh the instance.'),
      },
    });
    expect(under.clipboard.peek()).toBe('');
  });
});

describe('instances:audit', () => {
  it('names saved instances without a token, and lists the tokens in the vault without an instance', async () => {
    const under = await app();
    const server = await sim(under);
    const kept = await add(under, server, 'Kept');
    const lost = await add(under, server, 'Lost token');
    await under.secrets.delete(instanceAccount(lost.id));
    const orphan = instanceAccount(randomUUID());
    await under.secrets.set(orphan, 'left behind');

    const audit = await under.ok('instances:audit', {});
    expect(audit.missingTokens).toEqual([{ id: lost.id, name: 'Lost token' }]);
    // The data folder's own vault: exactly its orphan, never the token of a saved instance.
    expect(audit.orphanedAccounts).toEqual([orphan]);
    expect(audit.orphanedAccounts).not.toContain(instanceAccount(kept.id));
  });
});

describe('portal:open-purchase', () => {
  it("sends the instance's origin as authentik_url, as authentik's own button does", async () => {
    const under = await app();
    const { url } = await under.ok('portal:open-purchase', {
      installId: OLD_ID,
      authentikUrl: 'https://auth.example.com:8443/authentik',
    });
    expect(url).toBe(
      `https://customers.goauthentik.io/from_authentik/purchase/?install_id=${OLD_ID}&authentik_url=https%3A%2F%2Fauth.example.com%3A8443`,
    );
    expect(under.opened).toEqual([url]);
  });
});
