import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusHistoryDir } from '../../../main/instances/status-history';
import { usageAfterLapse } from '../../seeds/usage-after-lapse';
import { instanceFixtures, nowSeconds } from '../instances/instance-fixtures';
import { startApp } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();
const MINUTE = 60_000;
const DAY_MS = 86_400_000;

describe("each refresh adds to the instance's status history, in the data folder", () => {
  it('adds what each read saw (no token, no key); a damaged file is set aside with a log line and refresh goes on; removing the instance deletes it', async () => {
    const dir = await dataDir();
    const watched: string[] = [TOKEN];
    const under = startApp({ dataDir: dir, secrets: vaultOf(dir), pki: fx.pki, watched });
    const server = await fx.sim({
      tokens: { [TOKEN]: { viewLicense: true } },
      users: { internal: 45, external: 3, internalJoinedLast30Days: 0 },
      now: () => under.clock.now(),
    });
    const key = fx.key(server.installId, 10, { internal_users: 50, external_users: 100 });
    watched.push(key);
    server.addLicense(key);
    server.refreshCachedSummary();
    const { instance } = await under.ok('instances:add', {
      name: 'Prod',
      url: server.url,
      token: TOKEN,
      customer: null,
      tags: [],
      caPem: null,
    });
    const file = join(statusHistoryDir(dir), `${instance.id}.json`);
    const addedAt = under.registry.get(instance.id)?.lastStatus?.at;

    await under.clock.advance(MINUTE);
    await under.ok('instances:refresh', { ids: null });
    const text = readFileSync(file, 'utf8');
    const saved = JSON.parse(text) as { format: number; url: string; entries: unknown[] };
    const reading = {
      status: 'expiry_soon',
      statusCached: 'expiry_soon',
      licensed: { internalUsers: 50, externalUsers: 100 },
      usage: { internalUsers: 45, externalUsers: 3 },
    };
    // Adding reads the instance once, the refresh once more.
    expect(saved).toEqual({
      format: 1,
      url: server.url,
      entries: [
        { at: addedAt, ...reading },
        { at: under.registry.get(instance.id)?.lastStatus?.at, ...reading },
      ],
    });
    for (const secret of [TOKEN, key, key.slice(-40)]) expect(text).not.toContain(secret);

    // Damaged between two refreshes: set aside, logged, and the refresh is not affected.
    writeFileSync(file, '{"format": 1, "url": "');
    await under.clock.advance(MINUTE);
    const [row] = (await under.ok('instances:refresh', { ids: null })).instances;
    expect(row).toMatchObject({ statusSource: 'live', status: 'expiry_soon' });
    expect(under.historyLog).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The status history of instance ${instance.id} \\(.+\\) was damaged: it is not valid JSON\\. It was set aside as .+\\.damaged-.+, and a new history starts with the next refresh\\.$`,
        ),
      ),
    ]);
    expect(readdirSync(statusHistoryDir(dir)).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries).toHaveLength(1);

    await under.ok('instances:remove', { id: instance.id });
    expect(existsSync(file)).toBe(false);
  });

  it("the app's install preflight uses the history: a read-only instance is refused with the dates, and a key large enough goes through", async () => {
    const dir = await dataDir();
    const under = startApp({ dataDir: dir, secrets: vaultOf(dir), pki: fx.pki, watched: [TOKEN] });
    const server = await fx.sim({
      tokens: { [TOKEN]: { viewLicense: true } },
      users: { internal: 40, external: 0, internalJoinedLast30Days: 0 },
    });
    server.setUsageRecords(usageAfterLapse((nowSeconds() - 35 * 86_400) * 1000, Date.now()));
    server.addLicense(fx.key(server.installId, -35, { name: 'Lapsed', internal_users: 50, external_users: 0 }));
    server.refreshCachedSummary();
    const { instance } = await under.ok('instances:add', {
      name: 'Lapsed',
      url: server.url,
      token: TOKEN,
      customer: null,
      tags: [],
      caPem: null,
    });
    await under.ok('instances:refresh', { ids: null });

    const small = fx.key(server.installId, 365, { internal_users: 10, external_users: 0 });
    const refused = await under.ok('instances:preflight-install', { id: instance.id, key: small, replaces: null });
    expect(refused).toMatchObject({
      action: 'refuse',
      reason: 'over_capacity',
      message: expect.stringMatching(/^It stays read-only: 40 internal users, 10 seats after this key\./),
      overCapacity: {
        readOnlyAtOnce: 'yes',
        readOnlyNow: true,
        lastValid: { never: false, notBefore: null },
        steps: [],
      },
    });
    const notAfter = Date.parse(refused.overCapacity?.lastValid.notAfter ?? '');
    expect(Math.abs(notAfter - (Date.now() - 42 * DAY_MS))).toBeLessThan(MINUTE);

    const outcome = await under.ok('instances:install-key', {
      id: instance.id,
      key: small,
      allowOverCapacity: false,
      replaces: null,
    });
    expect(outcome).toMatchObject({ installed: false, reason: 'over_capacity' });
    expect(server.installed()).toHaveLength(1);
    const enough = fx.key(server.installId, 365, { internal_users: 40, external_users: 0 });
    expect(
      await under.ok('instances:install-key', {
        id: instance.id,
        key: enough,
        allowOverCapacity: false,
        replaces: null,
      }),
    ).toMatchObject({ installed: true, reason: 'ok', warnings: [] });
  });
});
