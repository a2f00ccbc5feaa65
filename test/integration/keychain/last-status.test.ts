import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { confRegistryStore, type RegistryStore } from '../../../main/registry/registry-store';
import { startAuthentikSim } from '../../sim/authentik';
import { instanceFixtures } from '../instances/instance-fixtures';
import { startApp } from './app-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();
const MINUTE = 60_000;
const roots = trustRootsOf([new X509Certificate(fx.pki.root.pem)]);

describe('the last known status of an instance, kept in the registry', () => {
  it('a refresh saves what the row shows, without the token or a key; a failing one keeps it beside the error; the next session shows it at once, marked last known', async () => {
    const watched: string[] = [TOKEN];
    const dir = await dataDir();
    const under = startApp({ dataDir: dir, secrets: vaultOf(dir), pki: fx.pki, watched });
    // Started here, not by the fixtures, since the test stops it itself.
    const server = await startAuthentikSim({
      roots: roots.certificates,
      tokens: { [TOKEN]: { viewLicense: true } },
      users: { internal: 45, external: 90, internalJoinedLast30Days: 2 },
      now: () => under.clock.now(),
    });
    const key = fx.key(server.installId, 10, { internal_users: 50, external_users: 100, license_flags: ['trial'] });
    watched.push(key);
    server.addLicense(key);
    server.refreshCachedSummary();
    const { instance } = await under.ok('instances:add', {
      name: 'Prod',
      url: server.url,
      token: TOKEN,
      customer: 'Acme',
      tags: [],
      caPem: null,
    });

    await under.clock.advance(MINUTE);
    const [live] = (await under.ok('instances:refresh', { ids: null })).instances;
    expect(live).toMatchObject({
      state: 'warning',
      statusSource: 'live',
      status: 'expiry_soon',
      flags: ['trial'],
      usage: { internalUsers: 45, externalUsers: 90 },
    });
    expect(live?.warnings).toEqual([
      expect.stringMatching(/^The licenses run out on .*, in \d+ days: renew before then\.$/),
    ]);
    const saved = under.registry.get(instance.id);
    const lastStatus = {
      at: live?.statusReadAt,
      exit: 1,
      status: 'expiry_soon',
      statusCached: 'expiry_soon',
      latestValid: live?.latestValid,
      licensed: { internalUsers: 50, externalUsers: 100 },
      usage: { internalUsers: 45, externalUsers: 90 },
      flags: ['trial'],
      warnings: live?.warnings,
    };
    expect(saved?.lastStatus).toEqual(lastStatus);
    expect(saved?.lastRefresh).toEqual({
      at: lastStatus.at,
      ok: true,
      errorCode: null,
      errorMessage: null,
      failingSince: null,
    });
    // The registry file on disk holds the status, and neither the token nor the key, nor pieces of them.
    const text = under.fileText();
    expect((JSON.parse(text) as { instances: { lastStatus: unknown }[] }).instances[0]?.lastStatus).toEqual(lastStatus);
    for (const secret of [TOKEN, TOKEN.slice(-12), key, key.slice(-40)]) expect(text).not.toContain(secret);

    // The instance stops answering: the row keeps its last known status, unknown now, beside the error; nothing saved is lost.
    await server.close();
    await under.clock.advance(MINUTE);
    const [failed] = (await under.ok('instances:refresh', { ids: null })).instances;
    expect(failed).toMatchObject({
      state: 'unknown',
      statusSource: 'last_known',
      statusReadAt: lastStatus.at,
      status: 'expiry_soon',
      usage: lastStatus.usage,
      flags: ['trial'],
      lastRefresh: {
        ok: false,
        error: { code: 'unreachable', message: expect.stringContaining('refused the connection') },
      },
    });
    expect(failed?.lastRefresh?.at).not.toBe(lastStatus.at);
    // The first failed read starts the run of failures the dashboard dates ("Unreachable since …").
    expect(under.registry.get(instance.id)).toMatchObject({
      lastStatus,
      lastRefresh: { ok: false, errorCode: 'unreachable', failingSince: failed?.lastRefresh?.at },
    });

    // The next session shows it before reading anything, in its last known state, with the failure; so does the export.
    const next = under.restart();
    const [opened] = (await next.ok('instances:list', {})).instances;
    expect(opened).toMatchObject({
      state: 'warning',
      statusSource: 'last_known',
      statusReadAt: lastStatus.at,
      status: 'expiry_soon',
      licensed: lastStatus.licensed,
      lastRefresh: { ok: false },
    });
    const exported = JSON.parse((await next.ok('instances:export', { format: 'json' })).content) as Record<
      string,
      unknown
    >[];
    expect(exported[0]).toMatchObject({
      name: 'Prod',
      status: 'expiry_soon',
      status_source: 'last_known',
      status_read_at: lastStatus.at,
      internal_used: 45,
    });
    const [stillDown] = (await next.ok('instances:refresh', { ids: null })).instances;
    expect(stillDown).toMatchObject({ state: 'unknown', statusSource: 'last_known', status: 'expiry_soon' });
    expect(next.registry.get(instance.id)?.lastStatus).toEqual(lastStatus);

    // Removing the instance removes its last known status with the record.
    await next.ok('instances:remove', { id: instance.id });
    expect(next.fileText()).not.toContain('expiry_soon');
  });

  it("Refresh all saves every instance's last known status in its one registry write", async () => {
    const dir = await dataDir();
    const conf = confRegistryStore(dir);
    let writes = 0;
    const registryStore: RegistryStore = {
      location: conf.location,
      read: () => conf.read(),
      update(change) {
        conf.update((instances) => {
          const saved = change(instances);
          if (saved !== undefined) writes += 1;
          return saved;
        });
      },
    };
    const under = startApp({ dataDir: dir, secrets: vaultOf(dir), pki: fx.pki, watched: [TOKEN], registryStore });
    const ids: string[] = [];
    for (const [index, internal] of [10, 60, 0].entries()) {
      const server = await fx.sim({
        tokens: { [TOKEN]: { viewLicense: true } },
        users: { internal, external: 0, internalJoinedLast30Days: 0 },
        now: () => under.clock.now(),
      });
      if (internal > 0) server.addLicense(fx.key(server.installId, 365, { internal_users: 50, external_users: 10 }));
      server.refreshCachedSummary();
      ids.push(
        (
          await under.ok('instances:add', {
            name: `Instance ${index}`,
            url: server.url,
            token: TOKEN,
            customer: null,
            tags: [],
            caPem: null,
          })
        ).instance.id,
      );
    }

    await under.clock.advance(MINUTE);
    writes = 0;
    const { instances } = await under.ok('instances:refresh', { ids: null });
    expect(writes).toBe(1);
    expect(instances.map((row) => [row.statusSource, row.status])).toEqual([
      ['live', 'valid'],
      ['live', 'read_only'],
      ['live', 'unlicensed'],
    ]);
    expect(ids.map((id) => under.registry.get(id)?.lastStatus?.status)).toEqual(['valid', 'read_only', 'unlicensed']);
    expect(ids.map((id) => under.registry.get(id)?.lastStatus?.at)).toEqual(instances.map((row) => row.statusReadAt));
  });
});
