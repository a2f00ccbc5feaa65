// The command line's side of the race: signs portal accounts in and saves instances, back to back, in
// the same config.json the app is writing.
// Usage: node --import tsx race-cli-child.ts '{"dataDir":…,"barrier":…,"url":…,"count":300}'
import { confAccountStore } from '../../../main/portal/account-store';
import { portalAccountId } from '../../../main/portal/portal-account';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { startTogether } from './race-barrier';
import { instanceRecord } from '../../seeds/instance-record';

const input = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; barrier: string; url: string; count: number };
const PORTAL = 'https://customers.example.com';
const accounts = confAccountStore(input.dataDir);
const registry = createInstanceRegistry(confRegistryStore(input.dataDir));
const at = new Date('2026-05-01T10:00:00.000Z').getTime();

await startTogether(input.barrier, 'cli', ['app', 'cli']);
for (let index = 0; index < input.count; index++) {
  const userId = `user-${index}`;
  accounts.save({
    id: portalAccountId(PORTAL, userId),
    portalUrl: PORTAL,
    userId,
    email: `${userId}@example.com`,
    name: userId,
    lastUsedAt: new Date(at + index * 1000).toISOString(),
  });
  registry.add(instanceRecord({ name: `CLI ${index}`, url: input.url }));
}
process.stdout.write(`${JSON.stringify({ added: input.count })}\n`);
