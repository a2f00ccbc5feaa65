// Adds an instance (or lists the tokens) through the app's code path, the data folder's token vault with its
// key in the real keychain binding, in its own process, so a test can point it at an unreachable D-Bus or a
// bus without a Secret Service.
// Usage: node --import tsx service-child.ts '{"action":"add","dataDir":…,"id":…,"name":…,"url":…,"token":…}'
import { createInstanceService } from '../../../main/instances/instance-service';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { folderVault } from './folder-vault';
import type { ChildInput } from './keychain-fixtures';

const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput;
const secrets = folderVault(input.dataDir, keyringSecretStore());
const service = createInstanceService({
  registry: createInstanceRegistry(confRegistryStore(input.dataDir)),
  secrets,
  newId: () => input.id,
  timeoutMs: 5000,
});
try {
  if (input.action === 'add') await service.add({ name: input.name, url: input.url, token: input.token });
  else await secrets.accounts();
  process.stdout.write(`${JSON.stringify({ ok: true, id: input.id })}\n`);
} catch (error) {
  const { name, message, problem, code } = error as Error & { problem?: string; code?: string };
  process.stdout.write(`${JSON.stringify({ ok: false, name, problem, code, message })}\n`);
}
