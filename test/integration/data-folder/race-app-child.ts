// The desktop app's side of the race: adds instances through the instance service (connection test,
// token, registry record) as the Add dialog does, while another process writes the same config.json.
// Usage: node --import tsx race-app-child.ts '{"dataDir":…,"barrier":…,"url":…,"token":…,"count":300}'
import { createInstanceService } from '../../../main/instances/instance-service';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { startTogether } from './race-barrier';

const input = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir: string;
  barrier: string;
  url: string;
  token: string;
  count: number;
};

// The race is about config.json: tokens stay in this process's memory, out of the keychain's way.
const tokens = new Map<string, string>();
const secrets: SecretStore = {
  get: async (account) => tokens.get(account) ?? null,
  set: async (account, secret) => void tokens.set(account, secret),
  delete: async (account) => tokens.delete(account),
  accounts: async () => [...tokens.keys()],
  entries: async () => new Map(tokens),
};
const service = createInstanceService({
  registry: createInstanceRegistry(confRegistryStore(input.dataDir)),
  secrets,
  timeoutMs: 30_000,
});

await startTogether(input.barrier, 'app', ['app', 'cli']);
for (let index = 0; index < input.count; index++)
  await service.add({ name: `App ${index}`, url: input.url, token: input.token });
process.stdout.write(`${JSON.stringify({ added: input.count })}\n`);
