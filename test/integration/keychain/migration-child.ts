// The first start after an update, in a keychain of its own (run it under PRIVATE_KEYCHAIN): a data folder
// with two saved instances and a portal account whose tokens are keychain entries, as older versions kept
// them, beside entries that are not this folder's to move (another folder's instance and portal tokens,
// another vault's key, the audit trail's head). Opens the folder's token vault once, then prints what the
// keychain and the vault (read independently, see vault-reader.ts) hold.
// Usage: node --import tsx migration-child.ts '{"dataDir":…}'
import { randomUUID } from 'node:crypto';
import { confAccountStore } from '../../../main/portal/account-store';
import { createInstanceRegistry } from '../../../main/registry/instance-registry';
import { confRegistryStore } from '../../../main/registry/registry-store';
import { keyringCallsSettled, keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { instanceRecord as record } from '../../seeds/instance-record';
import { folderVault } from './folder-vault';
import { vaultJson, vaultSecrets } from './vault-reader';

export interface MigrationChildResult {
  ok: boolean;
  message?: string;
  /** The folder's tokens as the older version kept them, by account. */
  owned: Record<string, string>;
  /** The other entries of the service before the start. */
  others: Record<string, string>;
  /** What the vault store listed on its first use. */
  listed: string[];
  keychainAfter: Record<string, string>;
  vaultAfter: Record<string, string>;
  folderId: string | null;
  migrated: boolean | null;
}

const { dataDir } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string };
const report = (message: string): void => void process.stderr.write(`${message}\n`);
const keychain = keyringSecretStore();
const registryStore = confRegistryStore(dataDir, report);
const accountStore = confAccountStore(dataDir, report);
const [first, second] = [record({ name: 'First' }), record({ name: 'Second' })];
const portalId = `user-1@portal.example.com`;
const owned: Record<string, string> = {
  [`instance:${first.id}`]: `token-of-first-${randomUUID()}`,
  [`instance:${second.id}`]: `token-of-second-${randomUUID()}`,
  [`portal:${portalId}`]: JSON.stringify({
    access_token: `access-${randomUUID()}`,
    refresh_token: `refresh-${randomUUID()}`,
    expires_at: null,
  }),
};
const others: Record<string, string> = {
  [`instance:${randomUUID()}`]: 'token of an instance saved in another data folder',
  'portal:user-2@portal.example.com': 'tokens of a portal account of another data folder',
  [`vault-key:${randomUUID()}`]: 'the data key of another folder',
  'audit:head': 'the audit trail head',
};
const output: MigrationChildResult = {
  ok: false,
  owned,
  others,
  listed: [],
  keychainAfter: {},
  vaultAfter: {},
  folderId: null,
  migrated: null,
};
try {
  const registry = createInstanceRegistry(registryStore);
  registry.add(first);
  registry.add(second);
  accountStore.save({
    id: portalId,
    portalUrl: 'https://portal.example.com',
    userId: 'user-1',
    email: 'ada@example.com',
    name: 'Ada',
    lastUsedAt: '2026-11-29T08:00:00.000Z',
  });
  for (const [account, secret] of Object.entries({ ...owned, ...others })) await keychain.set(account, secret);

  output.listed = await folderVault(dataDir, keychain).accounts();
  output.keychainAfter = Object.fromEntries(await keychain.entries());
  output.vaultAfter = Object.fromEntries(vaultSecrets(dataDir));
  output.folderId = vaultJson(dataDir)?.folderId ?? null;
  output.migrated = vaultJson(dataDir)?.keychainMigrated ?? null;
  output.ok = true;
} catch (error) {
  output.message = error instanceof Error ? error.message : String(error);
}
process.stdout.write(`${JSON.stringify(output)}\n`);
await keyringCallsSettled();
