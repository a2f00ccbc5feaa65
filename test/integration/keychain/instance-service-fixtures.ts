import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createInstanceService, type InstanceServiceDeps } from '../../../main/instances/instance-service';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { instanceFixtures } from '../instances/instance-fixtures';
import { requireKeychain, tempDataDirs, trackedVaults, uniqueToken } from './keychain-fixtures';

/**
 * What the instance service's tests share, registered for the calling test file: fresh data folders, each
 * with its token vault (its key in the real keychain, deleted after the file), one token, simulators that
 * accept only it, and a service over a registry file and vault of its own.
 */
export async function instanceServiceFixtures() {
  requireKeychain();
  const fx = await instanceFixtures();
  const { vaultOf } = trackedVaults();
  const dataDir = tempDataDirs();
  const TOKEN = uniqueToken();

  /** A simulator that accepts only TOKEN. */
  const sim = (options: Parameters<typeof fx.sim>[0] = {}) =>
    fx.sim({ tokens: { [TOKEN]: { viewLicense: true } }, ...options });

  /** A service over a fresh folder; `wrap` may stand between it and the folder's vault (to inject a failure). */
  async function setup(
    overrides: Partial<InstanceServiceDeps> = {},
    wrap: (vault: SecretStore) => SecretStore = (vault) => vault,
  ) {
    const dir = await dataDir();
    const store = confRegistryStore(dir);
    const registry = createInstanceRegistry(store);
    const secrets = wrap(vaultOf(dir));
    const ids: string[] = [];
    const service = createInstanceService({
      registry,
      secrets,
      newId: () => {
        const id = randomUUID();
        ids.push(id);
        return id;
      },
      timeoutMs: 5000,
      ...overrides,
    });
    return {
      dir,
      store,
      registry,
      secrets,
      service,
      ids,
      fileText: () => (existsSync(store.location) ? readFileSync(store.location, 'utf8') : ''),
    };
  }
  return { fx, vaultOf, dataDir, TOKEN, sim, setup };
}

/** The error a call fails with; fails the test when it succeeds. */
export async function rejection(call: Promise<unknown>): Promise<Error> {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}
