import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInstanceClient } from '../../../main/instances/instance-client';
import { createInstanceService } from '../../../main/instances/instance-service';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { instanceAccount } from '../../../main/secrets/secret-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { expectInstanceError, instanceFixtures } from '../instances/instance-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';
import { tokenPlaces } from './vault-reader';

requireKeychain();
const fx = await instanceFixtures();
const { vaultOf } = trackedVaults();
const dataDir = tempDataDirs();
const TOKEN = uniqueToken();

/**
 * A simulator reached at http://0.0.0.0:<port>: not a loopback address by the rule (127.0.0.0/8, ::1,
 * localhost), so the token needs permission to go there, yet Linux delivers it to this computer, where
 * the simulator listens on 127.0.0.1.
 */
async function elsewhereSim() {
  const sim = await fx.sim({ tokens: { [TOKEN]: { viewLicense: true } } });
  return { sim, url: sim.url.replace('127.0.0.1', '0.0.0.0') };
}

async function setup() {
  const dir = await dataDir();
  const registry = createInstanceRegistry(confRegistryStore(dir));
  const secrets = vaultOf(dir);
  return { dir, registry, secrets, service: createInstanceService({ registry, secrets, timeoutMs: 5000 }) };
}

describe('plain http:// to another computer', () => {
  it('is refused when adding an instance without permission: nothing sent, nothing saved', async () => {
    const { sim, url } = await elsewhereSim();
    const { registry, service } = await setup();

    const error = await service.add({ name: 'Lab', url, token: TOKEN }).catch((failure: unknown) => failure);

    expect(error).toMatchObject({ name: 'InstanceServiceError', code: 'invalid_url' });
    expect((error as Error).message).toBe(
      'This address is plain http://, so the API token would cross the network unencrypted. Use the instance’s https:// address, or tick “Allow plain HTTP” to send it this way anyway.',
    );
    expect(sim.requests).toEqual([]);
    expect(registry.list()).toEqual([]);
  });

  it('is saved with the permission, which the saved connection carries', async () => {
    const { sim, url } = await elsewhereSim();
    const { dir, registry, service } = await setup();

    const saved = await service.add({ name: 'Lab', url, token: TOKEN, allowHttp: true });

    expect(saved).toMatchObject({ url, allowHttp: true, lastInstallId: sim.installId });
    expect(registry.get(saved.id)?.allowHttp).toBe(true);
    expect(tokenPlaces(dir, instanceAccount(saved.id), TOKEN)).toEqual({ vault: TOKEN, keychain: null, inClear: [] });
    expect(await service.connectionFor(saved.id)).toEqual({ url, token: TOKEN, caPem: null, allowHttp: true });
    expect(sim.requests.length).toBeGreaterThan(0);
    expect(sim.requests.every((request) => request.authorized)).toBe(true);
  });

  it('a loopback http:// address needs no permission, and none is kept for it', async () => {
    const { sim } = await elsewhereSim();
    const { service } = await setup();
    const saved = await service.add({ name: 'Local', url: sim.url, token: TOKEN, allowHttp: true });
    expect(saved.allowHttp).toBe(false);
  });

  it('taking the permission away from such an instance is refused, and nothing changes', async () => {
    const { url } = await elsewhereSim();
    const { registry, service } = await setup();
    const saved = await service.add({ name: 'Lab', url, token: TOKEN, allowHttp: true });

    await expect(service.update(saved.id, { allowHttp: false })).rejects.toMatchObject({ code: 'invalid_url' });
    expect(registry.get(saved.id)).toEqual(saved);
  });

  it('an instance saved before the rule is not read until plain HTTP is allowed for it; allowing it tests the connection first', async () => {
    const { sim, url } = await elsewhereSim();
    const { registry, secrets, service } = await setup();
    const older: Record<string, unknown> & { id: string } = record({ id: randomUUID(), name: 'Old lab', url });
    delete older.allowHttp;
    registry.add(older as ReturnType<typeof record>);
    await secrets.set(instanceAccount(older.id), TOKEN);

    const refused = await expectInstanceError(
      createInstanceClient(await service.connectionFor(older.id)).readSnapshot(),
      'config',
    );
    expect(refused.message).toBe(
      'This address is plain http://, so the API token would cross the network unencrypted. Edit the instance in the app: give its https:// address, or tick “Allow plain HTTP” to send it this way anyway.',
    );
    expect(sim.requests).toEqual([]);

    const allowed = await service.update(older.id, { allowHttp: true });
    expect(allowed).toMatchObject({ allowHttp: true, lastInstallId: sim.installId });
    expect(sim.requests.length).toBeGreaterThan(0);
  });
});
