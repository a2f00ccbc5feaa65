// Stores tokens in a data folder's vault from a process of its own (the CLI beside the app), one after
// another (a write each, so processes running it side by side interleave their writes), then prints what
// it reads back. Usage: node --import tsx vault-child.ts '{"dataDir":…,"tokens":{"<account>":"<token>",…}}'
import { keyringCallsSettled, keyringSecretStore } from '../../../main/secrets/keyring-secret-store';
import { folderVault } from './folder-vault';

export interface VaultChildInput {
  dataDir: string;
  tokens: Record<string, string>;
}

const input = JSON.parse(process.argv[2] ?? '{}') as VaultChildInput;
const vault = folderVault(input.dataDir, keyringSecretStore());
try {
  for (const [account, token] of Object.entries(input.tokens)) await vault.set(account, token);
  const read = await Promise.all(Object.keys(input.tokens).map(async (account) => [account, await vault.get(account)]));
  process.stdout.write(`${JSON.stringify({ ok: true, read: Object.fromEntries(read) })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, name: (error as Error).name, message: (error as Error).message })}\n`,
  );
}
await keyringCallsSettled();
