import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keyringSecretStore } from '../../main/secrets/keyring-secret-store';
import { instanceAccount } from '../../main/secrets/secret-store';
import { vaultKeyAccount } from '../../main/secrets/vault-access';
import { vaultSecretStore } from '../../main/secrets/vault-secret-store';
import { VAULT_FILE_NAME } from '../../main/secrets/vault-file';

export const TOKEN_STORE_SMALL = 50;
export const TOKEN_STORE_LARGE = 5000;
export const TOKEN_STORE_ROUNDS = 5;
export const TOKEN_STORE_WARMUP_ROUNDS = 1;

export interface TokenStoreFigures {
  smallMedianMs: number;
  largeMedianMs: number;
  smallRunsMs: number[];
  largeRunsMs: number[];
}

function fail(message: string): never {
  throw new Error(`bench failed: token store: ${message}`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/**
 * One round: a fresh data folder's vault, made (its data key written to the real keychain) before the
 * clock starts; then, timed, the tokens of `count` instances stored the way many instances are saved at
 * once (every save issued together, as a fleet is added), and each read back on its own, as the CLI reads a
 * saved instance's. Fails unless every token reads back as stored.
 */
async function storeAndRead(parent: string, count: number): Promise<number> {
  const dataDir = mkdtempSync(join(parent, `tokens-${count}-`));
  const keychain = keyringSecretStore();
  const vault = vaultSecretStore({ dataDir, keychain, ownedAccounts: () => [], report: (message) => fail(message) });
  let keyAccount: string | undefined;
  try {
    await vault.accounts();
    keyAccount = vaultKeyAccount(
      (JSON.parse(readFileSync(join(dataDir, VAULT_FILE_NAME), 'utf8')) as { folderId: string }).folderId,
    );
    const tokens = Array.from(
      { length: count },
      () => [instanceAccount(randomUUID()), `bench-token-${randomUUID()}`] as const,
    );

    const start = process.hrtime.bigint();
    await Promise.all(tokens.map(([account, token]) => vault.set(account, token)));
    for (const [account, token] of tokens) {
      if ((await vault.get(account)) !== token) fail(`with ${count} tokens, ${account} did not read back as stored`);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;

    if ((await vault.accounts()).length !== count)
      fail(`with ${count} tokens the vault lists another number of accounts`);
    return ms;
  } finally {
    if (keyAccount !== undefined) await keychain.delete(keyAccount);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * token_store_ratio's figures: storing then reading the tokens of 5,000 instances against 50, through the
 * real token vault with its data key in the real keychain; a warm-up round, then rounds alternating the
 * two sizes so drift in machine load hits both alike.
 */
export async function measureTokenStore(parent: string): Promise<TokenStoreFigures> {
  const small: number[] = [];
  const large: number[] = [];
  for (let round = 0; round < TOKEN_STORE_WARMUP_ROUNDS + TOKEN_STORE_ROUNDS; round += 1) {
    const smallMs = await storeAndRead(parent, TOKEN_STORE_SMALL);
    const largeMs = await storeAndRead(parent, TOKEN_STORE_LARGE);
    if (round < TOKEN_STORE_WARMUP_ROUNDS) continue;
    small.push(smallMs);
    large.push(largeMs);
  }
  return { smallMedianMs: median(small), largeMedianMs: median(large), smallRunsMs: small, largeRunsMs: large };
}
